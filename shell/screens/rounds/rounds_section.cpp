// Rounds in the shell's sections: its own screen in the navigation, the
// day's duties on Today, and its summary for the tests' hook.
#include <cstdio>
#include <string>

#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {
namespace {

// The owners to tell (red meter digits found on the units round, 000:569
// "及时通知业主购电"): one row each, tapped, the finding on the Rounds screen.
void today_alert(ScreenContext& ctx) {
  if (!ctx.session.has_data()) return;
  const std::vector<const app::Finding*> due = ctx.session.rounds().owner_notices_due();
  if (due.empty()) return;
  widgets::heading(app::i18n::tr(app::i18n::S::today_owner_notices));
  int index = 0;
  for (const app::Finding* f : due) {
    std::string line = ctx.session.rounds().stop_label(f->round, f->checkpoint);
    if (const app::UnitRow* row = ctx.session.estate().unit_row(f->checkpoint); row && !row->owner_name.empty()) {
      line += " · " + row->owner_name;
    }
    char id[32];
    std::snprintf(id, sizeof id, "today_owner:%d", index++);
    const app::Id finding = f->id;
    if (widgets::list_row(id, line.c_str(), app::i18n::tr(app::i18n::S::owner_notice_hint), "", colors::warn, false)) {
      // The findings list (under the zones, not a round's runner), this one open.
      ctx.state.screen = Screen::rounds;
      ctx.state.rounds.active_round = {};
      ctx.state.rounds.open_checkpoint = {};
      ctx.state.rounds.open_finding = finding;
    }
    // Told by phone from here: one tap after the call, no detour.
    std::snprintf(id, sizeof id, "today_owner_told:%d", index - 1);
    if (widgets::button(id, app::i18n::tr(app::i18n::S::owner_told), 0, widgets::Tone::primary)) {
      if (app::Status s = ctx.session.rounds().owner_told(finding, ""); !s.ok()) ctx.state.rounds.round_message = s.error().message;
      break;  // the list changed under the loop
    }
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

void today_plan(ScreenContext& ctx) {
  widgets::heading(app::i18n::tr(app::i18n::S::today_rounds));
  draw_todays_duties(ctx);
}

// Rounds today: finished and in progress, the findings still open, and the
// active round's checklist sizes stop by stop (scripts/bench rounds).
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const RoundsUi& st = state.rounds;
  int finished = 0, walking = 0;
  for (const auto& zone : session.estate().zone_rows()) {
    if (const app::Round* r = session.rounds().todays_round(zone.id)) (r->finished_ms ? finished : walking)++;
  }
  std::string route_items;
  const app::Id active = st.active_round;
  if (!active.is_nil()) {
    for (const app::RouteStop& cp : session.rounds().route_of(active)) {
      route_items += (route_items.empty() ? "" : ",") + std::to_string(session.rounds().checkpoint_progress(active, cp.id).items);
    }
  }
  out += "\"finished_today\":" + std::to_string(finished) + ",\"in_progress\":" + std::to_string(walking) +
         ",\"open_findings\":" + std::to_string(session.rounds().open_findings().size()) +
         ",\"owner_notices\":" + std::to_string(session.rounds().owner_notices_due().size()) + ",\"active\":\"" + state_id(st.active_round) +
         "\",\"checkpoint\":\"" + state_id(st.open_checkpoint) + "\",\"route_items\":[" + route_items + "]";
}

}  // namespace

Section rounds_section() {
  return {.key = "rounds", .draw_today_alert = today_alert, .alert_rank = 5, .draw_today_plan = today_plan, .write_state = write_state};
}

}  // namespace shell
