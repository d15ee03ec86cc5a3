// A head butler sets the community up on the tablet (issue: a real
// community, set up in an afternoon): zones with their buildings and butler,
// checkpoints added, reordered and taken off a route, each an op; a butler
// may not; a round already started keeps the route it started with.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/domain/replica.hpp"
#include "app/ops/codec.hpp"
#include "app/session/session.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Device {
  Device() : fixture::Device(41, Id{0x5E, 0x70}) { REQUIRE(session.load_demo({}).ok()); }
  const ZoneRow* zone_named(const std::string& name) const {
    for (const ZoneRow& z : session.estate().zone_rows()) {
      if (z.name == name) return &z;
    }
    return nullptr;
  }
  std::vector<std::string> route_names(const Id& zone) const {
    std::vector<std::string> out;
    for (const CheckpointRow& c : session.estate().checkpoints_of_zone(zone)) out.push_back(c.name);
    return out;
  }
  Id first_building() const { return session.setup().buildings().front()->id; }
};

}  // namespace

TEST_CASE("zones and routes are a lead's to set up, one op a change, and a butler is refused") {
  Device d;
  d.as(Role::butler);
  const std::size_t ops_before = d.session.op_count();
  auto refused = d.session.setup().add_zone({"九区", {}, {d.first_building()}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_allowed");
  CHECK(d.session.op_count() == ops_before);

  d.as(Role::head_butler);
  CHECK_FALSE(d.session.setup().add_zone({"  ", {}, {d.first_building()}}).ok());
  CHECK(d.session.setup().add_zone({"九区", {}, {}}).error().code == "buildings_required");
  CHECK(d.session.setup().add_zone({"九区", d.with_role(Role::cleaning).id, {d.first_building()}}).error().code == "not_butler");
  const Id zone = d.session.setup().add_zone({"九区", d.with_role(Role::butler).id, {d.first_building()}}).value();
  REQUIRE(d.zone_named("九区"));
  CHECK(d.session.setup().add_zone({"九区", {}, {d.first_building()}}).error().code == "name_taken");

  // A zone with no route yet is on the set-up list.
  auto gaps = d.session.setup().gaps();
  CHECK(std::any_of(gaps.begin(), gaps.end(), [&](const SetupGap& g) {
    return g.kind == GapKind::zone_without_checkpoints && g.id == zone;
  }));

  const Id lobby = d.session.setup().add_checkpoint(zone, {"九区大堂", d.first_building(), CheckpointKind::lobby}).value();
  const Id lift = d.session.setup().add_checkpoint(zone, {"九区电梯", d.first_building(), CheckpointKind::lift}).value();
  const Id gate = d.session.setup().add_checkpoint(zone, {"九区门岗", {}, CheckpointKind::gate}).value();
  CHECK(d.route_names(zone) == std::vector<std::string>{"九区大堂", "九区电梯", "九区门岗"});
  CHECK(d.session.setup().add_checkpoint(zone, {"九区大堂", d.first_building(), CheckpointKind::lobby}).error().code ==
        "name_taken");

  // Dragged from last to first: one op for each checkpoint whose place changed.
  const std::size_t before_move = d.session.op_count();
  REQUIRE(d.session.setup().move_checkpoint(gate, 0).ok());
  CHECK(d.route_names(zone) == std::vector<std::string>{"九区门岗", "九区大堂", "九区电梯"});
  CHECK(d.session.op_count() == before_move + 3);
  REQUIRE(d.session.setup().move_checkpoint(gate, 0).ok());  // where it is: nothing recorded
  CHECK(d.session.op_count() == before_move + 3);

  REQUIRE(d.session.setup().edit_checkpoint(lift, {"九区1号电梯", d.first_building(), CheckpointKind::lift}).ok());
  CHECK(d.route_names(zone)[2] == "九区1号电梯");
  CHECK(d.session.setup().retire_zone(zone).error().code == "zone_has_route");
  for (const Id& c : {lobby, lift, gate}) REQUIRE(d.session.setup().retire_checkpoint(c).ok());
  CHECK(d.route_names(zone).empty());
  CHECK(d.session.master_data().checkpoints.count(lobby));  // kept, for the answers that name it
  REQUIRE(d.session.setup().retire_zone(zone).ok());
  CHECK_FALSE(d.zone_named("九区"));

  // Another tablet folding the same ops sees the same estate.
  Replica replica;
  std::vector<Op> ops;
  for (const auto& r : d.storage.acked) ops.push_back(decode_op(r).value());
  replica.add(std::move(ops));
  CHECK(replica.data().zones == d.session.master_data().zones);
  CHECK(replica.data().checkpoints == d.session.master_data().checkpoints);
}

TEST_CASE("a round already started keeps its route while the head butler reorders and extends it") {
  Device d;
  const ZoneRow zone = d.session.estate().zone_rows().front();
  d.session.set_actor(d.session.master_data().zones.at(zone.id).butler);
  const Id round = d.session.rounds().start_round(zone.id).value();
  std::vector<Id> walked;
  for (const RouteStop& s : d.session.rounds().route_of(round)) walked.push_back(s.id);
  REQUIRE(walked.size() >= 3);

  // The last checkpoint (a gate's patrol log may follow it: not a checkpoint to move).
  Id last;
  for (const RouteStop& s : d.session.rounds().route_of(round)) {
    if (s.kind == StopKind::checkpoint) last = s.id;
  }
  d.as(Role::head_butler);
  REQUIRE(d.session.setup().move_checkpoint(last, 0).ok());
  const Id added = d.session.setup().add_checkpoint(zone.id, {"新加巡查点", {}, CheckpointKind::notice_board}).value();
  REQUIRE(d.session.setup().retire_checkpoint(walked[1]).ok());

  std::vector<Id> still;
  for (const RouteStop& s : d.session.rounds().route_of(round)) still.push_back(s.id);
  CHECK(still == walked);  // the round under way walks what it started with
  std::vector<Id> next;
  for (const RouteStop& s : d.session.rounds().route(zone.id, RoundKind::zone)) next.push_back(s.id);
  CHECK(next.front() == last);  // a round started now walks the new order
  CHECK(next.back() == added);
  CHECK(std::find(next.begin(), next.end(), walked[1]) == next.end());
}

TEST_CASE("a community's model-unit and greeting hours are a lead's to set, and the duty windows follow") {
  Device d;
  const auto model_zone = [&]() -> Id {
    for (const ZoneRow& z : d.session.estate().zone_rows()) {
      for (const DutyLine& l : d.session.rounds().duties_of(z.id, d.session.local_now().day)) {
        if (l.duty == schedule::Duty::model_close) return z.id;
      }
    }
    return {};
  }();
  REQUIRE_FALSE(model_zone.is_nil());  // the demo has model units
  const auto window = [&](schedule::Duty duty) {
    for (const DutyLine& l : d.session.rounds().duties_of(model_zone, d.session.local_now().day)) {
      if (l.duty == duty) return l.window;
    }
    FAIL("no such duty");
    return schedule::DutyWindow{};
  };
  CHECK(window(schedule::Duty::model_close).start_minute == 20 * 60);  // the manual's 晚8:00

  Id gate;
  for (const auto& [id, c] : d.session.master_data().checkpoints) {
    if (c.kind == CheckpointKind::gate && !c.retired) gate = id;
  }
  REQUIRE_FALSE(gate.is_nil());
  const EstateHours own{.model_opens = 9 * 60, .model_closes = 18 * 60, .greeting_from = 8 * 60, .greeting_until = 9 * 60, .gate = gate};

  d.as(Role::butler);
  const std::size_t before = d.session.op_count();
  CHECK(d.session.setup().set_hours(own).error().code == "not_allowed");
  CHECK(d.session.op_count() == before);

  d.as(Role::head_butler);
  EstateHours backwards = own;
  backwards.model_closes = 8 * 60;
  CHECK(d.session.setup().set_hours(backwards).error().code == "bad_hours");
  EstateHours greeting_backwards = own;
  greeting_backwards.greeting_until = 7 * 60;
  CHECK(d.session.setup().set_hours(greeting_backwards).error().code == "bad_hours");
  EstateHours lobby_as_gate = own;
  for (const auto& [id, c] : d.session.master_data().checkpoints) {
    if (c.kind == CheckpointKind::lobby) lobby_as_gate.gate = id;
  }
  CHECK(d.session.setup().set_hours(lobby_as_gate).error().code == "not_a_gate");
  CHECK(d.session.op_count() == before);

  REQUIRE(d.session.setup().set_hours(own).ok());
  CHECK(d.session.op_count() == before + 1);
  CHECK(d.session.setup().hours() == own);
  CHECK(window(schedule::Duty::model_close).start_minute == 18 * 60);
  CHECK(window(schedule::Duty::model_open).start_by == 8 * 60 + 50);
  CHECK(window(schedule::Duty::gate_greeting).end_minute == 9 * 60);
  // The same hours again write nothing.
  REQUIRE(d.session.setup().set_hours(own).ok());
  CHECK(d.session.op_count() == before + 1);
}

TEST_CASE("a model unit is a lead's to make or unmake, a butler records occupied and vacant, 装修中 follows the application") {
  Device d;
  const ZoneRow& zone = d.session.estate().zone_rows().front();
  const Zone& z = d.session.master_data().zones.at(zone.id);
  Id unit;
  for (const auto& [id, u] : d.session.master_data().units) {
    if (u.status == UnitStatus::vacant && std::find(z.buildings.begin(), z.buildings.end(), u.building) != z.buildings.end()) {
      unit = id;
      break;
    }
  }
  REQUIRE_FALSE(unit.is_nil());
  const std::size_t models = d.session.rounds().route(zone.id, RoundKind::model_open).size();
  d.as(Role::butler);
  const Status refused = d.session.estate().set_unit_status(unit, UnitStatus::model);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_allowed");
  CHECK(refused.error().message == "样板间由客服主管或管理处主任设定");
  CHECK(d.session.master_data().units.at(unit).status == UnitStatus::vacant);
  CHECK(d.session.estate().set_unit_status(unit, UnitStatus::occupied).ok());  // field news: anyone
  // 装修中 is the application's (000:469; issue 16 item 15), not an edit.
  CHECK(d.session.estate().set_unit_status(unit, UnitStatus::renovating).error().code == "follows_renovation");
  d.as(Role::head_butler);
  REQUIRE(d.session.estate().set_unit_status(unit, UnitStatus::model).ok());
  CHECK(d.session.rounds().route(zone.id, RoundKind::model_open).size() == models + 1);  // on the model rounds now
  d.as(Role::butler);
  CHECK(d.session.estate().set_unit_status(unit, UnitStatus::occupied).error().code == "not_allowed");  // nor unmakes one
}
