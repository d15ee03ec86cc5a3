#include "app/rounds/route.hpp"

#include <algorithm>

namespace app {
namespace {

bool in_zone(const MasterData& data, const Id& zone, const Id& building) {
  auto z = data.zones.find(zone);
  if (z == data.zones.end()) return false;
  const auto& b = z->second.buildings;
  return std::find(b.begin(), b.end(), building) != b.end();
}

// The unit checklist a units or model round uses for a unit of this status.
const ChecklistTemplate* unit_checklist(RoundKind kind, UnitStatus status) {
  switch (kind) {
    case RoundKind::units:
      if (status == UnitStatus::vacant) return find_template("vacant_unit");
      if (status == UnitStatus::renovating) return find_template("renovation_unit");
      return nullptr;
    case RoundKind::model_open: return status == UnitStatus::model ? find_template("model_unit_open") : nullptr;
    case RoundKind::model_close: return status == UnitStatus::model ? find_template("model_unit_close") : nullptr;
    case RoundKind::zone: case RoundKind::gate: return nullptr;
  }
  return nullptr;
}

}  // namespace

const ChecklistTemplate* checklist_of_stop(const MasterData& data, const Id& zone, RoundKind kind, const Id& stop) {
  if (kind == RoundKind::gate) return nullptr;
  if (kind == RoundKind::zone) {
    auto cp = data.checkpoints.find(stop);
    if (cp == data.checkpoints.end() || cp->second.zone != zone) return nullptr;
    return &template_for(cp->second.kind);
  }
  auto u = data.units.find(stop);
  if (u == data.units.end() || !in_zone(data, zone, u->second.building)) return nullptr;
  return unit_checklist(kind, u->second.status);
}

std::vector<RouteStop> build_route(const MasterData& data, const Views& views, const Id& zone, RoundKind kind) {
  std::vector<RouteStop> route;
  if (kind == RoundKind::gate) return route;
  if (kind == RoundKind::zone) {
    for (std::size_t z = 0; z < views.zones.size(); ++z) {
      if (views.zones[z].id != zone) continue;
      for (const CheckpointRow& cp : views.zone_checkpoints[z]) {
        auto it = data.checkpoints.find(cp.id);
        if (it == data.checkpoints.end()) continue;
        route.push_back({cp.id, cp.name, cp.building_name, &template_for(it->second.kind)});
      }
    }
    return route;
  }
  // Units in the archive's order (building, stairwell, floor, room): the
  // order a butler climbs them.
  auto z = data.zones.find(zone);
  if (z == data.zones.end()) return route;
  for (const UnitRow& row : views.units) {
    const ChecklistTemplate* t = unit_checklist(kind, row.status);
    if (!t) continue;
    auto u = data.units.find(row.id);
    if (u == data.units.end() || !in_zone(data, zone, u->second.building)) continue;
    std::string name = row.label;
    if (name.rfind(row.building_name, 0) == 0) name.erase(0, row.building_name.size());
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    route.push_back({row.id, name, row.building_name, t});
  }
  return route;
}

}  // namespace app
