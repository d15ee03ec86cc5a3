#include "app/setup/setup_index.hpp"

#include <algorithm>
#include <set>

namespace app {

std::vector<SetupGap> setup_gaps(const MasterData& d, const Views& v) {
  std::vector<SetupGap> gaps;
  if (d.units.empty()) gaps.push_back({GapKind::no_units, "", {}});
  std::size_t active_staff = 0;
  for (const auto& [id, s] : d.staff) active_staff += !s.name.empty();
  if (active_staff < 2) gaps.push_back({GapKind::no_staff, "", {}});
  if (v.zones.empty()) gaps.push_back({GapKind::no_zones, "", {}});
  std::set<Id> zoned;
  for (std::size_t i = 0; i < v.zones.size(); ++i) {
    const ZoneRow& z = v.zones[i];
    const Zone& zone = d.zones.at(z.id);
    if (zone.butler.is_nil() || !d.staff.count(zone.butler)) gaps.push_back({GapKind::zone_without_butler, z.name, z.id});
    if (v.zone_checkpoints[i].empty()) gaps.push_back({GapKind::zone_without_checkpoints, z.name, z.id});
    zoned.insert(zone.buildings.begin(), zone.buildings.end());
  }
  // Buildings in the estate's order, so the list reads as the estate does.
  std::vector<const Building*> unzoned;
  for (const auto& [id, b] : d.buildings) {
    if (!zoned.count(id)) unzoned.push_back(&b);
  }
  std::sort(unzoned.begin(), unzoned.end(), [](const Building* a, const Building* b) {
    return a->position != b->position ? a->position < b->position : a->name < b->name;
  });
  for (const Building* b : unzoned) gaps.push_back({GapKind::building_in_no_zone, b->name, b->id});
  if (d.keys.keys.empty()) gaps.push_back({GapKind::no_keys, "", {}});
  bool priced = false;
  for (const auto& [id, p] : d.tickets.prices) priced = priced || !p.removed;
  if (!priced) gaps.push_back({GapKind::no_prices, "", {}});
  bool anyone = false;
  for (const auto& [id, r] : d.residents) anyone = anyone || !r.removed;
  if (!d.units.empty() && !anyone) gaps.push_back({GapKind::no_residents, "", {}});
  return gaps;
}

}  // namespace app
