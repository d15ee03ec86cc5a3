#include "app/domain/views.hpp"

#include <algorithm>
#include <unordered_map>

namespace app {

std::string mask_phone(std::string_view phone) {
  if (phone.size() >= 7) return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(phone.size() - 4));
  if (phone.size() <= 2) return std::string(phone);
  return std::string(phone.size() - 2, '*') + std::string(phone.substr(phone.size() - 2));
}

Views build_views(const MasterData& d) {
  Views v;
  v.summary.community_name = d.community.name;
  v.summary.buildings = static_cast<int>(d.buildings.size());
  v.summary.units = static_cast<int>(d.units.size());
  v.summary.staff = static_cast<int>(d.staff.size());
  v.summary.zones = static_cast<int>(d.zones.size());
  v.summary.checkpoints = static_cast<int>(d.checkpoints.size());

  struct Household { const Resident* owner = nullptr; int members = 0; };
  std::unordered_map<Id, Household, IdHash> households;
  for (const auto& [id, r] : d.residents) {
    if (r.removed || r.moved_out != 0) continue;
    ++v.summary.residents;
    Household& h = households[r.unit];
    ++h.members;
    // The first owner by name: deterministic whatever the map's order.
    if (r.owner && (!h.owner || r.name < h.owner->name)) h.owner = &r;
  }

  v.units.reserve(d.units.size());
  std::vector<std::int64_t> order;
  order.reserve(d.units.size());
  for (const auto& [id, u] : d.units) {
    UnitRow row;
    row.id = id;
    row.floor = u.floor;
    row.status = u.status;
    auto b = d.buildings.find(u.building);
    row.building_name = b != d.buildings.end() ? b->second.name : std::string("?");
    row.label = row.building_name + " " + u.stairwell + "单元 " + u.number;
    if (auto h = households.find(id); h != households.end()) {
      row.member_count = h->second.members;
      if (h->second.owner) {
        row.owner_name = h->second.owner->name;
        row.masked_phone = mask_phone(h->second.owner->phone);
      }
    }
    v.units.push_back(std::move(row));
  }
  auto building_pos = [&](const UnitRow& r) {
    auto u = d.units.find(r.id);
    auto b = d.buildings.find(u->second.building);
    return b != d.buildings.end() ? b->second.position : 1 << 30;
  };
  std::sort(v.units.begin(), v.units.end(), [&](const UnitRow& a, const UnitRow& b) {
    const auto pa = building_pos(a), pb = building_pos(b);
    if (pa != pb) return pa < pb;
    if (a.floor != b.floor) return a.floor < b.floor;
    if (a.label != b.label) return a.label < b.label;
    return a.id < b.id;
  });

  for (const auto& [id, z] : d.zones) {
    ZoneRow row;
    row.id = id;
    row.name = z.name;
    if (auto s = d.staff.find(z.butler); s != d.staff.end()) row.butler_name = s->second.name;
    for (const Id& bid : z.buildings) {
      if (auto b = d.buildings.find(bid); b != d.buildings.end()) {
        if (!row.building_names.empty()) row.building_names += "、";
        row.building_names += b->second.name;
      }
    }
    v.zones.push_back(std::move(row));
  }
  std::sort(v.zones.begin(), v.zones.end(), [](const ZoneRow& a, const ZoneRow& b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });

  std::unordered_map<Id, std::size_t, IdHash> zone_index;
  for (std::size_t i = 0; i < v.zones.size(); ++i) zone_index[v.zones[i].id] = i;
  v.zone_checkpoints.resize(v.zones.size());
  std::vector<std::vector<std::pair<std::int64_t, CheckpointRow>>> routes(v.zones.size());
  for (const auto& [id, c] : d.checkpoints) {
    auto z = zone_index.find(c.zone);
    if (z == zone_index.end()) continue;
    CheckpointRow row{id, c.name, {}, c.kind};
    if (auto b = d.buildings.find(c.building); b != d.buildings.end()) row.building_name = b->second.name;
    routes[z->second].push_back({c.position, std::move(row)});
  }
  for (std::size_t i = 0; i < routes.size(); ++i) {
    std::sort(routes[i].begin(), routes[i].end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
    });
    for (auto& [pos, row] : routes[i]) v.zone_checkpoints[i].push_back(std::move(row));
    v.zones[i].checkpoint_count = v.zone_checkpoints[i].size();
  }
  return v;
}

}  // namespace app
