#include "app/demo/demo_community.hpp"

#include <array>
#include <string>

#include "app/core/local_time.hpp"
#include "app/demo/demo_builder.hpp"
#include "app/domain/master_data.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/rounds/checklists.hpp"

namespace app {
namespace {

using namespace demo_detail;

constexpr std::array kOccupations = {"教师", "医生", "工程师", "公务员", "会计", "个体经营", "退休", "销售经理",
                                     "律师", "设计师", "程序员", "护士", "司机", "学生", "自由职业"};
constexpr std::array kChineseNumbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};


std::string zone_name(int n) {
  std::string s = "第";
  if (n <= 10) s += kChineseNumbers[n - 1];
  else s += std::to_string(n);
  return s + "责任区";
}

struct BuildingPlan { int floors, stairwells, rooms; };

// Tower heights and layouts of a typical mid-size estate; 1,588 units at scale 1.
constexpr std::array<BuildingPlan, 12> kBuildings = {{{18, 2, 3}, {18, 2, 3}, {26, 2, 3}, {26, 2, 3}, {32, 2, 3}, {32, 2, 3},
                                                     {33, 2, 3}, {33, 2, 3}, {24, 2, 2}, {24, 2, 2}, {11, 2, 2}, {11, 2, 2}}};

struct CheckpointPlan { const char* name; CheckpointKind kind; };
constexpr std::array<CheckpointPlan, 10> kBuildingCheckpoints = {{
    {"大堂入口", CheckpointKind::lobby},        {"电梯轿厢内外", CheckpointKind::lift},
    {"各楼层走道", CheckpointKind::corridor},    {"墙面", CheckpointKind::walls},
    {"防火门", CheckpointKind::fire_door},      {"消防箱", CheckpointKind::hydrant},
    {"通风窗", CheckpointKind::ventilation},    {"灯罩", CheckpointKind::lamps},
    {"楼梯扶手", CheckpointKind::handrails},    {"天台", CheckpointKind::roof},
}};

}  // namespace

std::int64_t demo_day_of(std::int64_t now_ms) {
  constexpr std::int64_t kDay = 86400000, kBeijing = 8 * 3600000;
  const std::int64_t local = now_ms + kBeijing;
  const std::int64_t days = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
  return days * kDay - kBeijing;
}

Id demo_device_id(std::uint64_t seed) {
  demo_detail::DemoRandom rng(seed);
  return Id::random(rng);
}

DemoCommunity generate_demo(const DemoOptions& options) {
  const int scale = options.scale < 1 ? 1 : options.scale;
  Builder b{DemoRandom(options.seed), {}, {}, options.day_ms, 0, {}};
  b.device = b.new_id();
  DemoCommunity out;
  out.device = b.device;

  // Staff first: the head butler is the actor who "entered" the master data.
  struct StaffPlan { Role role; const char* code_prefix; int count; };
  const StaffPlan staff_plan[] = {{Role::head_butler, "DGJ", 1},     {Role::butler, "GJ", 6 * scale},
                                  {Role::front_desk, "QT", 2},        {Role::manager, "ZR", 1},
                                  {Role::engineering, "GC", 2 * scale}, {Role::security, "ZX", 3 * scale},
                                  {Role::cleaning, "BJ", 2 * scale},  {Role::greening, "LH", scale}};
  std::vector<Id> butlers;
  Id front_desk, engineer;
  DemoStaff demo_staff;
  for (const auto& plan : staff_plan) {
    for (int i = 1; i <= plan.count; ++i) {
      const Id id = b.new_id();
      if (plan.role == Role::head_butler) b.actor = id;
      char code[16];
      std::snprintf(code, sizeof code, "%s%03d", plan.code_prefix, i);
      b.emit(OpKind::staff_set, id)
          .payload.set(F::name, b.person_name())
          .set(F::code, std::string(code))
          .set(F::phone, b.phone())
          .set(F::role, static_cast<std::int64_t>(plan.role));
      if (plan.role == Role::butler) butlers.push_back(id);
      if (plan.role == Role::front_desk && front_desk.is_nil()) front_desk = id;
      if (plan.role == Role::engineering && engineer.is_nil()) engineer = id;
      if (i == 1 && plan.role == Role::manager) demo_staff.manager = id;
      if (i == 1 && plan.role == Role::engineering) demo_staff.engineer = id;
      if (i == 1 && plan.role == Role::front_desk) demo_staff.front_desk = id;
    }
  }
  for (Op& op : b.ops) op.actor = b.actor;
  out.duty_butler = butlers.front();
  demo_staff.head = b.actor;
  demo_staff.butler = butlers.front();
  std::vector<RenovatingUnit> renovating;

  const Id community = b.new_id();
  b.emit(OpKind::community_set, community).payload.set(F::name, std::string("锦绣花园")).set(F::city, std::string("杭州市"));

  // Buildings and their units.
  std::vector<Id> buildings;
  std::vector<std::string> building_names;
  std::vector<DemoUnit> keyed_units;  // the centre holds these units' keys
  int model_units = 0;
  for (int i = 0; i < 12 * scale; ++i) {
    const BuildingPlan& plan = kBuildings[static_cast<std::size_t>(i % 12)];
    const Id building = b.new_id();
    buildings.push_back(building);
    building_names.push_back(std::to_string(i + 1) + "栋");
    b.emit(OpKind::building_set, building)
        .payload.set(F::name, std::to_string(i + 1) + "栋")
        .set(F::floors, static_cast<std::int64_t>(plan.floors))
        .set(F::position, static_cast<std::int64_t>(i + 1));
    for (int floor = 1; floor <= plan.floors; ++floor) {
      for (int stair = 1; stair <= plan.stairwells; ++stair) {
        // Rooms are numbered within their stairwell: 2单元 1502 is the second
        // room on the 15th floor of stairwell 2.
        for (int room = 1; room <= plan.rooms; ++room) {
          const int room_no = room;
          const Id unit = b.new_id();
          UnitStatus status = UnitStatus::occupied;
          const auto roll = b.rng.below(100);
          if (i == 0 && floor == 1 && model_units < 2) {
            status = UnitStatus::model;  // the sales office's two model units
            ++model_units;
          } else if (roll < 10) {
            status = UnitStatus::vacant;
          } else if (roll < 13) {
            status = UnitStatus::renovating;
          }
          char number[32];
          std::snprintf(number, sizeof number, "%d%02d", floor, room_no);
          b.emit(OpKind::unit_set, unit)
              .payload.set(F::parent, building.to_hex())
              .set(F::floor, static_cast<std::int64_t>(floor))
              .set(F::stairwell, std::to_string(stair))
              .set(F::number, std::string(number))
              .set(F::status, static_cast<std::int64_t>(status));
          if (status != UnitStatus::occupied) keyed_units.push_back({unit, building_names.back() + " " + std::to_string(stair) + "单元 " + number, status});
          if (status == UnitStatus::model) continue;
          // The owner is on record for every sold unit; the household lives in
          // the occupied and renovating ones.
          const std::string surname = kSurnames[b.rng.below(kSurnames.size())];
          const std::int64_t moved_in = status == UnitStatus::vacant ? 0 : b.move_in_date();
          b.emit(OpKind::resident_set, b.new_id())
              .payload.set(F::parent, unit.to_hex())
              .set(F::name, surname + kGiven[b.rng.below(kGiven.size())])
              .set(F::phone, b.phone())
              .set(F::occupation, std::string(kOccupations[b.rng.below(kOccupations.size())]))
              .set(F::is_owner, std::int64_t{1})
              .set(F::moved_in, moved_in);
          if (status == UnitStatus::renovating && renovating.size() < 2) {
            renovating.push_back({unit, std::string(b.ops.back().payload.text(F::name).value_or(""))});
          }
          if (status != UnitStatus::occupied) continue;
          const auto family = b.rng.below(4);
          for (std::uint64_t m = 0; m < family; ++m) {
            auto& p = b.emit(OpKind::resident_set, b.new_id())
                          .payload.set(F::parent, unit.to_hex())
                          .set(F::name, (m == 0 ? b.person_name() : surname + kGiven[b.rng.below(kGiven.size())]))
                          .set(F::is_owner, std::int64_t{0})
                          .set(F::moved_in, moved_in);
            if (b.rng.below(2)) p.set(F::phone, b.phone());
          }
        }
      }
    }
  }

  // Zones: each butler walks two neighbouring buildings.
  std::vector<Id> zones;
  for (std::size_t z = 0; z < butlers.size(); ++z) {
    const Id zone = b.new_id();
    zones.push_back(zone);
    std::vector<Id> zone_buildings;
    for (std::size_t k = z * 2; k < buildings.size() && k < z * 2 + 2; ++k) zone_buildings.push_back(buildings[k]);
    b.emit(OpKind::zone_set, zone)
        .payload.set(F::name, zone_name(static_cast<int>(z) + 1))
        .set(F::butler, butlers[z].to_hex())
        .set(F::buildings, join_ids(zone_buildings))
        .set(F::position, static_cast<std::int64_t>(z + 1));
  }

  // Checkpoints: each building's public areas, in walking order, in its zone's route.
  std::vector<std::int64_t> route_length(zones.size(), 0);
  std::vector<std::vector<RouteCheckpoint>> routes(zones.size());  // in position order (the history walks them)
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    const std::size_t z = std::min(i / 2, zones.size() - 1);
    for (const auto& cp : kBuildingCheckpoints) {
      const Id id = b.new_id();
      routes[z].push_back({id, cp.kind});
      b.emit(OpKind::checkpoint_set, id)
          .payload.set(F::parent, buildings[i].to_hex())
          .set(F::zone, zones[z].to_hex())
          .set(F::name, std::string(cp.name))
          .set(F::kind, static_cast<std::int64_t>(cp.kind))
          .set(F::position, ++route_length[z]);
    }
  }
  // Estate-wide points, shared out among the first zones.
  const CheckpointPlan estate[] = {{"南大门", CheckpointKind::gate},          {"北门岗亭", CheckpointKind::gate},
                                   {"样板间", CheckpointKind::model_unit},     {"公告栏", CheckpointKind::notice_board},
                                   {"地下室水泵房", CheckpointKind::plant_room}, {"配电房", CheckpointKind::plant_room}};
  for (std::size_t k = 0; k < std::size(estate); ++k) {
    const std::size_t z = k % zones.size();
    const Id id = b.new_id();
    routes[z].push_back({id, estate[k].kind});
    auto& p = b.emit(OpKind::checkpoint_set, id)
                  .payload.set(F::zone, zones[z].to_hex())
                  .set(F::name, std::string(estate[k].name))
                  .set(F::kind, static_cast<std::int64_t>(estate[k].kind))
                  .set(F::position, ++route_length[z]);
    if (estate[k].kind == CheckpointKind::model_unit) p.set(F::parent, buildings[0].to_hex());
  }
  // The gardens (000:741 "每天检查绿化养护工作情况") and the estate's guidance
  // signs, walked daily on the zones after the first.
  struct Grounds { const char* name; CheckpointKind kind; std::size_t zone; };
  const Grounds grounds[] = {{"中心花园", CheckpointKind::greening, 1},
                             {"园区指引标识", CheckpointKind::signage, 2},
                             {"北区绿化带", CheckpointKind::greening, 3}};
  for (const Grounds& g : grounds) {
    const std::size_t z = std::min(g.zone, zones.size() - 1);
    const Id id = b.new_id();
    routes[z].push_back({id, g.kind});
    b.emit(OpKind::checkpoint_set, id)
        .payload.set(F::zone, zones[z].to_hex())
        .set(F::name, std::string(g.name))
        .set(F::kind, static_cast<std::int64_t>(g.kind))
        .set(F::position, ++route_length[z]);
  }

  add_key_cabinet(b, keyed_units, building_names, buildings, b.actor, front_desk, engineer, out.duty_butler);
  add_price_list(b);
  add_renovations(b, options.seed, demo_staff, renovating);

  if (options.history_days > 0) add_round_history(b, options.history_days, zones, butlers, routes, b.actor);
  out.ops = std::move(b.ops);
  return out;
}

}  // namespace app
