// Outage notices (停水、停电通知; issue 17): announced for buildings and a
// window, posted with a photo, on Today during the window and the day before,
// on each affected unit, in the handover and outages.csv; two tablets converge.
// The manuals ask that those affected are told — 000:599 5.1.4.5 "有必要时,
// 通知受影响单元或相关人士" — and that the board be checked (000:365 "(3)检查公告栏").
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/core/sha256.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "export_text.hpp"
#include "keys_fixture.hpp"

using namespace app;
using namespace keys_fixture;
using outages::Phase;

namespace {

std::vector<Id> first_buildings(Device& d, std::size_t n) {
  std::vector<Id> out;
  for (const Building* b : d.session.setup().buildings()) {
    if (out.size() < n) out.push_back(b->id);
  }
  return out;
}

NewOutage water(Device& d, std::int64_t from, std::int64_t until, std::string reason = "二次供水水箱清洗") {
  return {outages::Kind::water, std::move(reason), from, until, first_buildings(d, 1)};
}

}  // namespace

TEST_CASE("an outage is announced for buildings and a window: the refusals say what is missing") {
  Device d(41);
  REQUIRE(d.loaded);
  d.as(Role::front_desk);
  OutagesService& o = d.session.outages();
  const std::int64_t t = d.clock.now;
  CHECK(o.announce(water(d, t + kHour, t + 3 * kHour, "  ")).error().code == "reason_required");
  NewOutage nowhere = water(d, t + kHour, t + 3 * kHour);
  nowhere.buildings.clear();
  CHECK(o.announce(nowhere).error().code == "buildings_required");
  nowhere.buildings = {Id{9, 9}};
  CHECK(o.announce(nowhere).error().code == "unknown_building");
  CHECK(o.announce(water(d, t + 3 * kHour, t + kHour)).error().code == "window_backwards");
  CHECK(o.announce(water(d, t + kHour, t + kHour + 8 * kDay)).error().code == "window_long");
  CHECK(o.announce(water(d, t - 3 * kHour, t - kHour)).error().code == "window_over");
  const Id id = o.announce(water(d, t + kHour, t + 3 * kHour)).value();
  const Outage* n = o.notice(id);
  REQUIRE(n);
  CHECK(n->reason == "二次供水水箱清洗");
  CHECK(n->announced_by == d.session.actor());
  CHECK(o.phase(*n) == Phase::upcoming);
  // Everything a butler may need: the units of its building, in the archive's order.
  const auto units = o.units_of(*n);
  REQUIRE_FALSE(units.empty());
  for (const UnitRow* u : units) CHECK(d.session.master_data().units.at(u->id).building == n->buildings[0]);
  for (const Op& op : d.session.decoded_log()) CHECK(validate_op(op).ok());
}

TEST_CASE("the window is typed as a day and two times, an end before the start running through the night") {
  Device d(42);
  REQUIRE(d.loaded);
  const OutagesService& o = d.session.outages();
  // kAfternoon is 14:00 Beijing: today's midnight is 14 hours before.
  const std::int64_t midnight = kAfternoon - 14 * kHour;
  auto w = o.window(1, "0900", "12:00");
  REQUIRE(w.ok());
  CHECK(w.value().first == midnight + kDay + 9 * kHour);
  CHECK(w.value().second == midnight + kDay + 12 * kHour);
  w = o.window(0, "2200", "0600");
  REQUIRE(w.ok());
  CHECK(w.value().first == midnight + 22 * kHour);
  CHECK(w.value().second == midnight + kDay + 6 * kHour);
  for (const char* bad : {"25:00", "9", "九点", "09:61", ""}) {
    INFO(bad);
    CHECK(o.window(0, bad, "1200").error().code == "bad_time");
  }
}

TEST_CASE("on Today during its window and the day before, on each affected unit, and gone when over or withdrawn") {
  Device d(43);
  REQUIRE(d.loaded);
  d.as(Role::butler);
  OutagesService& o = d.session.outages();
  const std::int64_t t = d.clock.now;
  const Id soon = o.announce(water(d, t + 2 * kDay, t + 2 * kDay + 2 * kHour)).value();
  CHECK(o.on_today().empty());  // two days ahead: not yet
  d.clock.now += kDay + kHour;  // within a day of its start
  REQUIRE(o.on_today().size() == 1);
  CHECK(o.phase(*o.notice(soon)) == Phase::upcoming);
  const Id affected = o.units_of(*o.notice(soon)).front()->id;
  CHECK(o.affecting(affected).size() == 1);
  // A unit of another building is not told.
  Id elsewhere;
  for (const auto& [id, u] : d.session.master_data().units) {
    if (u.building != o.notice(soon)->buildings[0]) elsewhere = id;
  }
  CHECK(o.affecting(elsewhere).empty());
  d.clock.now = t + 2 * kDay + kHour;
  CHECK(o.phase(*o.notice(soon)) == Phase::on);
  CHECK(o.on_today().size() == 1);
  d.clock.now = t + 2 * kDay + 3 * kHour;
  CHECK(o.phase(*o.notice(soon)) == Phase::over);
  CHECK(o.on_today().empty());
  // Withdrawn: off Today at once, with why.
  const Id other = o.announce(water(d, d.clock.now + kHour, d.clock.now + 2 * kHour)).value();
  CHECK(o.cancel(other, " ").error().code == "reason_required");
  REQUIRE(o.cancel(other, "水箱清洗改期").ok());
  CHECK(o.phase(*o.notice(other)) == Phase::cancelled);
  CHECK(o.on_today().empty());
  CHECK(o.cancel(other, "再撤销").error().code == "cancelled");
  CHECK(o.post(other, sha256_hex("photo")).error().code == "cancelled");
}

TEST_CASE("posted on the boards with its photo, and two tablets posting and withdrawing offline converge") {
  Device a(44, 0xA), b(45, 0xB);
  a.as(Role::front_desk);
  b.as(Role::butler);
  OutagesService& oa = a.session.outages();
  const Id id = oa.announce(water(a, a.clock.now + kHour, a.clock.now + 4 * kHour)).value();
  CHECK(oa.post(id, "not a photo").error().code == "photo_required");
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  b.clock.now += kMinute;
  REQUIRE(oa.post(id, sha256_hex("posted on 1栋's board")).ok());
  REQUIRE(b.session.outages().post(id, sha256_hex("posted on the lift's board")).ok());
  REQUIRE(b.session.outages().cancel(id, "工程部改期").ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  CHECK(a.session.master_data().outages == b.session.master_data().outages);
  const Outage* n = oa.notice(id);
  CHECK(n->posted_ms == a.clock.now);  // the first posting stands
  CHECK(n->posted_by == a.session.actor());
  CHECK(n->cancelled());
  CHECK(a.session.estate().photos_of(id).size() == 2);  // both boards' photos are kept
  // Any order of the same ops folds the same.
  const std::vector<Op> log = a.session.decoded_log();
  for (const Op& op : log) CHECK(validate_op(op).ok());
  Replica in_order;
  in_order.add(log);
  std::vector<Op> shuffled = log;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(44));
  Replica any;
  any.add(shuffled);
  CHECK(any.data().outages == in_order.data().outages);
}

TEST_CASE("outages.csv: the notices in Beijing time, BOM and formula-safe, and the snapshot and the handover keep them") {
  Device d(46);
  d.as(Role::front_desk);
  NewOutage both{outages::Kind::power, "=HYPERLINK(\"http://x\")", d.clock.now + kHour, d.clock.now + 3 * kHour, first_buildings(d, 2)};
  const Id id = d.session.outages().announce(both).value();
  REQUIRE(d.session.outages().post(id, sha256_hex("board")).ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const auto table = (*exports.find("outages"))(server::ExportInput{replica});
  CHECK(export_text(table).rfind("开始时间,结束时间,类别,影响楼栋,原因及说明,发布人,张贴时间,张贴人,撤销时间,撤销原因\r\n", 0) == 0);
  REQUIRE(table.rows.size() == 1);
  CHECK(table.rows[0][0] == "2026-11-24 15:00");
  CHECK(table.rows[0][1] == "2026-11-24 17:00");
  CHECK(table.rows[0][2] == "停电");
  CHECK(table.rows[0][3].find("、") != std::string::npos);
  CHECK(table.rows[0][6] == "2026-11-24 14:00");
  const std::string csv = server::to_csv(table);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  const auto snap = decode_snapshot(encode_snapshot(replica.data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.outages == replica.data().outages);
  // The next shift answers the calls: the handover says so.
  bool listed = false;
  for (const HandoverItem& it : d.session.handover().handover_prefill()) {
    if (it.kind == handover::ItemKind::outage && it.ref == id) listed = it.text.find("停电") != std::string::npos;
  }
  CHECK(listed);
}
