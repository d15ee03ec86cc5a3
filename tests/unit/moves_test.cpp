// Residents moving in and out (入住登记 / 迁出登记, 000 篇5 item 2): the
// commands on session.estate(), their refusals, the role rule in the service
// and the op spec, the fold on a second tablet, the snapshot and residents.csv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "app/core/local_time.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/csv_export.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

constexpr std::int64_t kAfternoon = 1795500000000;  // 2026-11-24 14:00 Beijing

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed = 71, std::uint64_t device = 0x4d) : fixture::Device(seed, Id{device, 0x6d}) {
    i18n::set_current_language(i18n::Lang::zh_CN);
    clock.now = kAfternoon;
    REQUIRE(session.load_demo({}).ok());
    as(Role::front_desk);
  }
  const MasterData& data() const { return session.master_data(); }
  EstateService& estate() { return session.estate(); }
  // The nth unit (archive order) with this status whose record passes `ok`.
  template <class Pred>
  Id unit_where(UnitStatus status, Pred ok, std::size_t nth = 0) {
    for (const UnitRow& row : estate().unit_rows()) {
      if (row.status == status && ok(row) && nth-- == 0) return row.id;
    }
    FAIL("no such unit in the demo");
    return {};
  }
  // A vacant unit whose owner is on the record but has not moved in (the demo's sold, empty units).
  Id vacant_with_owner(std::size_t nth = 0) {
    return unit_where(UnitStatus::vacant, [&](const UnitRow& r) { return estate().may_move_in(r.id).size() == 1; }, nth);
  }
  // An occupied unit with the owner and at least one family member living there.
  Id household(std::size_t nth = 0) {
    return unit_where(UnitStatus::occupied, [](const UnitRow& r) { return r.member_count >= 2; }, nth);
  }
  const Resident& resident(const Id& id) const { return data().residents.at(id); }
  UnitStatus status(const Id& unit) const { return data().units.at(unit).status; }
};

std::vector<Id> ids_of(const std::vector<const Resident*>& people) {
  std::vector<Id> out;
  for (const Resident* r : people) out.push_back(r->id);
  return out;
}

// The residents on a unit's record with this relation, living there or not.
std::vector<const Resident*> with_relation(const MasterData& d, const Id& unit, Relation rel) {
  std::vector<const Resident*> out;
  for (const auto& [id, r] : d.residents) {
    if (r.unit == unit && r.relation == rel) out.push_back(&r);
  }
  return out;
}

MoveIn tenants_in(std::int64_t day) {
  MoveIn m;
  m.day = day;
  m.people = {{"赵磊", "13700001111", "工程师", Relation::tenant}, {"钱芳", "", "", Relation::tenant}};
  m.keys = 3;
  m.cards = "Z-0201, Z-0202";
  return m;
}

}  // namespace

TEST_CASE("move-in of the owner and family onto a vacant unit: occupied, dates set, one line in the history") {
  Device d;
  const Id unit = d.vacant_with_owner();
  const Id owner = d.estate().may_move_in(unit).front()->id;
  CHECK(d.resident(owner).owner);
  CHECK(d.resident(owner).moved_in == 0);
  MoveIn m;
  m.day = 20261124;
  m.on_record = {owner};
  m.people = {{"李娜", "13912345678", "教师", Relation::family}, {"王小明", "", "", Relation::family}};
  m.cards = "A0312, A0313";
  m.keys = 4;
  m.note = "入伙交付";
  const auto moved = d.estate().move_in(unit, m);
  REQUIRE(moved.ok());

  CHECK(d.status(unit) == UnitStatus::occupied);
  CHECK(d.resident(owner).moved_in == 20261124);
  CHECK(d.resident(owner).relation == Relation::owner);
  const auto living = d.estate().residents_of(unit);
  REQUIRE(living.size() == 3);
  CHECK(living.front()->id == owner);  // owners first
  for (const Resident* r : living) CHECK(r->moved_in == 20261124);
  const auto family = with_relation(d.data(), unit, Relation::family);
  REQUIRE(family.size() == 2);
  for (const Resident* r : family) CHECK_FALSE(r->owner);
  CHECK(d.estate().may_move_in(unit).empty());

  const HouseholdMove& move = d.data().moves.at(moved.value());
  CHECK_FALSE(move.out);
  CHECK(move.unit == unit);
  CHECK(move.day == 20261124);
  CHECK(move.people.size() == 3);
  CHECK(move.cards == "A0312, A0313");
  CHECK(move.keys == 4);
  CHECK(move.note == "入伙交付");
  CHECK(move.recorded_by == d.session.actor());
  const auto history = d.estate().move_history(unit);
  REQUIRE(history.size() == 1);
  CHECK(history[0].names.find("李娜") != std::string::npos);
  CHECK(history[0].names.find(d.resident(owner).name) != std::string::npos);
  CHECK(history[0].recorded_by == d.with_role(Role::front_desk).name);
  CHECK(d.estate().unit_row(unit)->member_count == 3);
}

TEST_CASE("a tenant household moves in beside the owner, who stays on the record") {
  Device d;
  const Id unit = d.vacant_with_owner();
  const Id owner = d.estate().may_move_in(unit).front()->id;
  const Resident before = d.resident(owner);
  REQUIRE(d.estate().move_in(unit, tenants_in(20261120)).ok());
  CHECK(d.status(unit) == UnitStatus::occupied);
  CHECK(d.resident(owner) == before);  // untouched: still the owner, on the record
  const auto tenants = with_relation(d.data(), unit, Relation::tenant);
  REQUIRE(tenants.size() == 2);
  for (const Resident* t : tenants) {
    CHECK_FALSE(t->owner);
    CHECK(t->moved_in == 20261120);
    CHECK(t->moved_out == 0);
  }
  CHECK(d.estate().residents_of(unit).size() == 3);
  CHECK(d.estate().unit_row(unit)->owner_name == before.name);  // the archive row still shows the owner
}

TEST_CASE("a tenant move-out leaves the owner and keeps the tenants as former residents") {
  Device d;
  const Id unit = d.vacant_with_owner();
  const Id owner = d.estate().may_move_in(unit).front()->id;
  REQUIRE(d.estate().move_in(unit, tenants_in(20261001)).ok());
  const std::vector<Id> tenants = ids_of(with_relation(d.data(), unit, Relation::tenant));
  MoveOut out;
  out.day = 20261124;
  out.people = tenants;
  out.keys = 3;
  out.note = "租约到期";
  const auto moved = d.estate().move_out(unit, out);
  REQUIRE(moved.ok());

  const auto living = d.estate().residents_of(unit);
  REQUIRE(living.size() == 1);
  CHECK(living[0]->id == owner);
  CHECK(d.resident(owner).moved_out == 0);
  CHECK(d.status(unit) == UnitStatus::occupied);  // someone is left on the record
  const auto former = d.estate().former_residents_of(unit);
  REQUIRE(former.size() == 2);
  for (const Resident* r : former) {
    CHECK(r->relation == Relation::tenant);
    CHECK(r->moved_in == 20261001);
    CHECK(r->moved_out == 20261124);
    CHECK_FALSE(r->removed);
  }
  const HouseholdMove& move = d.data().moves.at(moved.value());
  CHECK(move.out);
  CHECK(move.keys == 3);
  CHECK(move.cards.empty());
  const auto history = d.estate().move_history(unit);
  REQUIRE(history.size() == 2);
  CHECK(history[0].move->out);  // latest first
  CHECK_FALSE(history[1].move->out);
  CHECK(history[0].names.find("赵磊") != std::string::npos);
}

TEST_CASE("a full move-out makes the unit vacant and keeps everyone on the record and in the history") {
  Device d;
  const Id unit = d.household();
  const std::vector<Id> people = ids_of(d.estate().residents_of(unit));
  REQUIRE(people.size() >= 2);
  const int residents_before = d.session.summary().residents;
  MoveOut out;
  out.day = 20261124;  // nobody named: everyone living there
  const auto moved = d.estate().move_out(unit, out);
  REQUIRE(moved.ok());

  CHECK(d.status(unit) == UnitStatus::vacant);
  CHECK(d.estate().residents_of(unit).empty());
  CHECK(d.estate().former_residents_of(unit).size() == people.size());
  for (const Id& id : people) {
    REQUIRE(d.data().residents.count(id));
    CHECK(d.resident(id).moved_out == 20261124);
    CHECK_FALSE(d.resident(id).removed);
  }
  std::vector<Id> named = d.data().moves.at(moved.value()).people;
  std::vector<Id> expected = people;
  std::sort(named.begin(), named.end());
  std::sort(expected.begin(), expected.end());
  CHECK(named == expected);
  CHECK(d.session.summary().residents == residents_before - static_cast<int>(people.size()));
  CHECK(d.estate().unit_row(unit)->member_count == 0);
  CHECK(d.estate().unit_row(unit)->owner_name.empty());
  // Nobody is left to move out.
  CHECK(d.estate().move_out(unit, out).error().code == "no_people");
  // The owner comes back: from the former residents, after the move-out.
  const Id owner = with_relation(d.data(), unit, Relation::owner).front()->id;
  MoveIn back;
  back.day = 20261123;
  back.on_record = {owner};
  CHECK(d.estate().move_in(unit, back).error().code == "date_before_out");
  back.day = 20261201;
  REQUIRE(d.estate().move_in(unit, back).ok());
  CHECK(d.resident(owner).moved_in == 20261201);
  CHECK(d.resident(owner).moved_out == 0);
  CHECK(d.status(unit) == UnitStatus::occupied);
  CHECK(d.estate().move_history(unit).size() == 2);
}

TEST_CASE("moves refuse what they cannot record, and record nothing then") {
  Device d;
  const Id vacant = d.vacant_with_owner();
  const Id home = d.household();
  const Id elsewhere = d.household(1);
  const std::size_t ops = d.session.op_count();
  auto in_code = [&](const Id& unit, const MoveIn& m) { return d.estate().move_in(unit, m).error().code; };
  auto out_code = [&](const Id& unit, const MoveOut& m) { return d.estate().move_out(unit, m).error().code; };

  MoveIn good = tenants_in(20261124);
  CHECK(in_code(Id{7, 7}, good) == "unknown_unit");
  CHECK(out_code(Id{7, 7}, MoveOut{20261124, {}, 0, ""}) == "unknown_unit");

  MoveIn nobody;
  nobody.day = 20261124;
  CHECK(in_code(vacant, nobody) == "no_people");
  // A model unit has nobody on its record to move out.
  const Id model = d.unit_where(UnitStatus::model, [](const UnitRow&) { return true; });
  CHECK(out_code(model, MoveOut{20261124, {}, 0, ""}) == "no_people");

  MoveIn bad = good;
  bad.people[1].phone = "12ab";
  CHECK(in_code(vacant, bad) == "bad_phone");
  bad = good;
  bad.people[0].name.clear();
  CHECK(in_code(vacant, bad) == "name_required");
  for (std::int64_t day : {std::int64_t{0}, std::int64_t{20261301}, std::int64_t{20260230}, std::int64_t{19991231}}) {
    bad = good;
    bad.day = day;
    INFO(day);
    CHECK(in_code(vacant, bad) == "bad_date");
    CHECK(out_code(home, MoveOut{day, {}, 0, ""}) == "bad_date");
  }
  bad = good;
  bad.keys = 21;
  CHECK(in_code(vacant, bad) == "bad_keys");
  CHECK(out_code(home, MoveOut{20261124, {}, -1, ""}) == "bad_keys");

  // Someone not on that unit's record, moving in or out.
  const Id stranger = d.estate().residents_of(elsewhere).front()->id;
  bad = good;
  bad.on_record = {stranger};
  CHECK(in_code(vacant, bad) == "not_on_unit");
  CHECK(out_code(home, MoveOut{20261124, {stranger}, 0, ""}) == "not_on_unit");
  CHECK(out_code(home, MoveOut{20261124, {Id{9, 9}}, 0, ""}) == "not_on_unit");
  // Someone already living there cannot move in again.
  bad = good;
  bad.on_record = {d.estate().residents_of(home).front()->id};
  CHECK(in_code(home, bad) == "already_in");

  // A move-out dated before the person moved in.
  const Resident* someone = d.estate().residents_of(home).front();
  REQUIRE(someone->moved_in != 0);
  const auto early = d.estate().move_out(home, MoveOut{add_days(someone->moved_in, -1), {someone->id}, 0, ""});
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "date_before_in");
  CHECK(early.error().message.find(someone->name) != std::string::npos);

  CHECK(d.session.op_count() == ops);
  CHECK(d.status(vacant) == UnitStatus::vacant);
}

TEST_CASE("only the office records moves: the service refuses a cleaner, and so does the op spec") {
  Device d;
  const Id unit = d.vacant_with_owner();
  const std::size_t ops = d.session.op_count();
  d.as(Role::cleaning);
  const auto refused = d.estate().move_in(unit, tenants_in(20261124));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_allowed");
  CHECK(d.estate().move_out(d.household(), MoveOut{20261124, {}, 0, ""}).error().code == "not_allowed");
  CHECK(d.session.op_count() == ops);
  for (OpKind kind : {OpKind::household_moved_in, OpKind::household_moved_out}) {
    for (std::int64_t role = 0; role < kRoleCount; ++role) {
      INFO(static_cast<int>(kind) << " role " << role);
      CHECK(role_may_write(role, kind) == kOfficeRoles.has(role));
    }
  }
  for (Role role : {Role::butler, Role::head_butler, Role::manager}) {
    d.as(role);
    CHECK(d.estate().move_in(d.vacant_with_owner(), tenants_in(20261124)).ok());
  }
  // What was recorded passes the checks every tablet and the server run.
  std::size_t moves = 0;
  for (const Op& op : d.session.decoded_log()) {
    if (op.kind != OpKind::household_moved_in && op.kind != OpKind::resident_set && op.kind != OpKind::unit_set) continue;
    moves += op.kind == OpKind::household_moved_in;
    INFO(op_kind_name(op.kind));
    CHECK(validate_op(op).ok());
  }
  CHECK(moves == 3);
  // The op spec: at least one person, keys 0–20, a real day.
  Op op = d.session.decoded_log().back();
  for (const Op& o : d.session.decoded_log()) {
    if (o.kind == OpKind::household_moved_in) op = o;
  }
  Op empty = op;
  empty.payload.set(F::movers, std::string());
  CHECK_FALSE(validate_op(empty).ok());
  Op many_keys = op;
  many_keys.payload.set(F::keys_handed, std::int64_t{21});
  CHECK_FALSE(validate_op(many_keys).ok());
  Op no_day = op;
  no_day.payload.set(F::day, std::int64_t{20261340});
  CHECK_FALSE(validate_op(no_day).ok());
}

TEST_CASE("a second tablet folding the same ops, in any order, shows the same residents, moves and units") {
  Device a;
  const Id vacant = a.vacant_with_owner();
  const Id home = a.household();
  REQUIRE(a.estate().move_in(vacant, tenants_in(20261001)).ok());
  REQUIRE(a.estate().move_out(vacant, MoveOut{20261124, ids_of(with_relation(a.data(), vacant, Relation::tenant)), 2, ""}).ok());
  REQUIRE(a.estate().move_out(home, MoveOut{20261124, {}, 1, "搬走"}).ok());
  MoveIn owner_in;
  owner_in.day = 20261125;
  owner_in.on_record = {with_relation(a.data(), vacant, Relation::owner).front()->id};
  owner_in.people = {{"孙丽", "13600002222", "", Relation::family}};
  REQUIRE(a.estate().move_in(vacant, owner_in).ok());

  std::vector<Op> ops = a.session.decoded_log();
  std::shuffle(ops.begin(), ops.end(), std::mt19937(7));
  fixture::Device b(5, Id{0xB, 0x2});
  REQUIRE(b.session.merge_remote(ops).ok());
  CHECK(b.session.master_data() == a.data());
  CHECK(b.session.master_data().moves.size() == 4);
  CHECK(b.session.estate().move_history(vacant).size() == 3);
  CHECK(b.session.estate().unit_row(home)->status == UnitStatus::vacant);

  // And through a snapshot: the moves and relations come back as they were.
  Replica replica;
  replica.add(a.session.decoded_log());
  const std::string bytes = encode_snapshot(replica.data(), replica.ids(), replica.size(), replica.frontier(), {});
  const Result<Snapshot> s = decode_snapshot(bytes);
  REQUIRE(s.ok());
  CHECK(s.value().data == a.data());
}

TEST_CASE("residents.csv: 身份 业主/家属/租户, 迁入日期 and 迁出日期, former residents kept") {
  Device d;
  const Id unit = d.vacant_with_owner();
  const Resident owner = *d.estate().may_move_in(unit).front();
  REQUIRE(d.estate().move_in(unit, tenants_in(20261001)).ok());
  REQUIRE(d.estate().move_out(unit, MoveOut{20261124, ids_of(with_relation(d.data(), unit, Relation::tenant)), 2, ""}).ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const server::ExportFn* residents = exports.find("residents");
  REQUIRE(residents != nullptr);
  const office::ExportTable table = (*residents)(server::ExportInput{replica});
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.header);
  CHECK(header == std::vector<std::string>{"姓名", "电话", "楼栋", "单元", "房号", "身份", "职业", "迁入日期", "迁出日期"});
  CHECK(table.columns[7].type == office::CellType::date);
  auto row_of = [&](const std::string& name) -> const std::vector<std::string>* {
    for (const auto& r : table.rows) {
      if (r[0] == name) return &r;
    }
    return nullptr;
  };
  const auto* tenant = row_of("赵磊");
  REQUIRE(tenant != nullptr);
  CHECK((*tenant)[1] == "13700001111");
  CHECK((*tenant)[5] == "租户");
  CHECK((*tenant)[6] == "工程师");
  CHECK((*tenant)[7] == "2026-10-01");
  CHECK((*tenant)[8] == "2026-11-24");
  const auto* kept = row_of(owner.name);
  REQUIRE(kept != nullptr);
  CHECK((*kept)[5] == "业主");
  CHECK((*kept)[8].empty());
  bool family = false;
  for (const auto& r : table.rows) family = family || r[5] == "家属";
  CHECK(family);
}

TEST_CASE("a date as people write it") {
  CHECK(parse_day("2026-12-04") == 20261204);
  CHECK(parse_day(" 2026/12/4 ") == 20261204);
  CHECK(parse_day("2026.1.31") == 20260131);
  CHECK(parse_day("20261204") == 20261204);
  CHECK(parse_day("2026-02-30") == 0);
  CHECK(parse_day("2026-13-01") == 0);
  CHECK(parse_day("2026-12") == 0);
  CHECK(parse_day("12/04/2026") == 0);
  CHECK(parse_day("") == 0);
  CHECK(parse_day("明天") == 0);
}
