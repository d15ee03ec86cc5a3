// The unit picked by walking the estate: building, then floor, then the
// units on it — for the butler at a door who knows where, not the owner's
// name. The grouping is the Session's (estate(), built once per change).
#include <cstdio>
#include <string>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

const app::UnitRow* browse_units(const app::Session& session, TicketDraft& d) {
  const std::vector<app::UnitRow>& rows = session.estate().unit_rows();
  const std::vector<app::EstateBuilding>& estate = session.estate().buildings();
  if (d.browse_building >= static_cast<int>(estate.size())) d.browse_building = -1;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::unit_browse_hint));
  if (d.browse_building < 0) {
    std::vector<const char*> labels;
    for (const app::EstateBuilding& b : estate) labels.push_back(b.name.c_str());
    if (widgets::choices("unit_building", labels.data(), static_cast<int>(labels.size()), &d.browse_building, ui().portrait ? 4 : 6)) {
      d.browse_floor = -1;
    }
    return nullptr;
  }
  const app::EstateBuilding& building = estate[static_cast<std::size_t>(d.browse_building)];
  if (widgets::button("unit_building_back", (building.name + "  ·  " + tr(S::unit_browse_back)).c_str(), -1)) {
    d.browse_building = -1;
    return nullptr;
  }
  std::vector<std::string> floor_names;
  for (const app::EstateFloor& f : building.floors) {
    char text[32];
    std::snprintf(text, sizeof text, tr(S::unit_browse_floor), static_cast<int>(f.floor));
    floor_names.push_back(text);
  }
  std::vector<const char*> labels;
  for (const std::string& f : floor_names) labels.push_back(f.c_str());
  widgets::choices("unit_floor", labels.data(), static_cast<int>(labels.size()), &d.browse_floor, ui().portrait ? 6 : 8);
  if (d.browse_floor < 0 || d.browse_floor >= static_cast<int>(building.floors.size())) return nullptr;
  const app::UnitRow* picked = nullptr;
  int shown = 0;
  for (std::size_t index : building.floors[static_cast<std::size_t>(d.browse_floor)].rows) {
    const app::UnitRow& r = rows[index];
    char id[32];
    std::snprintf(id, sizeof id, "unit_on_floor:%d", shown++);
    const std::string who = r.owner_name.empty() ? std::string(tr(S::registers_no_owner)) : r.owner_name + "  " + r.masked_phone;
    if (widgets::list_row(id, r.label.c_str(), who.c_str())) picked = &r;
  }
  return picked;
}

}  // namespace shell
