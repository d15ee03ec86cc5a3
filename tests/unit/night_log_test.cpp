// Complaints the control room logged at night (issue 16 item 7), as 001 writes
// it: "在夜間由監控中心登記並負責通知相關部門處理,涉及治安、維修服務的投訴,並於
// 次日早上9:00前轉交給客戶服務部處理". The time is entered as the control room
// wrote it, the ticket is received then, and its registering here is the
// hand-over, due by the first 09:00 after.
#include <catch2/catch.hpp>

#include "app/domain/replica.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/tickets/night_log.hpp"
#include "device_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using tickets::Kind;
using tickets::Severity;

namespace {

constexpr std::int64_t kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;
// 2026-12-04 00:00 Beijing (UTC+8) is 2026-12-03 16:00 UTC.
constexpr std::int64_t kMidnight = 1796313600000;

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed) : fixture::Device(seed, Id{seed, seed}) { REQUIRE(session.load_demo({}).ok()); }
  Result<Id> night_log(std::string logged_at, Severity severity = Severity::minor) {
    NewTicket t;
    t.unit = session.estate().unit_rows().front().id;
    t.what = "凌晨楼上装修噪音扰民";
    t.kind = Kind::valid_complaint;
    t.severity = severity;
    t.channel = tickets::kNightLogChannel;
    t.night_logged_at = std::move(logged_at);
    t.classified = true;
    return session.tickets().open_ticket(t);
  }
  TicketsService& tickets() { return session.tickets(); }
  const Ticket& ticket(const Id& id) { return *session.tickets().ticket(id); }
};

}  // namespace

TEST_CASE("night log time: the control room's clock reading, the latest such moment not after now") {
  const std::int64_t at_0810 = kMidnight + 8 * kHour + 10 * kMinute;
  struct Row {
    const char* typed;
    std::int64_t want;  // 0: refused
  } rows[] = {
      {"23:40", kMidnight - 20 * kMinute},       // last night
      {"2340", kMidnight - 20 * kMinute},
      {"23.40", kMidnight - 20 * kMinute},       // a numeric keyboard's point
      {"23：40", kMidnight - 20 * kMinute},      // a Chinese keyboard's colon
      {"7:05", kMidnight + 7 * kHour + 5 * kMinute},  // this morning
      {"08:10", at_0810},                         // just now
      {"08:11", kMidnight - kDay + 8 * kHour + 11 * kMinute},  // not yet today: yesterday's
      {"24:00", 0}, {"7:5", 0}, {"23:60", 0}, {"abc", 0}, {"", 0}, {"12345", 0},
  };
  for (const Row& r : rows) {
    INFO(r.typed);
    const Result<std::int64_t> t = tickets::night_log_time(r.typed, at_0810);
    if (r.want == 0) {
      CHECK_FALSE(t.ok());
    } else {
      REQUIRE(t.ok());
      CHECK(t.value() == r.want);
    }
  }
}

TEST_CASE("night hand-over: due by the first 09:00 after the control room logged it (001 次日早上9:00前转交)") {
  const std::int64_t nine = kMidnight + 9 * kHour;
  CHECK(tickets::night_handover_by(kMidnight - 20 * kMinute) == nine);       // 23:40 → next morning
  CHECK(tickets::night_handover_by(kMidnight + 2 * kHour) == nine);          // 02:00 → this morning
  CHECK(tickets::night_handover_by(kMidnight + 22 * kHour) == nine + kDay);  // 22:00 → the morning after
}

TEST_CASE("a night log registered at 08:10 is received at 23:40 and handed over in time, at 09:30 late") {
  Device d(41);
  d.as(Role::butler);
  d.clock.now = kMidnight + 8 * kHour + 10 * kMinute;
  const Id id = d.night_log("23:40", Severity::major).value();
  const Ticket& t = d.ticket(id);
  CHECK(t.received_ms == kMidnight - 20 * kMinute);
  CHECK(t.handed_over_ms == d.clock.now);
  auto h = d.tickets().night_handover(t);
  REQUIRE(h);
  CHECK(h->by == kMidnight + 9 * kHour);
  CHECK_FALSE(h->late());
  // A major one is handed up "当天" — the day customer service has it, not the night.
  CHECK(*d.tickets().deadlines_of(t).escalate_by == kMidnight + kDay);
  // Its other clocks run from the night: resolved 10 days after 23:40.
  CHECK(*d.tickets().deadlines_of(t).resolve_by == t.received_ms + 10 * kDay);

  d.clock.now = kMidnight + 9 * kHour + 30 * kMinute;
  const Id late = d.night_log("01:15").value();
  h = d.tickets().night_handover(d.ticket(late));
  REQUIRE(h);
  CHECK(h->late());

  // tickets.csv: 受理时间 is the control room's, the hand-over its own column.
  Replica replica;
  replica.add(d.session.decoded_log());
  const std::string csv = export_text((*server::default_exports().find("tickets"))(server::ExportInput{replica}));
  CHECK(csv.find("夜间登记转交客服时间") != std::string::npos);
  CHECK(csv.find("2026-12-03 23:40") != std::string::npos);
  CHECK(csv.find("2026-12-04 08:10") != std::string::npos);
}

TEST_CASE("a night log needs the time the control room logged it, readably refused without one") {
  Device d(42);
  d.as(Role::butler);
  const std::size_t before = d.session.op_count();
  Result<Id> none = d.night_log("");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message.find("23:40") != std::string::npos);
  Result<Id> bad = d.night_log("25:00");
  REQUIRE_FALSE(bad.ok());
  CHECK(d.session.op_count() == before);  // nothing recorded
  // Other channels are received now, and have no hand-over.
  NewTicket t;
  t.what = "大堂灯不亮";
  t.kind = Kind::repair;
  const Id id = d.tickets().open_ticket(t).value();
  CHECK(d.ticket(id).received_ms == d.clock.now);
  CHECK_FALSE(d.tickets().night_handover(d.ticket(id)));
}
