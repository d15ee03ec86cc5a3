#pragma once
// Read models for the screens, computed once per change of the replica, so
// that queries called every frame cost nothing.
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "app/core/phone_mask.hpp"  // mask_phone: how every list shows a phone
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
  std::string phone_tail;     // the owner's last four digits: searched, never shown in full
  std::string owner_initials; // "zxm" for 张小明: searched by pinyin initials
  int member_count = 0;       // residents living there (owner included)
  UnitStatus status = UnitStatus::occupied;
};

struct ZoneRow {
  Id id;
  std::string name, butler_name, building_names;
  std::size_t checkpoint_count = 0;
  std::int64_t position = 0;  // the head butler's order (第一责任区 first), not the name's bytes
};

struct CheckpointRow {
  Id id;
  std::string name, building_name;
  CheckpointKind kind = CheckpointKind::lobby;
};

// The estate as a butler walks it (the unit picker: building → floor → door).
struct EstateFloor {
  std::int64_t floor = 0;
  std::vector<std::size_t> rows;  // into Views::units, stairwell then room
};
struct EstateBuilding {
  std::string name;
  std::vector<EstateFloor> floors;  // low to high
};

struct Views {
  CommunitySummary summary;
  std::vector<UnitRow> units;   // by building position, stairwell, floor, room
  std::vector<EstateBuilding> estate;  // the same rows by building and floor (patching keeps it: rows never move)
  std::unordered_map<Id, std::size_t, IdHash> unit_index;  // unit id → row in `units`
  std::vector<ZoneRow> zones;   // by position, then name
  std::vector<std::vector<CheckpointRow>> zone_checkpoints;  // parallel to zones, in route order
};

Views build_views(const MasterData& data);
// The counts alone (a few ms even at 10× data): what Today shows at start-up,
// before the archive rows are needed.
CommunitySummary summarize(const MasterData& data);

// Brings views up to date after a few ops were folded on, touching only the
// rows they change, so a single save does not rebuild 1,588 (or 15,880) rows
// on the main thread. Returns false when the ops need a full rebuild
// (structure changed: buildings, zones, checkpoints, a unit moved).
bool patch_views(Views& views, const MasterData& data, const std::vector<Op>& ops);

// The people on a unit's record (still living there), owners first, then by name.
std::vector<const Resident*> residents_of(const MasterData& d, const Id& unit);
// Those on a unit's record who have moved out (former residents), latest first.
std::vector<const Resident*> former_residents_of(const MasterData& d, const Id& unit);
// Photos attached to something (a unit, finding, ticket…), oldest first.
std::vector<const Photo*> photos_of(const MasterData& d, const Id& subject);

}  // namespace app
