// Rounds: each zone's route of public checkpoints and the butler who walks
// it. Running a round (checklists, findings, photos) plugs in here.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_rounds(ScreenContext& ctx) {
  widgets::heading(tr(S::rounds_title));
  const auto& zones = ctx.session.zone_rows();
  if (zones.empty()) {
    ImGui::TextWrapped("%s", tr(S::rounds_empty));
    return;
  }
  for (const auto& zone : zones) {
    const std::string zone_key = zone.id.to_hex();
    const bool open = ctx.state.open_zone == zone_key;
    char subtitle[256], count[64];
    std::snprintf(count, sizeof count, tr(S::rounds_checkpoint_count), static_cast<int>(zone.checkpoint_count));
    std::snprintf(subtitle, sizeof subtitle, "%s · %s", zone.butler_name.c_str(), zone.building_names.c_str());
    const std::string row_id = "zone:" + zone_key;
    if (widgets::list_row(row_id.c_str(), zone.name.c_str(), subtitle, count, colors::primary, open)) {
      ctx.state.open_zone = open ? std::string() : zone_key;
    }
    if (!open) continue;
    // The route, in walking order.
    ImGui::Indent(ui().css(16));
    int n = 0;
    for (const auto& cp : ctx.session.checkpoints_of_zone(zone.id)) {
      char line[256];
      std::snprintf(line, sizeof line, "%d. %s · %s", ++n, cp.building_name.c_str(), cp.name.c_str());
      widgets::data_text(line);
    }
    ImGui::Unindent(ui().css(16));
  }
}

}  // namespace shell
