// The head butler's view of today (今日督导): per zone, whether its round was
// walked, how much of the route, what was skipped, the findings raised and
// how many are still open; a zone tapped lists its findings with evidence.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_supervision(ScreenContext& ctx) {
  widgets::heading(tr(S::supervision_title));
  const std::int64_t day = ctx.session.today();
  int index = 0;
  for (const auto& zone : ctx.session.zone_rows()) {
    const app::ZoneDayReport z = ctx.session.zone_day_report(zone.id, day);
    char line[160], id[32], state[64];
    ImU32 color = colors::warn;
    if (!z.round) {
      std::snprintf(line, sizeof line, tr(S::supervision_missed), z.checkpoints);
      std::snprintf(state, sizeof state, "%s", tr(S::rounds_not_started));
    } else {
      const bool finished = z.round->finished_ms != 0;
      std::snprintf(line, sizeof line, tr(S::supervision_line), z.checked, z.checkpoints, z.skipped,
                    z.findings_open + z.findings_verified, z.findings_open);
      std::snprintf(state, sizeof state, tr(finished ? S::rounds_done_today : S::rounds_in_progress), z.checked, z.checkpoints);
      color = z.findings_open > 0 ? colors::danger : (finished ? colors::ok : colors::primary);
    }
    std::snprintf(id, sizeof id, "supervise:%d", index++);
    const std::string title = zone.name + " · " + zone.butler_name;
    if (widgets::list_row(id, title.c_str(), line, state, color)) {
      ctx.state.open_zone = zone.id.to_hex();
    }
    automation().record_last_item((std::string(id) + ":line").c_str(), line, "text");
  }
}

}  // namespace shell
