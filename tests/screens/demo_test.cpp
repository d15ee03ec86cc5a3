// The demo never leaves the tablet (issue 15): 体验演示 opens a database of
// its own, so the device's own log — the one that syncs — holds nothing of
// it; the demo cannot be enrolled, only left; and a log an older version
// loaded the demo into is cleared, once confirmed, before it can be enrolled.
#include <catch2/catch.hpp>

#include "app/demo/demo_community.hpp"
#include "tests/screens/tablet.hpp"

using namespace screens_test;

TEST_CASE("体验演示 records into the demo's own database, never the device's own, and cannot be enrolled", "[screens][demo]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  const WidgetRecord* hint = t.find("welcome_demo_hint");
  REQUIRE(hint);
  CHECK(hint->label.find("永不上传") != std::string::npos);
  REQUIRE(t.tap("welcome_try_demo"));
  t.frames(2);
  CHECK(t.host().store().demo());
  CHECK(t.session().has_data());
  CHECK(t.host().own().empty());          // nothing of the demo in the own database
  CHECK(t.host().store_size() > 1000);    // the demo's ops are stored, in the demo's
  CHECK(t.find("today_demo"));            // Today says it is the demo
  // Work done in the demo stays there too.
  const std::size_t before = t.host().store_size();
  REQUIRE(t.tap("nav_rounds"));
  REQUIRE(t.tap("zone:0"));
  REQUIRE(t.tap("zone_start:0"));
  t.frames(2);
  CHECK(t.host().store_size() > before);
  CHECK(t.host().own().empty());
  // Sync offers no enrolment in the demo: it explains, and offers the way out.
  REQUIRE(t.tap("nav_sync"));
  CHECK(t.find("sync_demo_explain"));
  CHECK_FALSE(t.find("sync_enroll"));
  REQUIRE(t.tap("sync_leave_demo"));
  CHECK(t.host().left_demo());
  CHECK_FALSE(t.host().store().demo());
  CHECK(t.host().own().empty());
}

TEST_CASE("a device log holding the demo from an older version is cleared before it can be enrolled", "[screens][demo]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  // As an older version did: the demo loaded into the device's own log.
  REQUIRE(t.session().load_demo(app::DemoOptions{}).ok());
  t.frames(2);
  CHECK_FALSE(t.host().store().demo());
  CHECK_FALSE(t.host().own().empty());
  CHECK(t.session().holds_demo());
  REQUIRE(t.tap("welcome_enroll"));  // the butler sets out to enrol
  CHECK(t.find("sync_legacy_explain"));
  CHECK_FALSE(t.find("sync_enroll"));
  // One tap asks, the second clears.
  REQUIRE(t.tap("sync_clear_demo"));
  CHECK_FALSE(t.host().left_demo());
  REQUIRE(t.tap("sync_clear_demo_confirm"));
  CHECK(t.host().left_demo());
  CHECK(t.host().own().empty());
}

TEST_CASE("a ticket received in the demo is numbered as tablet 0's, and its page is headed by the number", "[screens][demo]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  REQUIRE(t.tap("welcome_try_demo"));
  t.frames(2);
  app::NewTicket ticket;
  ticket.what = "楼道灯不亮";
  const app::Result<app::Id> id = t.session().tickets().open_ticket(ticket);
  REQUIRE(id.ok());
  t.frames(2);
  REQUIRE(t.tap("nav_tickets"));
  REQUIRE(t.tap("ticket:0"));
  const WidgetRecord* number = t.find("ticket_number");
  REQUIRE(number);
  CHECK(number->label == "T0-0001");
}

TEST_CASE("a major complaint's page offers 上报 to the manager, 答复业主 and shows who is complained about, every target 48 px", "[screens][demo]") {
  app::i18n::set_current_language(app::i18n::Lang::zh_CN);
  Tablet t({"768x1024", 768, 1024});
  t.frames(4);
  REQUIRE(t.tap("welcome_try_demo"));
  t.frames(2);
  app::NewTicket ticket;
  ticket.what = "保安态度恶劣";
  ticket.kind = app::tickets::Kind::valid_complaint;
  ticket.severity = app::tickets::Severity::major;
  ticket.complained_person = "保安小王";
  ticket.complained_department = "秩序维护部";
  ticket.classified = true;
  REQUIRE(t.session().tickets().open_ticket(ticket).ok());
  t.frames(2);
  REQUIRE(t.tap("nav_tickets"));
  REQUIRE(t.tap("ticket:0"));
  const WidgetRecord* complained = t.reveal("ticket_complained");
  REQUIRE(complained);
  CHECK(complained->label == "被投诉：保安小王 · 秩序维护部");
  const WidgetRecord* escalate = t.reveal("ticket_escalate");
  REQUIRE(escalate);
  CHECK(escalate->label == "上报管理处主任");  // 000:265 "应当天呈送管理处主任"
  REQUIRE(t.reveal("ticket_answer_owner"));
  t.at("major complaint page");
  t.check({"ticket_escalate", "ticket_answer_owner", "answer_said"});
  std::string problems;
  for (const std::string& p : t.problems()) problems += p + "\n";
  INFO(problems);
  CHECK(t.problems().empty());
  REQUIRE(t.tap("ticket_escalate"));
  REQUIRE(t.reveal("ticket_escalated"));
  CHECK_FALSE(t.find("ticket_escalate"));
}
