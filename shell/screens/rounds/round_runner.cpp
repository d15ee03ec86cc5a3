// Walking a round: progress at the top, the route's checkpoints in walking
// order (each with its items answered and failures), "finish" at the end.
// A checkpoint tapped opens its checklist (checkpoint_check.cpp). The round
// lives in the op log, so a reload resumes it from the zone list.
#include <cstdio>

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

const app::ZoneRow* zone_of(const app::Session& session, const app::Id& zone) {
  for (const auto& z : session.estate().zone_rows()) {
    if (z.id == zone) return &z;
  }
  return nullptr;
}

void progress_header(ScreenContext& ctx, const app::Round& round, const app::RoundProgress& p) {
  const app::ZoneRow* zone = zone_of(ctx.session, round.zone);
  const S kinds[] = {S::round_kind_zone, S::round_kind_units, S::round_kind_model_open, S::round_kind_model_close, S::round_kind_gate};
  const std::string title = (zone ? zone->name + " · " : std::string()) + tr(kinds[static_cast<int>(round.kind) % 5]);
  widgets::heading(title.c_str());
  char line[128];
  std::snprintf(line, sizeof line, tr(S::round_progress), p.done, p.checkpoints);
  ImGui::TextUnformatted(line);
  automation().record_last_item("round_progress", line, "label");
  // A bar: how much of the route is walked.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = ui().css(8);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + w, at.y + h), colors::button, h * 0.5f);
  const float done = p.checkpoints > 0 ? static_cast<float>(p.done) / static_cast<float>(p.checkpoints) : 0.0f;
  draw->AddRectFilled(at, ImVec2(at.x + w * done, at.y + h), p.finished ? colors::ok : colors::primary, h * 0.5f);
  ImGui::Dummy(ImVec2(w, h));
  if (p.open_findings > 0) {
    std::snprintf(line, sizeof line, tr(S::round_open_findings), p.open_findings);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", line);
  }
}

}  // namespace

void draw_round_runner(ScreenContext& ctx, const app::Id& round_id) {
  const app::Round& round = *ctx.session.rounds().round(round_id);
  const app::Id open_cp = ctx.state.rounds.open_checkpoint;
  if (!open_cp.is_nil() && ctx.session.rounds().checklist_at(round_id, open_cp)) {
    draw_checkpoint_check(ctx, round_id, open_cp);
    return;
  }
  const app::RoundProgress p = ctx.session.rounds().round_progress(round_id);
  if (widgets::button("round_back", tr(S::round_back_to_zones), 0, widgets::Tone::quiet)) {
    ctx.state.rounds.active_round = {};
    ctx.state.rounds.round_message.clear();
    return;
  }
  progress_header(ctx, round, p);
  // Finishing sits with the progress, not under a long route: reachable at
  // any time (checkpoints left unchecked show as skipped to the supervisor).
  if (p.finished) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::round_finished_note));
  } else if (widgets::button("round_finish", tr(S::round_finish), -1, p.done == p.checkpoints ? widgets::Tone::primary : widgets::Tone::normal)) {
    const app::Status done = ctx.session.rounds().finish_round(round_id);
    ctx.state.rounds.round_message = done.ok() ? tr(S::round_finished_note) : done.error().message;
  }
  if (!ctx.state.rounds.round_message.empty()) {
    ImGui::TextWrapped("%s", ctx.state.rounds.round_message.c_str());
    automation().record_last_item("round_message", ctx.state.rounds.round_message.c_str(), "banner");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  int index = 0;
  for (const app::RouteStop& cp : ctx.session.rounds().route_of(round_id)) {
    const app::CheckpointProgress c = ctx.session.rounds().checkpoint_progress(round_id, cp.id);
    char title[192], status[64], id[32];
    std::snprintf(title, sizeof title, "%d. %s", index + 1, cp.name.c_str());
    std::snprintf(status, sizeof status, tr(S::cp_items_done), c.answered, c.items);
    std::snprintf(id, sizeof id, "round_cp:%d", index);
    const ImU32 color = c.failed > 0 ? colors::danger : (c.done() ? colors::ok : colors::muted);
    if (widgets::list_row(id, title, cp.place.c_str(), status, color)) {
      ctx.state.rounds.open_checkpoint = cp.id;
      ctx.state.rounds.failing_item = -1;
      ctx.state.rounds.round_message.clear();
    }
    automation().record_last_item((std::string(id) + ":status").c_str(), status, "label");
    ++index;
  }
}

}  // namespace shell
