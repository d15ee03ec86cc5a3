// The daily duties as rounds: each window's done / late / missed rule, the
// routes of the units and model-unit rounds, the gate sign-in, and a duty
// judged by the app's clock (a day later it is missed, not "due").
#include <catch2/catch.hpp>

#include <set>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/domain/replica.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/meter_reading.hpp"
#include "app/rounds/route.hpp"
#include "app/server/csv_export.hpp"
#include "app/schedule/daily_duties.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using namespace app::schedule;

namespace {

constexpr int hm(int h, int m) { return h * 60 + m; }

struct Device : fixture::Device {
  Device() : fixture::Device(11, Id{0xC, 0xD}) { REQUIRE(session.load_demo({}).ok()); }
  // Moves the clock to a local time of day, `days` after the current day.
  void at(int minute, int days = 0) {
    const LocalTime t = session.local_now();
    clock.now += (static_cast<std::int64_t>(days) * 1440 + minute - t.minute) * 60000;
  }
  const ZoneRow& zone() const { return session.estate().zone_rows().front(); }
  const DutyLine* duty(Duty d, std::int64_t day) const {
    static std::vector<DutyLine> lines;
    lines = session.rounds().duties_of(zone().id, day);
    for (const DutyLine& l : lines) {
      if (l.duty == d) return &l;
    }
    return nullptr;
  }
  void walk(const Id& round) {
    for (const RouteStop& s : session.rounds().route_of(round)) {
      REQUIRE(session.rounds().pass_checkpoint(round, s.id).ok());
      // Readings are not checks: "all pass" leaves them for the butler.
      const ChecklistTemplate* t = session.rounds().checklist_at(round, s.id);
      for (int i = 0; i < static_cast<int>(t->items.size()); ++i) {
        if (t->items[static_cast<std::size_t>(i)].type == ItemType::reading) REQUIRE(session.rounds().record_reading(round, s.id, i, 100).ok());
      }
    }
    REQUIRE(session.rounds().finish_round(round).ok());
  }
};

}  // namespace

TEST_CASE("a duty's outcome: due, in progress, late, done, done late, missed") {
  const DutyWindow zone = window_of(Duty::zone_round, EstateHours{});       // 09:00–17:30
  const DutyWindow model = window_of(Duty::model_open, EstateHours{});      // 07:20, started by 07:50, done by 09:00
  const std::int64_t today = 20261125, yesterday = 20261124, tomorrow = 20261126;
  auto times = [](int start, std::optional<int> finish = std::nullopt) { return std::optional<RoundTimes>(RoundTimes{start, finish}); };

  CHECK(duty_outcome(zone, std::nullopt, today, today, hm(8, 0)) == DutyOutcome::upcoming);
  CHECK(duty_outcome(zone, std::nullopt, today, today, hm(10, 0)) == DutyOutcome::due);
  CHECK(duty_outcome(zone, std::nullopt, today, today, hm(17, 31)) == DutyOutcome::late);
  CHECK(duty_outcome(zone, times(hm(10, 0)), today, today, hm(11, 0)) == DutyOutcome::in_progress);
  CHECK(duty_outcome(zone, times(hm(10, 0)), today, today, hm(17, 31)) == DutyOutcome::late);
  CHECK(duty_outcome(zone, times(hm(10, 0), hm(11, 0)), today, today, hm(11, 0)) == DutyOutcome::done);
  // Walked before the window opens is judged outside it, not done (issue 15:
  // the 20:00 closing round walked at 09:20 showed 已完成).
  CHECK(duty_outcome(zone, times(hm(8, 0), hm(8, 40)), today, today, hm(8, 41)) == DutyOutcome::outside);
  CHECK(duty_outcome(zone, times(hm(16, 0), hm(18, 0)), today, today, hm(18, 0)) == DutyOutcome::done_late);
  CHECK(duty_outcome(zone, std::nullopt, yesterday, today, hm(6, 0)) == DutyOutcome::missed);
  CHECK(duty_outcome(zone, times(hm(10, 0)), yesterday, today, hm(6, 0)) == DutyOutcome::missed);  // never finished
  CHECK(duty_outcome(zone, times(hm(10, 0), hm(12, 0)), yesterday, today, hm(6, 0)) == DutyOutcome::done);
  CHECK(duty_outcome(zone, std::nullopt, tomorrow, today, hm(23, 0)) == DutyOutcome::upcoming);

  // The model units: opened after 07:50 is late even if done by 09:00.
  CHECK(duty_outcome(model, std::nullopt, today, today, hm(7, 40)) == DutyOutcome::due);
  CHECK(duty_outcome(model, std::nullopt, today, today, hm(7, 51)) == DutyOutcome::late);
  CHECK(duty_outcome(model, times(hm(7, 45)), today, today, hm(8, 30)) == DutyOutcome::in_progress);
  CHECK(duty_outcome(model, times(hm(7, 55)), today, today, hm(8, 0)) == DutyOutcome::late);
  CHECK(duty_outcome(model, times(hm(7, 45), hm(8, 55)), today, today, hm(9, 0)) == DutyOutcome::done);
  CHECK(duty_outcome(model, times(hm(7, 55), hm(8, 55)), today, today, hm(9, 0)) == DutyOutcome::done_late);
  CHECK(duty_outcome(model, times(hm(7, 45), hm(9, 5)), today, today, hm(9, 5)) == DutyOutcome::done_late);
  CHECK(is_late_or_missed(DutyOutcome::missed));
  CHECK_FALSE(is_late_or_missed(DutyOutcome::in_progress));

  // Finished with checkpoints unchecked: incomplete, whatever the times.
  const auto unchecked = std::optional<RoundTimes>(RoundTimes{hm(10, 0), hm(10, 5), false});
  CHECK(duty_outcome(zone, unchecked, today, today, hm(10, 5)) == DutyOutcome::incomplete);
  CHECK(duty_outcome(zone, unchecked, yesterday, today, hm(6, 0)) == DutyOutcome::incomplete);
  CHECK(is_late_or_missed(DutyOutcome::incomplete));
  CHECK(is_late_or_missed(DutyOutcome::outside));
}

TEST_CASE("the evening closing walked in the morning is outside its hours, an empty round incomplete: neither shows as done") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const std::vector<RouteStop> models = d.session.rounds().route(d.zone().id, RoundKind::model_close);
  REQUIRE_FALSE(models.empty());
  d.at(hm(9, 20));
  const Id close = d.session.rounds().start_round(d.zone().id, RoundKind::model_close).value();
  // The runner says so while walking…
  const auto outside = d.session.rounds().outside_window(close);
  REQUIRE(outside.has_value());
  CHECK(outside->duty == Duty::model_close);
  // …an empty finish needs the reason…
  const Status refused = d.session.rounds().finish_round(close);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "round_incomplete");
  CHECK(d.session.rounds().round(close)->finished_ms == 0);  // nothing recorded
  // …and walked whole it is still outside: the closing did not happen at 20:00.
  d.walk(close);
  CHECK(d.duty(Duty::model_close, d.session.today())->outcome == DutyOutcome::outside);

  // The zone round finished with 0 of its checkpoints: incomplete, with its reason, on Today and in rounds.csv.
  d.at(hm(10, 0));
  const Id zone_round = d.session.rounds().start_round(d.zone().id).value();
  CHECK_FALSE(d.session.rounds().outside_window(zone_round).has_value());
  REQUIRE(d.session.rounds().finish_round(zone_round, "停电，改下午").ok());
  CHECK(d.duty(Duty::zone_round, d.session.today())->outcome == DutyOutcome::incomplete);
  CHECK(d.session.rounds().zone_day_report(d.zone().id, d.session.today()).skipped ==
        static_cast<int>(d.session.rounds().route_of(zone_round).size()));
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string csv = export_text((*exports.find("rounds"))(server::ExportInput{replica}));
  CHECK(csv.find("完成情况,未查巡查点,未完成原因,开始时段") != std::string::npos);
  const RouteStop first = d.session.rounds().route_of(zone_round).front();
  CHECK(csv.find(",未完成," + first.label()) != std::string::npos);
  CHECK(csv.find(",停电，改下午,时段内") != std::string::npos);
  CHECK(csv.find("样板间关闭") != std::string::npos);
  CHECK(csv.find(",完成,,,时段外") != std::string::npos);  // the morning's closing round, walked whole
}

TEST_CASE("local calendar arithmetic: days across months and years, weekdays") {
  CHECK(add_days(20261130, 1) == 20261201);
  CHECK(add_days(20261231, 1) == 20270101);
  CHECK(add_days(20280301, -1) == 20280229);  // a leap year
  CHECK(add_days(20261125, -365) == 20251125);
  CHECK(local_time(0, 0).weekday == 4);                    // 1970-01-01 was a Thursday
  CHECK(local_time(1795536000000, 480).day == 20261125);   // 2026-11-25 00:00 Beijing
  CHECK(local_time(1795536000000, 480).weekday == 3);      // a Wednesday
  CHECK(local_time(-86400000, 0).weekday == 3);            // 1969-12-31, a Wednesday
}

TEST_CASE("the units round walks the zone's vacant and renovating units — model rounds its model units") {
  Device d;
  const MasterData& data = d.session.master_data();
  const Zone& zone = data.zones.at(d.zone().id);
  const std::set<Id> buildings(zone.buildings.begin(), zone.buildings.end());
  int vacant = 0, renovating = 0, model = 0;
  for (const auto& [id, u] : data.units) {
    if (!buildings.count(u.building)) continue;
    vacant += u.status == UnitStatus::vacant;
    renovating += u.status == UnitStatus::renovating;
    model += u.status == UnitStatus::model;
  }
  REQUIRE(vacant + renovating > 0);
  const std::vector<RouteStop> units = d.session.rounds().route(zone.id, RoundKind::units);  // a copy: a commit rebuilds the routes
  CHECK(static_cast<int>(units.size()) == vacant + renovating);
  for (const RouteStop& s : units) {
    const Unit& u = data.units.at(s.id);
    CHECK(s.checklist->key == (u.status == UnitStatus::vacant ? "vacant_unit" : "renovation_unit"));
    CHECK_FALSE(s.place.empty());
  }
  CHECK(static_cast<int>(d.session.rounds().route(zone.id, RoundKind::model_open).size()) == model);
  CHECK(d.session.rounds().route(zone.id, RoundKind::gate).empty());

  // A unit answered on a units round; an occupied unit, or a public
  // checkpoint, is not on that route.
  const auto r = d.session.rounds().start_round(zone.id, RoundKind::units);
  REQUIRE(r.ok());
  CHECK(d.session.rounds().round(r.value())->kind == RoundKind::units);
  CHECK(d.session.rounds().pass_checkpoint(r.value(), units.front().id).ok());
  CHECK(d.session.rounds().checkpoint_progress(r.value(), units.front().id).answered > 0);
  Id occupied;
  for (const auto& [id, u] : data.units) {
    if (buildings.count(u.building) && u.status == UnitStatus::occupied) occupied = id;
  }
  CHECK(d.session.rounds().answer_item(r.value(), occupied, 0, ItemResult::pass).error().code == "not_on_route");
  const Id checkpoint = d.session.rounds().route(zone.id, RoundKind::zone).front().id;
  CHECK(d.session.rounds().answer_item(r.value(), checkpoint, 0, ItemResult::pass).error().code == "not_on_route");
  // Starting it again resumes it; the zone round is a separate one.
  CHECK(d.session.rounds().start_round(zone.id, RoundKind::units).value() == r.value());
  CHECK(d.session.rounds().start_round(zone.id).value() != r.value());

  // A zone with no model units has no model-unit duty and cannot start one.
  for (const ZoneRow& z : d.session.estate().zone_rows()) {
    if (!d.session.rounds().route(z.id, RoundKind::model_open).empty()) continue;
    CHECK(d.session.rounds().start_round(z.id, RoundKind::model_open).error().code == "nothing_to_walk");
    for (const DutyLine& l : d.session.rounds().duties_of(z.id, d.session.today())) CHECK(l.duty != Duty::model_open);
  }
}

TEST_CASE("the day's duties follow the app's clock: done, late, and missed the next day") {
  Device d;
  const std::int64_t day = d.session.today();
  d.at(hm(7, 0));
  REQUIRE(d.duty(Duty::zone_round, day));
  CHECK(d.duty(Duty::zone_round, day)->outcome == DutyOutcome::upcoming);
  CHECK(d.duty(Duty::gate_greeting, day)->outcome == DutyOutcome::upcoming);

  // The gate: signed in by 07:30 and out after 08:30, once a day, from any
  // zone; it counts for the estate (003 "时间:每日七点半至八点半").
  d.at(hm(7, 25));
  const auto gate = d.session.rounds().sign_in_gate(d.zone().id);
  REQUIRE(gate.ok());
  CHECK(d.session.rounds().sign_in_gate(d.session.estate().zone_rows().back().id).value() == gate.value());
  CHECK(d.duty(Duty::gate_greeting, day)->outcome == DutyOutcome::in_progress);
  REQUIRE(d.session.rounds().gate_signed_in());
  d.at(hm(8, 35));
  REQUIRE(d.session.rounds().sign_out_gate(d.session.estate().zone_rows().back().id).ok());
  CHECK(d.session.rounds().sign_out_gate(d.zone().id).error().code == "not_signed_in");
  CHECK(d.duty(Duty::gate_greeting, day)->outcome == DutyOutcome::done);
  CHECK(d.session.rounds().duties_of(d.session.estate().zone_rows().back().id, day).front().round != nullptr);

  // Model units opened at 07:45 and the round finished at 08:50: on time.
  // (The demo's first zone holds the sales office's two model units.)
  REQUIRE(d.duty(Duty::model_open, day));
  {
    d.at(hm(7, 45));
    const auto r = d.session.rounds().start_round(d.zone().id, RoundKind::model_open);
    REQUIRE(r.ok());
    CHECK(d.duty(Duty::model_open, day)->outcome == DutyOutcome::in_progress);
    d.at(hm(8, 50));
    d.walk(r.value());
    CHECK(d.duty(Duty::model_open, day)->outcome == DutyOutcome::done);
  }

  // The zone round not walked by 17:30 is late; walked at 18:00 it is done late.
  d.at(hm(17, 45));
  CHECK(d.duty(Duty::zone_round, day)->outcome == DutyOutcome::late);
  const auto zone_round = d.session.rounds().start_round(d.zone().id);
  REQUIRE(zone_round.ok());
  d.walk(zone_round.value());
  CHECK(d.duty(Duty::zone_round, day)->outcome == DutyOutcome::done_late);

  // The next morning: the units round never walked yesterday is missed, and
  // today's duties start afresh.
  d.at(hm(6, 0), 1);
  CHECK(d.session.today() == add_days(day, 1));
  CHECK(d.duty(Duty::vacant_round, day)->outcome == DutyOutcome::missed);
  CHECK(d.duty(Duty::zone_round, day)->outcome == DutyOutcome::done_late);
  CHECK(d.duty(Duty::zone_round, d.session.today())->outcome == DutyOutcome::upcoming);
  CHECK(d.duty(Duty::zone_round, d.session.today())->round == nullptr);
}

TEST_CASE("a round's kind survives a snapshot") {
  Device d;
  const auto r = d.session.rounds().start_round(d.zone().id, RoundKind::units);
  REQUIRE(r.ok());
  const auto& replica_data = d.session.master_data();
  const std::string snap = encode_snapshot(replica_data, {}, 0, FoldKey{}, {});
  const auto back = decode_snapshot(snap);
  REQUIRE(back.ok());
  CHECK(back.value().data.rounds.rounds.at(r.value()).kind == RoundKind::units);
}

TEST_CASE("rounds.csv names each round's kind — findings.csv places a unit finding by building and unit") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  const auto r = d.session.rounds().start_round(d.zone().id, RoundKind::units);
  REQUIRE(r.ok());
  const RouteStop stop = d.session.rounds().route_of(r.value()).front();
  REQUIRE(d.session.rounds().answer_item(r.value(), stop.id, 1, ItemResult::fail, "卫生间天花渗水").ok());
  const auto finding = d.session.rounds().open_finding(r.value(), stop.id, 1, NewFinding{"卫生间天花渗水", false, "", "工程部"});
  REQUIRE(finding.ok());
  // A leak must be photographed: no photo, no finishing.
  REQUIRE(stop.checklist->items[1].photo_required);
  const Status refused = d.session.rounds().finish_round(r.value());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "photo_required");
  CHECK(refused.error().message.find("1 个问题需要拍照") != std::string::npos);
  CHECK(refused.error().message.find(stop.label()) != std::string::npos);  // names where
  REQUIRE(d.session.rounds().add_finding_photo(finding.value(), sha256_hex("ceiling leak")).ok());
  REQUIRE(d.session.rounds().finish_round(r.value(), "只查了一户").ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const std::string rounds = export_text((*exports.find("rounds"))(server::ExportInput{replica}));
  CHECK(rounds.find("日期,责任区,类型,管家,开始时间") != std::string::npos);
  CHECK(rounds.find(d.zone().name + ",空置房、装修房巡楼,") != std::string::npos);
  const std::string findings = export_text((*exports.find("findings"))(server::ExportInput{replica}));
  const std::string where = d.zone().name + "," + stop.place + "," + stop.name + "," + stop.checklist->items[1].zh + ",卫生间天花渗水,派单,工程部";
  CHECK(findings.find(where) != std::string::npos);
}

TEST_CASE("meter readings: a vacant unit's meter is compared with the last round's — backwards and jumps are flagged") {
  const std::int64_t day = 86400000;
  CHECK(check_reading(std::nullopt, 5, 0) == ReadingFlag::none);
  CHECK(check_reading(PastReading{1200, 0}, 1199, day) == ReadingFlag::backwards);
  CHECK(check_reading(PastReading{1200, 0}, 1200, day) == ReadingFlag::none);
  CHECK(check_reading(PastReading{1200, 0}, 1250, day) == ReadingFlag::none);
  CHECK(check_reading(PastReading{1200, 0}, 1251, day) == ReadingFlag::jump);
  CHECK(check_reading(PastReading{1200, 0}, 1251, day / 2) == ReadingFlag::jump);     // same day: one day's use at most
  CHECK(check_reading(PastReading{1200, 0}, 1340, 3 * day) == ReadingFlag::none);     // three days away
  CHECK(check_reading(PastReading{1200, 0}, 1360, 3 * day) == ReadingFlag::jump);

  Device d;
  Id unit;
  int meter = -1;
  const Id first = d.session.rounds().start_round(d.zone().id, RoundKind::units).value();
  for (const RouteStop& s : d.session.rounds().route_of(first)) {
    if (s.checklist->key != "vacant_unit") continue;
    unit = s.id;
    for (std::size_t i = 0; i < s.checklist->items.size(); ++i) {
      if (s.checklist->items[i].type == ItemType::reading) meter = static_cast<int>(i);
    }
    break;
  }
  REQUIRE(meter >= 0);
  REQUIRE(d.session.rounds().record_reading(first, unit, meter, 1200).ok());
  CHECK(d.session.rounds().reading_flag(first, unit, meter) == ReadingFlag::none);
  REQUIRE(d.session.rounds().finish_round(first, "只抄了表").ok());

  d.clock.now += day;
  const Id second = d.session.rounds().start_round(d.zone().id, RoundKind::units).value();
  CHECK(d.session.rounds().previous_reading(second, unit, meter) == 1200);
  REQUIRE(d.session.rounds().record_reading(second, unit, meter, 1190).ok());
  CHECK(d.session.rounds().reading_flag(second, unit, meter) == ReadingFlag::backwards);
  REQUIRE(d.session.rounds().record_reading(second, unit, meter, 1290).ok());
  CHECK(d.session.rounds().reading_flag(second, unit, meter) == ReadingFlag::jump);
  REQUIRE(d.session.rounds().record_reading(second, unit, meter, 1203).ok());
  CHECK(d.session.rounds().reading_flag(second, unit, meter) == ReadingFlag::none);
  // The first round's reading is untouched by the second's.
  CHECK(d.session.rounds().answer(first, unit, meter)->reading == 1200);
}
