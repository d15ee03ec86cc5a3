// Rounds: each zone's route of public checkpoints, today's state of its
// round, and the buttons that start (or resume) it and the zone's other
// rounds (vacant/renovating units, model units). While a round is being
// walked the runner (round_runner.cpp) takes the screen.
#include <cstdio>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

// "今日未巡" / "巡查中 3/21" / "今日已巡 21/21" / "未完成 3/21", and its colour.
void round_state(const app::Session& session, const app::ZoneRow& zone, char* out, std::size_t size, ImU32* color) {
  const app::Round* r = session.rounds().todays_round(zone.id);
  if (!r) {
    std::snprintf(out, size, "%s", tr(S::rounds_not_started));
    *color = colors::warn;
    return;
  }
  const app::RoundProgress p = session.rounds().round_progress(r->id);
  std::snprintf(out, size, tr(p.incomplete() ? S::rounds_incomplete_today : p.finished ? S::rounds_done_today : S::rounds_in_progress),
                p.done, p.checkpoints);
  *color = p.incomplete() ? colors::danger : p.finished ? colors::ok : colors::primary;
}

void start_or_resume(ScreenContext& ctx, const app::ZoneRow& zone, int index, app::RoundKind kind = app::RoundKind::zone) {
  const app::Round* r = ctx.session.rounds().todays_round(zone.id, kind);
  const bool open = r && r->finished_ms == 0;
  char id[32], label[192];
  if (kind == app::RoundKind::zone) {
    std::snprintf(id, sizeof id, "zone_start:%d", index);
    std::snprintf(label, sizeof label, "%s", tr(open ? S::rounds_resume : (r ? S::rounds_again : S::rounds_start)));
  } else {
    // The zone's other rounds: its vacant and renovating units, its model units.
    std::snprintf(id, sizeof id, "zone_start:%d:%d", index, static_cast<int>(kind));
    const S what = kind == app::RoundKind::units ? S::round_kind_units
                   : kind == app::RoundKind::model_open ? S::round_kind_model_open : S::round_kind_model_close;
    std::snprintf(label, sizeof label, "%s%s · %d", open ? tr(S::rounds_resume_prefix) : "", tr(what),
                  static_cast<int>(ctx.session.rounds().route(zone.id, kind).size()));
  }
  if (widgets::button(id, label, -1, kind == app::RoundKind::zone ? widgets::Tone::primary : widgets::Tone::normal)) {
    const app::Result<app::Id> started = ctx.session.rounds().start_round(zone.id, kind);
    if (started.ok()) {
      ctx.state.rounds.active_round = started.value();
      ctx.state.rounds.open_checkpoint = {};
      ctx.state.rounds.round_message.clear();
    } else {
      ctx.state.rounds.round_message = started.error().message;
    }
  }
}

}  // namespace

void draw_rounds(ScreenContext& ctx) {
  const app::Id active = ctx.state.rounds.active_round;
  if (!active.is_nil() && ctx.session.rounds().round(active)) {
    draw_round_runner(ctx, active);
    return;
  }
  ctx.state.rounds.active_round = {};
  if (!ctx.state.rounds.checklist_open.empty()) {
    draw_checklist_editor(ctx);
    return;
  }
  widgets::heading(tr(S::rounds_title));
  // A copy: starting a round below commits, and the Session then rebuilds its
  // views, which would free the rows this loop walks (ASan caught it).
  const std::vector<app::ZoneRow> zones = ctx.session.estate().zone_rows();
  if (zones.empty()) {
    ImGui::TextWrapped("%s", tr(S::rounds_empty));
    return;
  }
  int index = 0;
  for (const auto& zone : zones) {
    const bool open = ctx.state.rounds.open_zone == zone.id;
    char subtitle[256], state[64];
    ImU32 color = colors::primary;
    round_state(ctx.session, zone, state, sizeof state, &color);
    std::snprintf(subtitle, sizeof subtitle, "%s · %s", zone.butler_name.c_str(), zone.building_names.c_str());
    const std::string row_id = "zone:" + std::to_string(index);
    if (widgets::list_row(row_id.c_str(), zone.name.c_str(), subtitle, state, color, open)) {
      ctx.state.rounds.open_zone = open ? app::Id{} : zone.id;
    }
    if (open) {
      // The route, in walking order, and the button that walks it.
      ImGui::Indent(ui().css(16));
      start_or_resume(ctx, zone, index);
      for (app::RoundKind k : {app::RoundKind::units, app::RoundKind::model_open, app::RoundKind::model_close}) {
        if (!ctx.session.rounds().route(zone.id, k).empty()) start_or_resume(ctx, zone, index, k);
      }
      int n = 0;
      for (const auto& cp : ctx.session.estate().checkpoints_of_zone(zone.id)) {
        char line[256];
        std::snprintf(line, sizeof line, "%d. %s · %s", ++n, cp.building_name.c_str(), cp.name.c_str());
        widgets::data_text(line);
      }
      ImGui::Unindent(ui().css(16));
    }
    ++index;
  }
  if (!ctx.state.rounds.round_message.empty()) ImGui::TextWrapped("%s", ctx.state.rounds.round_message.c_str());
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  draw_supervision(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  draw_open_findings(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  draw_checklist_list(ctx);
}

}  // namespace shell
