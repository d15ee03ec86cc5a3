#include "app/domain/views.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "app/core/pinyin.hpp"

namespace app {

namespace {

// The owner's columns of a row, and what a search matches them by.
void set_owner(UnitRow& row, const Resident* owner) {
  row.owner_name = owner ? owner->name : std::string();
  row.masked_phone = owner ? mask_phone(owner->phone) : std::string();
  row.phone_tail = owner && owner->phone.size() >= 4 ? owner->phone.substr(owner->phone.size() - 4) : std::string();
  row.owner_initials = owner ? pinyin_initials(owner->name) : std::string();
}

// Fills a row's household columns from the residents living in its unit.
void fill_household(UnitRow& row, const MasterData& d) {
  row.member_count = 0;
  const Resident* owner = nullptr;
  for (const auto& [id, r] : d.residents) {
    if (r.unit != row.id || r.removed || r.moved_out != 0) continue;
    ++row.member_count;
    if (r.owner && (!owner || r.name < owner->name)) owner = &r;
  }
  set_owner(row, owner);
}

int count_residents(const MasterData& d) {
  int n = 0;
  for (const auto& [id, r] : d.residents) n += !(r.removed || r.moved_out != 0);
  return n;
}

}  // namespace

bool patch_views(Views& v, const MasterData& d, const std::vector<Op>& ops) {
  std::vector<std::size_t> touched;
  for (const Op& op : ops) {
    if (op.kind == OpKind::unit_set) {
      // Only a status change keeps the row where it is.
      for (const auto& f : op.payload.fields()) {
        if (f.key != static_cast<std::uint16_t>(F::status)) return false;
      }
      auto it = v.unit_index.find(op.entity);
      if (it == v.unit_index.end()) return false;
      v.units[it->second].status = d.units.at(op.entity).status;
    } else if (op.kind == OpKind::resident_set || op.kind == OpKind::resident_removed) {
      auto r = d.residents.find(op.entity);
      if (r == d.residents.end()) return false;
      auto it = v.unit_index.find(r->second.unit);
      if (it == v.unit_index.end()) return false;
      touched.push_back(it->second);
    } else if (op.kind == OpKind::household_moved_in || op.kind == OpKind::household_moved_out) {
      // The move's record: the rows follow from its people's resident_set.
    } else {
      return false;
    }
  }
  for (std::size_t row : touched) fill_household(v.units[row], d);
  // A resident who moved to another unit leaves the old row stale: rebuild then.
  for (const Op& op : ops) {
    if (op.kind == OpKind::resident_set && op.payload.has(F::parent)) return false;
  }
  if (!touched.empty()) v.summary.residents = count_residents(d);
  return true;
}

CommunitySummary summarize(const MasterData& d) {
  CommunitySummary s;
  s.community_name = d.community.name;
  s.buildings = static_cast<int>(d.buildings.size());
  s.units = static_cast<int>(d.units.size());
  s.staff = static_cast<int>(d.staff.size());
  s.zones = static_cast<int>(d.zones.size());
  s.checkpoints = static_cast<int>(d.checkpoints.size());
  for (const auto& [id, r] : d.residents) {
    if (!r.removed && r.moved_out == 0) ++s.residents;
  }
  return s;
}

Views build_views(const MasterData& d) {
  Views v;
  v.summary = summarize(d);

  struct Household { const Resident* owner = nullptr; int members = 0; };
  std::unordered_map<Id, Household, IdHash> households;
  households.reserve(d.units.size());
  for (const auto& [id, r] : d.residents) {
    if (r.removed || r.moved_out != 0) continue;
    Household& h = households[r.unit];
    ++h.members;
    // The first owner by name: deterministic whatever the map's order.
    if (r.owner && (!h.owner || r.name < h.owner->name)) h.owner = &r;
  }

  v.units.reserve(d.units.size());
  std::vector<std::int64_t> position;   // building position per row, for sorting
  std::vector<std::int64_t> stairwell;  // 单元 as a number, so 2 sorts before 10
  std::vector<std::int64_t> room;       // room number as a number
  position.reserve(d.units.size());
  stairwell.reserve(d.units.size());
  room.reserve(d.units.size());
  for (const auto& [id, u] : d.units) {
    UnitRow row;
    row.id = id;
    row.floor = u.floor;
    row.status = u.status;
    auto b = d.buildings.find(u.building);
    row.building_name = b != d.buildings.end() ? b->second.name : std::string("?");
    position.push_back(b != d.buildings.end() ? b->second.position : (1 << 30));
    stairwell.push_back(std::atoll(u.stairwell.c_str()));
    room.push_back(std::atoll(u.number.c_str()));
    row.label = row.building_name + " " + u.stairwell + "单元 " + u.number;
    if (auto h = households.find(id); h != households.end()) {
      row.member_count = h->second.members;
      set_owner(row, h->second.owner);
    }
    v.units.push_back(std::move(row));
  }
  std::vector<std::size_t> order(v.units.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const UnitRow &a = v.units[x], &b = v.units[y];
    // As a butler walks it: building, stairwell, floor, room.
    if (position[x] != position[y]) return position[x] < position[y];
    if (stairwell[x] != stairwell[y]) return stairwell[x] < stairwell[y];
    if (a.floor != b.floor) return a.floor < b.floor;
    if (room[x] != room[y]) return room[x] < room[y];
    if (a.label != b.label) return a.label < b.label;
    return a.id < b.id;
  });
  std::vector<UnitRow> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(v.units[i]));
  v.units = std::move(sorted);
  v.unit_index.reserve(v.units.size());
  for (std::size_t i = 0; i < v.units.size(); ++i) v.unit_index[v.units[i].id] = i;
  for (std::size_t i = 0; i < v.units.size(); ++i) {
    const UnitRow& row = v.units[i];
    if (v.estate.empty() || v.estate.back().name != row.building_name) v.estate.push_back({row.building_name, {}});
    // Rows come stairwell by stairwell, so a floor recurs: find or insert it.
    std::vector<EstateFloor>& floors = v.estate.back().floors;
    auto f = std::lower_bound(floors.begin(), floors.end(), row.floor,
                              [](const EstateFloor& x, std::int64_t floor) { return x.floor < floor; });
    if (f == floors.end() || f->floor != row.floor) f = floors.insert(f, EstateFloor{row.floor, {}});
    f->rows.push_back(i);
  }

  for (const auto& [id, z] : d.zones) {
    if (z.retired) continue;  // out of use: no rounds, no picker
    ZoneRow row;
    row.id = id;
    row.name = z.name;
    row.position = z.position;
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
    if (a.position != b.position) return a.position < b.position;
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });

  std::unordered_map<Id, std::size_t, IdHash> zone_index;
  for (std::size_t i = 0; i < v.zones.size(); ++i) zone_index[v.zones[i].id] = i;
  v.zone_checkpoints.resize(v.zones.size());
  std::vector<std::vector<std::pair<std::int64_t, CheckpointRow>>> routes(v.zones.size());
  for (const auto& [id, c] : d.checkpoints) {
    if (c.retired) continue;  // off the route
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

std::vector<const Resident*> residents_of(const MasterData& d, const Id& unit) {
  std::vector<const Resident*> out;
  for (const auto& [id, r] : d.residents) {
    if (r.unit == unit && !r.removed && r.moved_out == 0) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Resident* a, const Resident* b) {
    if (a->owner != b->owner) return a->owner;
    if (a->name != b->name) return a->name < b->name;
    return a->id < b->id;
  });
  return out;
}

std::vector<const Resident*> former_residents_of(const MasterData& d, const Id& unit) {
  std::vector<const Resident*> out;
  for (const auto& [id, r] : d.residents) {
    if (r.unit == unit && !r.removed && r.moved_out != 0) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Resident* a, const Resident* b) {
    if (a->moved_out != b->moved_out) return a->moved_out > b->moved_out;
    if (a->name != b->name) return a->name < b->name;
    return a->id < b->id;
  });
  return out;
}

std::vector<const Photo*> photos_of(const MasterData& d, const Id& subject) {
  std::vector<const Photo*> out;
  for (const auto& [id, ph] : d.photos) {
    if (ph.subject == subject) out.push_back(&ph);
  }
  std::sort(out.begin(), out.end(), [](const Photo* a, const Photo* b) {
    return a->taken_ms != b->taken_ms ? a->taken_ms < b->taken_ms : a->id < b->id;
  });
  return out;
}

}  // namespace app
