// The visitors register (接待来访): 000:335 "五、接待来访", 000:337
// ":①、问明来意;②、确认对方的身份;③、通报相关部门;④、引领来访人员到接待区坐定;⑤、送上茶水。"
// A visitor is received with what they came for and who they are, the
// department told (已通报) and their leaving (离开) each recorded once; two
// tablets recording one each offline keep both; a visit becomes a ticket
// received in person (channel 来访); visitors.csv and the snapshot keep it all.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "app/visitors/visitors_labels.hpp"
#include "export_text.hpp"
#include "keys_fixture.hpp"

using namespace app;
using namespace keys_fixture;
using visitors::IdSeen;
using visitors::Place;

namespace {

Id some_unit(const Device& d, std::size_t nth = 0) { return d.session.estate().unit_rows().at(nth).id; }

NewVisit visitor(const Device& d, std::string name = "张先生", std::string purpose = "找物业谈车位租赁") {
  NewVisit v;
  v.purpose = std::move(purpose);
  v.name = std::move(name);
  v.id_seen = IdSeen::id_card;
  v.unit = some_unit(d);
  v.department = "客服中心";
  v.place = Place::reception;
  return v;
}

}  // namespace

TEST_CASE("what a visitor is received with: the manual's steps as rules, each refusal in words a butler reads") {
  Device d(41);
  REQUIRE(d.loaded);
  d.as(Role::front_desk);
  struct Row {
    const char* rule;  // the manual's step it encodes
    void (*change)(NewVisit&);
    const char* code;  // "" : received
  };
  const Row rows[] = {
      // 000:337 "①、问明来意"
      {"① no purpose", [](NewVisit& v) { v.purpose = "  "; }, "purpose_required"},
      {"① a purpose of a page", [](NewVisit& v) { v.purpose = std::string(400, 'x'); }, "purpose_long"},
      // 000:337 "②、确认对方的身份"
      {"② no name", [](NewVisit& v) { v.name = ""; }, "name_required"},
      {"② said only is an identity seen", [](NewVisit& v) { v.id_seen = IdSeen::said_only; }, ""},
      {"② visiting no unit", [](NewVisit& v) { v.unit = {}; }, ""},
      {"② an unknown unit", [](NewVisit& v) { v.unit = Id{9, 9}; }, "unknown_unit"},
      // 000:337 "③、通报相关部门": one of the departments, or chosen later
      {"③ a department not on the list", [](NewVisit& v) { v.department = "财务部"; }, "unknown_department"},
      {"③ no department yet", [](NewVisit& v) { v.department = ""; }, ""},
      // 000:337 "④、引领来访人员到接待区坐定"
      {"④ the meeting room", [](NewVisit& v) { v.place = Place::meeting_room; }, ""},
      {"④ another place unnamed", [](NewVisit& v) { v.place = Place::other; }, "place_required"},
      {"④ another place named", [](NewVisit& v) { v.place = Place::other, v.place_text = "3栋大堂"; }, ""},
  };
  for (const Row& row : rows) {
    SECTION(row.rule) {
      NewVisit v = visitor(d);
      row.change(v);
      const auto r = d.session.visitors().receive(v);
      if (*row.code == 0) {
        REQUIRE(r.ok());
        CHECK(d.session.visitors().visit(r.value())->in());
      } else {
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == row.code);
        CHECK_FALSE(r.error().message.empty());
        CHECK(d.session.visitors().in_now().empty());
      }
    }
  }
  // The readable messages, in Chinese first.
  NewVisit v = visitor(d);
  v.purpose = "";
  CHECK(d.session.visitors().receive(v).error().message == "请问明来意并填写。");
  v = visitor(d);
  v.name = " ";
  CHECK(d.session.visitors().receive(v).error().message == "请确认来访人的身份并填写姓名。");
}

TEST_CASE("told once and after the arrival, left once and not before it, open visits first") {
  Device d(42);
  d.as(Role::front_desk);
  VisitorsService& svc = d.session.visitors();
  const Id a = svc.receive(visitor(d)).value();
  d.clock.now += 5 * kMinute;
  NewVisit second = visitor(d, "李女士");
  second.department = "";
  const Id b = svc.receive(second).value();
  REQUIRE(svc.in_now().size() == 2);
  CHECK(svc.in_now()[0]->id == a);  // oldest first
  // ③ told: the department chosen at receipt, now.
  d.clock.now += kMinute;
  REQUIRE(svc.told(a).ok());
  CHECK(svc.visit(a)->told_ms == kAfternoon + 6 * kMinute);
  CHECK(svc.visit(a)->department == "客服中心");
  CHECK(svc.told(a).error().code == "told");
  CHECK(svc.told(a).error().message.find("客服中心") != std::string::npos);
  // No department at receipt: one is needed at 已通报.
  CHECK(svc.told(b).error().code == "department_required");
  // A clock set back before the arrival: neither told nor left.
  d.clock.now = kAfternoon + 4 * kMinute;
  CHECK(svc.told(b, "工程部").error().code == "before_arrival");
  CHECK(svc.leave(b).error().code == "before_arrival");
  d.clock.now = kAfternoon + 20 * kMinute;
  REQUIRE(svc.told(b, "工程部").ok());
  CHECK(svc.visit(b)->department == "工程部");
  CHECK(visitors::told_ok(svc.visit(b)->arrived_ms, svc.visit(b)->told_ms));
  // Left once.
  REQUIRE(svc.leave(a).ok());
  CHECK_FALSE(svc.visit(a)->in());
  CHECK(svc.visit(a)->left_ms == kAfternoon + 20 * kMinute);
  const auto again = svc.leave(a);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "left");
  CHECK(again.error().message.find("离开") != std::string::npos);
  REQUIRE(svc.in_now().size() == 1);
  CHECK(svc.in_now()[0]->id == b);
  REQUIRE(svc.recent_left().size() == 1);
  CHECK(svc.recent_left()[0]->id == a);
  CHECK(svc.leave(Id{7, 7}).error().code == "unknown_visit");
  // Whoever works the office records visitors; the server refuses others' ops.
  for (OpKind k : {OpKind::visitor_received, OpKind::visitor_told, OpKind::visitor_left, OpKind::visitor_ticket_opened}) {
    CHECK(role_may_write(static_cast<std::int64_t>(Role::front_desk), k));
    CHECK(role_may_write(static_cast<std::int64_t>(Role::butler), k));
    CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::cleaning), k));
  }
}

TEST_CASE("two tablets offline: one records 已通报, the other 离开 - both are kept after sync and in any fold order") {
  Device a(43, 0xA), b(44, 0xB);
  a.as(Role::front_desk);
  b.as(Role::butler);
  const Id id = a.session.visitors().receive(visitor(a)).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  a.clock.now += 10 * kMinute;
  b.clock.now += 30 * kMinute;
  REQUIRE(a.session.visitors().told(id).ok());   // A tells the service centre
  REQUIRE(b.session.visitors().leave(id).ok());  // B, not knowing, sees them out
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().visitors == b.session.master_data().visitors);
  const VisitorRecord* v = a.session.visitors().visit(id);
  CHECK(v->told());
  CHECK(v->told_ms == kAfternoon + 10 * kMinute);
  CHECK(v->told_by == a.session.actor());
  CHECK(v->left_ms == kAfternoon + 30 * kMinute);
  CHECK(v->left_by == b.session.actor());
  CHECK(a.session.visitors().in_now().empty());
  // Any order of the same ops folds the same, and every op passes the server's checks.
  const std::vector<Op> log = a.session.decoded_log();
  for (const Op& op : log) CHECK(validate_op(op).ok());
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(43));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().visitors == in_order.data().visitors);
}

TEST_CASE("both tablets tap 离开 offline: the first in fold order stands, one time kept") {
  Device a(45, 0xA), b(46, 0xB);
  a.as(Role::front_desk);
  b.as(Role::front_desk);
  const Id id = a.session.visitors().receive(visitor(a)).value();
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  a.clock.now += 15 * kMinute;
  b.clock.now += 16 * kMinute;
  REQUIRE(a.session.visitors().leave(id).ok());
  REQUIRE(b.session.visitors().leave(id).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().visitors == b.session.master_data().visitors);
  CHECK(a.session.visitors().visit(id)->left_ms == kAfternoon + 15 * kMinute);
}

TEST_CASE("a visit that turns into a complaint becomes a ticket received in person (来访), and keeps its number") {
  Device d(47);
  d.as(Role::front_desk);
  VisitorsService& svc = d.session.visitors();
  NewVisit in = visitor(d, "王先生", "楼上漏水，投诉");
  in.phone = "13800000000";
  const Id id = svc.receive(in).value();
  const VisitorRecord* v = svc.visit(id);
  CHECK(svc.may_open_ticket(*v));
  // The ticket form's prefill: the unit, the visitor as owner, the purpose as what, channel 来访.
  const NewTicket t = svc.ticket_prefill(*v);
  CHECK(t.unit == in.unit);
  CHECK(t.owner == "王先生");
  CHECK(t.phone == "13800000000");
  CHECK(t.what == "楼上漏水，投诉");
  CHECK(tickets::channel_label(t.channel) == i18n::S::ticket_ch_visit);
  CHECK(tickets::made_in_person(t.channel));
  const Id ticket = d.session.tickets().open_ticket(t).value();
  CHECK(d.session.master_data().tickets.tickets.at(ticket).channel == 1);
  CHECK(svc.link_ticket(id, Id{5, 5}).error().code == "unknown_ticket");
  REQUIRE(svc.link_ticket(id, ticket).ok());
  v = svc.visit(id);
  CHECK(v->ticket == ticket);
  CHECK_FALSE(svc.may_open_ticket(*v));
  const std::string number = svc.ticket_number(*v);
  CHECK_FALSE(number.empty());
  CHECK(number == d.session.master_data().tickets.tickets.at(ticket).number);
  const auto again = svc.link_ticket(id, ticket);
  CHECK(again.error().code == "ticket_linked");
  CHECK(again.error().message.find(number) != std::string::npos);
  // Still in: the ticket does not end the visit.
  CHECK(v->in());
}

TEST_CASE("visitors.csv: the register's columns in Beijing time, BOM and formula-safe cells, and the snapshot keeps every field") {
  Device d(48);
  d.as(Role::front_desk);
  VisitorsService& svc = d.session.visitors();
  NewVisit in = visitor(d, "=HYPERLINK(\"http://x\")", "+送材料");
  in.id_seen = IdSeen::work_pass;
  const Id a = svc.receive(in).value();
  d.clock.now += 5 * kMinute;
  REQUIRE(svc.told(a).ok());
  const Id ticket = d.session.tickets().open_ticket(svc.ticket_prefill(*svc.visit(a))).value();
  REQUIRE(svc.link_ticket(a, ticket).ok());
  d.clock.now += kHour;
  REQUIRE(svc.leave(a).ok());
  NewVisit other = visitor(d, "李女士");
  other.unit = {};
  other.department = "";
  other.place = Place::other;
  other.place_text = "3栋大堂";
  REQUIRE(svc.receive(other).ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const auto table = (*exports.find("visitors"))(server::ExportInput{replica});
  const std::string text = export_text(table);
  CHECK(text.rfind("来访日期,来访时间,姓名,证件,来意,拜访单元,通报部门,通报时间,接待地点,离开时间,转工单,接待人\r\n", 0) == 0);
  REQUIRE(table.rows.size() == 2);
  const auto& r = table.rows[0];
  CHECK(r[0] == "2026-11-24");
  CHECK(r[1] == "14:00");
  CHECK(r[3] == "工作证");
  CHECK(r[5].find(d.session.estate().unit_row(in.unit)->label.substr(0, 3)) != std::string::npos);
  CHECK(r[6] == "客服中心");
  CHECK(r[7] == "2026-11-24 14:05");
  CHECK(r[8] == "接待区");
  CHECK(r[9] == "2026-11-24 15:05");
  CHECK(r[10] == d.session.master_data().tickets.tickets.at(ticket).number);
  CHECK_FALSE(r[11].empty());
  const auto& s = table.rows[1];
  CHECK(s[5] == "无");
  CHECK(s[6].empty());
  CHECK(s[8] == "3栋大堂");
  CHECK(s[9].empty());
  const std::string csv = server::to_csv(table);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);  // never a formula
  CHECK(csv.find("\"'+送材料\"") != std::string::npos);
  // The snapshot: the same visits, every field.
  const auto snap = decode_snapshot(encode_snapshot(replica.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.visitors == replica.data().visitors);
  CHECK(snap.value().data.visitors.visits.at(a).ticket == ticket);
}

TEST_CASE("the handover lists the visitors still in, and not those who left") {
  Device d(49);
  d.as(Role::front_desk);
  const Id in = d.session.visitors().receive(visitor(d, "赵先生", "送装修图纸")).value();
  const Id out = d.session.visitors().receive(visitor(d, "钱女士")).value();
  REQUIRE(d.session.visitors().leave(out).ok());
  std::vector<HandoverItem> lines;
  for (const HandoverItem& it : d.session.handover().handover_prefill()) {
    if (it.kind == handover::ItemKind::visitor_in) lines.push_back(it);
  }
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].ref == in);
  CHECK(lines[0].text.find("赵先生") != std::string::npos);
  CHECK(lines[0].text.find("送装修图纸") != std::string::npos);
}
