#pragma once
// The projection the op log folds into (MasterData, apply_master_data).
// Places and people are declared here (shared/domain.md): community →
// building → unit, the resident archive, staff with roles, zones that give
// buildings to butlers, the public checkpoints a round walks, and photos.
// Each workflow's state is declared in its own area and held here: rounds,
// tickets, keys, shift handovers, incidents and renovation. Plain fields are
// last-writer-wins in fold order.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/sha256.hpp"  // is_sha256_hex: how photos are named
#include "app/handover/handover_data.hpp"
#include "app/keys/keys_data.hpp"
#include "app/ops/op.hpp"
#include "app/rounds/rounds_data.hpp"
#include "app/tickets/tickets_data.hpp"
#include "app/incidents/incidents_data.hpp"
#include "app/renovation/renovation_data.hpp"

namespace app {

enum class UnitStatus : std::int64_t { occupied = 0, vacant = 1, renovating = 2, model = 3 };
bool is_unit_status(std::int64_t v);

enum class Role : std::int64_t {
  butler = 0,        // 客服管家
  head_butler = 1,   // 大管家 / 客服主管
  front_desk = 2,    // 前台 / 客服助理
  manager = 3,       // 管理处主任
  engineering = 4,   // 工程部
  security = 5,      // 秩序维护部
  cleaning = 6,      // 保洁
  greening = 7,      // 绿化
};
bool is_role(std::int64_t v);

enum class CheckpointKind : std::int64_t {
  lobby = 0, lift = 1, corridor = 2, walls = 3, fire_door = 4, hydrant = 5, ventilation = 6, lamps = 7,
  handrails = 8, roof = 9, plant_room = 10, model_unit = 11, notice_board = 12, gate = 13,
};

struct Community { Id id; std::string name, city; bool operator==(const Community&) const = default; };
struct Building { Id id; std::string name; std::int64_t floors = 0; std::int64_t position = 0; bool operator==(const Building&) const = default; };
struct Unit {
  Id id, building;
  std::int64_t floor = 0;
  std::string stairwell, number;
  UnitStatus status = UnitStatus::occupied;
  bool operator==(const Unit&) const = default;
};
struct Resident {
  Id id, unit;
  std::string name, phone, occupation;
  bool owner = false;
  std::int64_t moved_in = 0, moved_out = 0;  // yyyymmdd, 0 = unknown / still here
  bool removed = false;
  bool operator==(const Resident&) const = default;
};
struct Staff { Id id; std::string name, code, phone, pin_hash; Role role = Role::butler; bool operator==(const Staff&) const = default; };
struct Zone { Id id; std::string name; Id butler; std::vector<Id> buildings; std::int64_t position = 0; bool operator==(const Zone&) const = default; };
struct Checkpoint { Id id, building, zone; std::string name; CheckpointKind kind = CheckpointKind::lobby; std::int64_t position = 0; bool operator==(const Checkpoint&) const = default; };

// A photo attached to something (a unit's documents now; findings and tickets
// later): the blob is stored apart by its SHA-256 and synced after the op.
struct Photo {
  Id id, subject;
  std::string sha256;
  std::int64_t taken_ms = 0;
  bool operator==(const Photo&) const = default;
};

struct MasterData {
  Community community;
  std::unordered_map<Id, Building, IdHash> buildings;
  std::unordered_map<Id, Unit, IdHash> units;
  std::unordered_map<Id, Resident, IdHash> residents;
  std::unordered_map<Id, Staff, IdHash> staff;
  std::unordered_map<Id, Zone, IdHash> zones;
  std::unordered_map<Id, Checkpoint, IdHash> checkpoints;
  std::unordered_map<Id, Photo, IdHash> photos;
  RoundsData rounds;  // rounds, answers, findings (app/rounds)
  TicketsData tickets;  // complaints, repairs, inquiries, suggestions (app/tickets)
  KeysData keys;        // the key cabinet: inventory, loans, lost keys, departures (app/keys)
  HandoverData handovers;  // shift handovers (app/handover)
  IncidentsData incidents;  // emergencies and their special incident reports (app/incidents)
  RenovationData renovation;  // renovation applications, passes, violation notices (app/renovation)
  bool operator==(const MasterData&) const = default;
};

// Folds one op into the projection. Total: an op that names something unknown
// still records what it says (ops can arrive before what they refer to).
void apply_master_data(MasterData& data, const Op& op);

// Ids stored in text fields ("a,b,c" of hex ids).
std::string join_ids(const std::vector<Id>& ids);
std::vector<Id> split_ids(std::string_view text);

}  // namespace app
