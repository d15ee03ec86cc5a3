#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/views.hpp"
#include "app/ops/codec.hpp"

using namespace app;

namespace {
std::uint32_t digest(const std::vector<Op>& ops) {
  std::string all;
  for (const Op& op : ops) all += encode_op(op);
  return crc32(all);
}
}  // namespace

TEST_CASE("the demo community is realistic and big enough") {
  Replica r;
  r.add(generate_demo({}).ops);
  const Views v = build_views(r.data());
  CHECK(v.summary.community_name == "锦绣花园");
  CHECK(v.summary.buildings >= 12);
  CHECK(v.summary.units >= 1400);
  CHECK(v.summary.residents >= 2000);
  CHECK(v.summary.zones >= 6);
  CHECK(v.summary.checkpoints >= 12 * 10);
  std::set<Role> roles;
  for (const auto& [id, s] : r.data().staff) roles.insert(s.role);
  CHECK(roles.size() == 8);  // every role of domain.md
  int model = 0, vacant = 0, renovating = 0;
  for (const auto& u : v.units) {
    model += u.status == UnitStatus::model;
    vacant += u.status == UnitStatus::vacant;
    renovating += u.status == UnitStatus::renovating;
    if (u.status == UnitStatus::occupied) REQUIRE_FALSE(u.owner_name.empty());
    if (!u.masked_phone.empty()) REQUIRE(u.masked_phone.find("****") == 3);
  }
  CHECK(model == 2);
  CHECK(vacant > v.summary.units / 20);
  CHECK(renovating > 10);
  for (const auto& z : v.zones) {
    CHECK_FALSE(z.butler_name.empty());
    CHECK(z.checkpoint_count >= 10);
  }
}

TEST_CASE("the demo is deterministic for a seed and grows with the size knob") {
  const auto a = generate_demo({}), b = generate_demo({});
  CHECK(digest(a.ops) == digest(b.ops));
  CHECK(a.device == b.device);
  const auto other = generate_demo({7, 1});
  CHECK(digest(other.ops) != digest(a.ops));
  Replica big;
  big.add(generate_demo({20261124, 10}).ops);
  CHECK(build_views(big.data()).summary.units >= 14000);
}

TEST_CASE("zones are listed in the head butler's order, not by the bytes of their names") {
  Replica r;
  r.add(generate_demo({}).ops);
  const Views v = build_views(r.data());
  REQUIRE(v.zones.size() >= 6);
  CHECK(v.zones[0].name == "第一责任区");
  CHECK(v.zones[1].name == "第二责任区");
  CHECK(v.zones[2].name == "第三责任区");
  CHECK(v.zones[3].name == "第四责任区");
}

TEST_CASE("the archive lists units as a butler walks them: building, stairwell, floor, room") {
  Replica r;
  r.add(generate_demo({}).ops);
  const Views v = build_views(r.data());
  REQUIRE(v.units.size() > 10);
  CHECK(v.units[0].label == "1栋 1单元 101");
  CHECK(v.units[1].label == "1栋 1单元 102");
  CHECK(v.units[2].label == "1栋 1单元 103");
  CHECK(v.units[3].label == "1栋 1单元 201");
}

TEST_CASE("the estate groups every unit row by building and floor, floors low to high, for the walking picker") {
  Replica r;
  r.add(generate_demo({}).ops);
  const Views v = build_views(r.data());
  REQUIRE(v.estate.size() == static_cast<std::size_t>(v.summary.buildings));
  CHECK(v.estate.front().name == "1栋");
  std::size_t rows = 0;
  std::set<std::size_t> seen;
  for (const EstateBuilding& b : v.estate) {
    REQUIRE_FALSE(b.floors.empty());
    for (std::size_t i = 0; i < b.floors.size(); ++i) {
      if (i > 0) CHECK(b.floors[i - 1].floor < b.floors[i].floor);  // each floor once, low to high
      const EstateFloor& f = b.floors[i];
      for (std::size_t k = 0; k < f.rows.size(); ++k) {
        const UnitRow& row = v.units[f.rows[k]];
        CHECK(row.building_name == b.name);
        CHECK(row.floor == f.floor);
        if (k > 0) CHECK(f.rows[k - 1] < f.rows[k]);  // stairwell, then room: the archive's order
        seen.insert(f.rows[k]);
      }
      rows += f.rows.size();
    }
  }
  CHECK(rows == v.units.size());  // every row once
  CHECK(seen.size() == v.units.size());
  // A building with two stairwells lists both stairwells' doors on one floor.
  const EstateFloor& fifth = v.estate.front().floors[4];
  CHECK(fifth.floor == 5);
  std::set<std::string> stairwells;
  for (std::size_t i : fifth.rows) stairwells.insert(v.units[i].label.substr(0, v.units[i].label.find("单元")));
  CHECK(stairwells.size() >= 2);
}

TEST_CASE("the demo tried on any day reads as recent: its records end at that day's midnight, its ids do not move") {
  // 2026-12-05 10:30 Beijing: the demo's day starts at 2026-12-05 00:00 +08:00.
  const std::int64_t now = 1796437800000;
  const std::int64_t day = demo_day_of(now);
  CHECK(day == 1796400000000);
  CHECK(demo_day_of(day) == day);
  CHECK(demo_day_of(day - 1) == day - 86400000);
  DemoOptions today;
  today.day_ms = day;
  const DemoCommunity fixed = generate_demo({}), recent = generate_demo(today);
  REQUIRE(fixed.ops.size() == recent.ops.size());
  std::int64_t latest = 0;
  for (std::size_t i = 0; i < recent.ops.size(); ++i) {
    CHECK(recent.ops[i].op_id == fixed.ops[i].op_id);  // the server knows the demo's records by id
    latest = std::max(latest, recent.ops[i].hlc.wall_ms);
    if (auto at = recent.ops[i].payload.number(F::at_ms)) CHECK(*at < day + 86400000);
  }
  CHECK(latest <= day + 86400000);
  // Yesterday's loan is one day overdue, not a year: the latest due time falls before today.
  Replica replica;
  replica.add(recent.ops);
  std::int64_t newest_due = 0;
  for (const auto& [id, loan] : replica.data().keys.loans) newest_due = std::max(newest_due, loan.due_ms);
  CHECK(newest_due > day - 86400000);
  CHECK(newest_due <= day);
}
