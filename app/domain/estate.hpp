#pragma once
// Places and people (shared/domain.md): community → building → unit, the
// resident archive, staff with roles, zones that give buildings to butlers,
// the public checkpoints a round walks, and photos attached to any of them.
// Types only, below the workflows: a workflow's rules may speak of a unit or
// a checkpoint kind without reading the whole projection (app/domain/master_data.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/roles.hpp"

namespace app {

enum class UnitStatus : std::int64_t { occupied = 0, vacant = 1, renovating = 2, model = 3 };
bool is_unit_status(std::int64_t v);


enum class CheckpointKind : std::int64_t {
  lobby = 0, lift = 1, corridor = 2, walls = 3, fire_door = 4, hydrant = 5, ventilation = 6, lamps = 7,
  handrails = 8, roof = 9, plant_room = 10, model_unit = 11, notice_board = 12, gate = 13,
  // A planted area (000:741 "每天检查绿化养护工作情况") and the estate's guidance
  // signs and public facilities (000 篇2 日常巡查 "(2)、检查公共设备设施").
  greening = 14, signage = 15,
};
// The highest kind this build knows: the op's check, the snapshot's and the
// set-up form's list all end here, so a new kind is added in one place.
inline constexpr std::int64_t kLastCheckpointKind = static_cast<std::int64_t>(CheckpointKind::signage);
inline bool is_checkpoint_kind(std::int64_t v) { return v >= 0 && v <= kLastCheckpointKind; }

// Who a resident is in the household (住户类别 in the office's sheets): the
// owner, the owner's family, or a tenant. A tenant change keeps the owner.
enum class Relation : std::int64_t { owner = 0, family = 1, tenant = 2 };
inline bool is_relation(std::int64_t v) { return v >= 0 && v <= 2; }

struct Community { Id id; std::string name, city; bool operator==(const Community&) const = default; };
struct Building { Id id; std::string name; std::int64_t floors = 0; std::int64_t position = 0; bool operator==(const Building&) const = default; };
struct Unit {
  Id id, building;
  std::int64_t floor = 0;
  std::string stairwell, number;
  // What the unit is: the office's record, except that while an application's
  // works are under way it is 装修中 (the fold derives it from the renovation,
  // app/renovation/renovation_rules.hpp unit_status_during_works).
  UnitStatus status = UnitStatus::occupied;
  // What the office recorded (unit_set: set-up, the sheet, a move in or out):
  // what the unit goes back to once the renovation's deposit is refunded.
  UnitStatus recorded_status = UnitStatus::occupied;
  bool operator==(const Unit&) const = default;
};
struct Resident {
  Id id, unit;
  std::string name, phone, occupation;
  bool owner = false;  // == (relation == Relation::owner); kept because early ops carry only F::is_owner
  Relation relation = Relation::family;
  std::int64_t moved_in = 0, moved_out = 0;  // yyyymmdd, 0 = unknown / still here
  bool removed = false;
  bool operator==(const Resident&) const = default;
};
struct Staff { Id id; std::string name, code, phone, pin_hash; Role role = Role::butler; bool operator==(const Staff&) const = default; };
struct Zone {
  Id id;
  std::string name;
  Id butler;
  std::vector<Id> buildings;
  std::int64_t position = 0;
  bool retired = false;  // out of use: no rounds, kept for the history that names it
  bool operator==(const Zone&) const = default;
};
struct Checkpoint {
  Id id, building, zone;
  std::string name;
  CheckpointKind kind = CheckpointKind::lobby;
  std::int64_t position = 0;
  bool retired = false;  // off the route; findings and answers that name it keep their label
  bool operator==(const Checkpoint&) const = default;
};

// A household's move onto or off a unit, as the front desk or butler
// recorded it (入住登记 / 迁出登记). The people themselves stay on the record
// with their dates (Resident::moved_in / moved_out); this is the 历史 the unit
// record lists: who moved, the 住户卡 issued, the keys handed over or back.
struct HouseholdMove {
  Id id, unit, recorded_by;
  bool out = false;               // false: moved in; true: moved out
  std::int64_t day = 0;           // yyyymmdd, the day of the move
  std::vector<Id> people;         // the residents who moved
  std::string cards;              // 住户卡 numbers issued (a move in), as written
  std::int64_t keys = 0;          // keys handed over (in) or returned (out)
  std::string note;
  std::int64_t recorded_ms = 0;   // when it was recorded (the op's wall time)
  bool operator==(const HouseholdMove&) const = default;
};

// One look at a resident's whole phone (显示号码 on the unit's record): who,
// whose, when. The lists show phones masked; these say who saw one whole.
struct ContactView {
  Id id, resident, viewer;
  std::int64_t at_ms = 0;  // the op's wall time
  bool operator==(const ContactView&) const = default;
};

// A photo attached to something (a unit's documents now; findings and tickets
// later): the blob is stored apart by its SHA-256 and synced after the op.
struct Photo {
  Id id, subject;
  std::string sha256;
  std::int64_t taken_ms = 0;
  bool operator==(const Photo&) const = default;
};

}  // namespace app
