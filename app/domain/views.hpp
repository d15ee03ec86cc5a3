#pragma once
// Read models for the screens, computed once per change of the replica, so
// that queries called every frame cost nothing.
#include <string>
#include <string_view>
#include <vector>

#include "app/domain/master_data.hpp"

namespace app {

struct CommunitySummary {
  std::string community_name;
  int buildings = 0, units = 0, residents = 0, staff = 0, zones = 0, checkpoints = 0;
};

struct UnitRow {
  Id id;
  std::string label;          // "3栋 2单元 1502"
  std::string building_name;  // "3栋"
  std::int64_t floor = 0;
  std::string owner_name;     // first owner on record, may be empty
  std::string masked_phone;   // 138****5678: the archive is confidential
  int member_count = 0;       // residents living there (owner included)
  UnitStatus status = UnitStatus::occupied;
};

struct ZoneRow {
  Id id;
  std::string name, butler_name, building_names;
  std::size_t checkpoint_count = 0;
};

struct CheckpointRow {
  Id id;
  std::string name, building_name;
  CheckpointKind kind = CheckpointKind::lobby;
};

struct Views {
  CommunitySummary summary;
  std::vector<UnitRow> units;   // by building position, floor, stairwell, number
  std::vector<ZoneRow> zones;   // by name
  std::vector<std::vector<CheckpointRow>> zone_checkpoints;  // parallel to zones, in route order
};

Views build_views(const MasterData& data);

// "13812345678" → "138****5678"; anything shorter keeps only its last 2 digits.
std::string mask_phone(std::string_view phone);

}  // namespace app
