#include "app/rounds/route.hpp"

#include <algorithm>

#include "app/rounds/checklist_versions.hpp"

namespace app {
namespace {

bool in_zone(const MasterData& data, const Id& zone, const Id& building) {
  auto z = data.zones.find(zone);
  if (z == data.zones.end()) return false;
  const auto& b = z->second.buildings;
  return std::find(b.begin(), b.end(), building) != b.end();
}

// The checklist key a units or model round uses for a unit of this status.
const char* unit_checklist_key(RoundKind kind, UnitStatus status) {
  switch (kind) {
    case RoundKind::units:
      if (status == UnitStatus::vacant) return "vacant_unit";
      if (status == UnitStatus::renovating) return "renovation_unit";
      return nullptr;
    case RoundKind::model_open: return status == UnitStatus::model ? "model_unit_open" : nullptr;
    case RoundKind::model_close: return status == UnitStatus::model ? "model_unit_close" : nullptr;
    case RoundKind::zone: case RoundKind::gate: return nullptr;
  }
  return nullptr;
}

const ChecklistTemplate* resolve(const MasterData& data, const char* key, const std::string* pins) {
  if (!key) return nullptr;
  return pins ? pinned_checklist(data.rounds, key, *pins) : latest_checklist(data.rounds, key);
}

}  // namespace

std::vector<RouteStop> build_route(const MasterData& data, const Views& views, const Id& zone, RoundKind kind,
                                   const std::string* pins, const std::vector<Id>* pinned) {
  std::vector<RouteStop> route;
  if (kind == RoundKind::gate) return route;
  if (kind == RoundKind::zone && pinned && !pinned->empty()) {
    for (const Id& id : *pinned) {
      auto it = data.checkpoints.find(id);
      if (it == data.checkpoints.end()) continue;
      auto b = data.buildings.find(it->second.building);
      const ChecklistTemplate* t = resolve(data, template_for(it->second.kind).key.c_str(), pins);
      if (t) route.push_back({id, it->second.name, b == data.buildings.end() ? std::string() : b->second.name, t});
    }
    return route;
  }
  if (kind == RoundKind::zone) {
    for (std::size_t z = 0; z < views.zones.size(); ++z) {
      if (views.zones[z].id != zone) continue;
      for (const CheckpointRow& cp : views.zone_checkpoints[z]) {
        auto it = data.checkpoints.find(cp.id);
        if (it == data.checkpoints.end()) continue;
        const ChecklistTemplate* t = resolve(data, template_for(it->second.kind).key.c_str(), pins);
        if (t) route.push_back({cp.id, cp.name, cp.building_name, t});
      }
    }
    return route;
  }
  // Units in the archive's order (building, stairwell, floor, room): the
  // order a butler climbs them.
  auto z = data.zones.find(zone);
  if (z == data.zones.end()) return route;
  for (const UnitRow& row : views.units) {
    const char* key = unit_checklist_key(kind, row.status);
    if (!key) continue;
    auto u = data.units.find(row.id);
    if (u == data.units.end() || !in_zone(data, zone, u->second.building)) continue;
    std::string name = row.label;
    if (name.rfind(row.building_name, 0) == 0) name.erase(0, row.building_name.size());
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (const ChecklistTemplate* t = resolve(data, key, pins)) route.push_back({row.id, name, row.building_name, t});
  }
  return route;
}

}  // namespace app
