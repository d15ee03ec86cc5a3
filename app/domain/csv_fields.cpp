#include "app/domain/csv_fields.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "app/core/local_time.hpp"

namespace app::office {

// Units in archive order: building, stairwell, floor, room (as on site).
std::vector<const app::Unit*> ordered_units(const app::MasterData& d) {
  std::vector<const app::Unit*> units;
  units.reserve(d.units.size());
  for (const auto& [id, u] : d.units) units.push_back(&u);
  auto key = [&](const app::Unit* u) {
    auto b = d.buildings.find(u->building);
    const std::int64_t pos = b == d.buildings.end() ? 1 << 30 : b->second.position;
    return std::make_tuple(pos, u->stairwell.size(), u->stairwell, u->floor, u->number.size(), u->number, u->id);
  };
  std::sort(units.begin(), units.end(), [&](const app::Unit* a, const app::Unit* b) { return key(a) < key(b); });
  return units;
}

std::string beijing_time(std::int64_t ms) { return ms > 0 ? app::format_local(ms, 480) : std::string(); }

std::string date_text(std::int64_t yyyymmdd) {
  if (yyyymmdd == 0) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(yyyymmdd / 10000),
                static_cast<long long>(yyyymmdd / 100 % 100), static_cast<long long>(yyyymmdd % 100));
  return buf;
}

std::string building_name(const app::MasterData& d, const app::Id& id) {
  auto b = d.buildings.find(id);
  return b == d.buildings.end() ? std::string() : b->second.name;
}

std::string staff_name(const app::MasterData& d, const app::Id& id) {
  auto s = d.staff.find(id);
  return s == d.staff.end() ? std::string() : s->second.name;
}

std::string zone_name(const app::MasterData& d, const app::Id& id) {
  auto z = d.zones.find(id);
  return z == d.zones.end() ? std::string() : z->second.name;
}

std::array<std::string, 3> unit_place(const app::MasterData& d, const app::Id& unit) {
  auto u = d.units.find(unit);
  if (u == d.units.end()) return {};
  return {building_name(d, u->second.building), u->second.stairwell, u->second.number};
}

std::string yuan_text(std::int64_t cents) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", cents < 0 ? "-" : "", static_cast<long long>((cents < 0 ? -cents : cents) / 100),
                static_cast<long long>((cents < 0 ? -cents : cents) % 100));
  return buf;
}

}  // namespace app::office
