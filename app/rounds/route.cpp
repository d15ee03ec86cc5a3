#include "app/rounds/route.hpp"

#include <algorithm>
#include <unordered_map>

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

// "2单元 1502" of "3栋 2单元 1502": the building is the stop's place.
std::string unit_name(const UnitRow& row) {
  std::string name = row.label;
  if (name.rfind(row.building_name, 0) == 0) name.erase(0, row.building_name.size());
  while (!name.empty() && name.front() == ' ') name.erase(0, 1);
  return name;
}

void add_checkpoint(std::vector<RouteStop>& route, const MasterData& data, const Id& id, const std::string* pins,
                    bool with_security_log) {
  auto it = data.checkpoints.find(id);
  if (it == data.checkpoints.end()) return;
  auto b = data.buildings.find(it->second.building);
  const std::string place = b == data.buildings.end() ? std::string() : b->second.name;
  if (const ChecklistTemplate* t = resolve(data, template_for(it->second.kind).key.c_str(), pins)) {
    route.push_back({id, it->second.name, place, t, StopKind::checkpoint, {}});
  }
  if (!with_security_log || it->second.kind != CheckpointKind::gate) return;
  if (const ChecklistTemplate* t = resolve(data, "security_log", pins)) {
    route.push_back({security_log_stop(id), it->second.name + " · " + t->zh, place, t, StopKind::security_log, {}});
  }
}

// A repair under way (000:595 5.1.4.3 "物业客服人员应在维修现场进行监督,并放置
// “正在维修”警示牌提醒业主"): the site is walked on the units round, named by
// the unit and the ticket's number.
void add_repair_site(std::vector<RouteStop>& route, const MasterData& data, const Id& ticket, const std::string* pins,
                     const std::unordered_map<Id, const UnitRow*, IdHash>& rows) {
  auto t = data.tickets.tickets.find(ticket);
  if (t == data.tickets.tickets.end()) return;
  auto row = rows.find(t->second.unit);
  const ChecklistTemplate* list = resolve(data, "repair_site", pins);
  if (row == rows.end() || !list) return;
  // "2单元 1502 · 维修现场 T3-0042": which door, why it is on the route, which ticket.
  std::string name = unit_name(*row->second) + " · " + list->zh;
  if (!t->second.number.empty()) name += " " + t->second.number;
  route.push_back({ticket, std::move(name), row->second->building_name, list, StopKind::repair_site, t->second.unit});
}

}  // namespace

Id security_log_stop(const Id& gate) {
  // A fixed mask: a different id, the same on every tablet, never another
  // checkpoint's (ids are random 128-bit values).
  return Id{gate.hi ^ 0x5345435552495459ull, gate.lo ^ 0x504154524f4c4c4full};
}

std::vector<Id> stops_to_pin(RoundKind kind, const std::vector<RouteStop>& route) {
  std::vector<Id> ids;
  for (const RouteStop& s : route) {
    if (kind == RoundKind::zone || s.kind == StopKind::repair_site) ids.push_back(s.id);
  }
  return ids;
}

std::vector<RouteStop> build_route(const MasterData& data, const Views& views, const Id& zone, RoundKind kind,
                                   const std::string* pins, const std::vector<Id>* pinned) {
  std::vector<RouteStop> route;
  if (kind == RoundKind::gate) return route;
  if (kind == RoundKind::zone && pinned && !pinned->empty()) {
    // A gate's patrol log is walked when the round pinned it: a round started
    // before the logs were on the route is judged on what it was asked.
    for (std::size_t i = 0; i < pinned->size(); ++i) {
      const bool log_follows = i + 1 < pinned->size() && (*pinned)[i + 1] == security_log_stop((*pinned)[i]);
      add_checkpoint(route, data, (*pinned)[i], pins, log_follows);
    }
    return route;
  }
  if (kind == RoundKind::zone) {
    for (std::size_t z = 0; z < views.zones.size(); ++z) {
      if (views.zones[z].id != zone) continue;
      // Started without a pinned route (before routes were pinned): no patrol logs.
      for (const CheckpointRow& cp : views.zone_checkpoints[z]) add_checkpoint(route, data, cp.id, pins, pinned == nullptr);
    }
    return route;
  }
  // Units in the archive's order (building, stairwell, floor, room): the
  // order a butler climbs them.
  if (!data.zones.count(zone)) return route;
  std::unordered_map<Id, const UnitRow*, IdHash> rows;
  for (const UnitRow& row : views.units) {
    auto u = data.units.find(row.id);
    if (u == data.units.end() || !in_zone(data, zone, u->second.building)) continue;
    rows.emplace(row.id, &row);
    const char* key = unit_checklist_key(kind, row.status);
    if (const ChecklistTemplate* t = resolve(data, key, pins)) route.push_back({row.id, unit_name(row), row.building_name, t, StopKind::unit, row.id});
  }
  if (kind != RoundKind::units) return route;
  if (pinned) {
    for (const Id& ticket : *pinned) add_repair_site(route, data, ticket, pins, rows);
    return route;
  }
  // A round started now: the repairs under way, in the archive's order of their units.
  std::vector<std::pair<std::size_t, Id>> sites;
  for (const auto& [id, t] : data.tickets.tickets) {
    auto row = rows.find(t.unit);
    if (t.repair_under_way() && row != rows.end()) sites.emplace_back(static_cast<std::size_t>(row->second - views.units.data()), id);
  }
  std::sort(sites.begin(), sites.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second < b.second; });
  for (const auto& [index, ticket] : sites) add_repair_site(route, data, ticket, pins, rows);
  return route;
}

}  // namespace app
