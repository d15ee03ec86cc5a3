// Walking a round: progress at the top, the route's checkpoints in walking
// order (each with its items answered and failures), "finish" at the end
// (with the reason when checkpoints are left unchecked).
// A checkpoint tapped opens its checklist (checkpoint_check.cpp). The round
// lives in the op log, so a reload resumes it from the zone list.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
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
  app::i18n::format_to(line, sizeof line, S::round_progress, p.done, p.checkpoints);
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
    app::i18n::format_to(line, sizeof line, S::round_open_findings, p.open_findings);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", line);
  }
  // Started before its duty's window: said while walking, judged so after.
  if (const auto w = ctx.session.rounds().outside_window(round.id)) {
    char from[6], to[6], text[256];
    app::schedule::format_hhmm(w->start_minute, from);
    app::schedule::format_hhmm(w->end_minute, to);
    std::snprintf(text, sizeof text, tr(S::round_outside_window), tr(duty_label(w->duty)), from, to);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::warn), "%s", text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("round_outside", text, "label");
  }
}

// At the end of the route (not above its first checkpoint, where a thumb
// lands on it by mistake): finishing. With checkpoints unchecked it asks
// which and why; the round is then recorded as incomplete.
void finish_panel(ScreenContext& ctx, const app::Id& round_id, const app::RoundProgress& p) {
  RoundsUi& st = ctx.state.rounds;
  char line[192];
  if (p.finished) {
    if (p.incomplete()) app::i18n::format_to(line, sizeof line, S::round_incomplete_note, p.skipped);
    else std::snprintf(line, sizeof line, "%s", tr(S::round_finished_note));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.incomplete() ? colors::warn : colors::ok), "%s", line);
    ImGui::PopTextWrapPos();
    automation().record_last_item("round_state", line, "label");
    return;
  }
  if (!st.finish_asked) {
    if (widgets::button("round_finish", tr(S::round_finish), -1, p.done == p.checkpoints ? widgets::Tone::primary : widgets::Tone::normal)) {
      st.finish_reason.clear();
      st.finish_asked = p.done < p.checkpoints;
      if (!st.finish_asked) {
        const app::Status done = ctx.session.rounds().finish_round(round_id);
        st.round_message = done.ok() ? std::string() : done.error().message;
      }
    }
    return;
  }
  std::string left;
  for (const app::RouteStop* stop : ctx.session.rounds().unchecked_stops(round_id)) {
    left += (left.empty() ? "" : "、") + stop->label();
  }
  app::i18n::format_to(line, sizeof line, S::round_unchecked_title, p.checkpoints - p.done);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::warn), "%s", line);
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(left);
  ImGui::PopTextWrapPos();
  automation().record_last_item("round_unchecked", left.c_str(), "label");
  widgets::text_field("round_finish_reason", tr(S::round_unchecked_reason), &st.finish_reason);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (widgets::button("round_finish_cancel", tr(S::round_finish_cancel), half)) st.finish_asked = false;
  ImGui::SameLine();
  if (widgets::button("round_finish_incomplete", tr(S::round_finish_incomplete), half, widgets::Tone::danger)) {
    const app::Status done = ctx.session.rounds().finish_round(round_id, st.finish_reason);
    st.round_message = done.ok() ? std::string() : done.error().message;
    if (done.ok()) st.finish_asked = false;
  }
}

}  // namespace

namespace {

// What 全部合格 just recorded, in a band that stays until the next step (a
// band that went by itself would move the screen under the thumb).
void recorded_band(const std::string& text) {
  ui().fonts->request_text(text);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, pad = ui().css(10);
  const float h = ImGui::GetTextLineHeight() + pad * 2;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), colors::ok, ui().css(8));
  // A check mark, drawn: the font subset need not have ✓.
  const float s = ImGui::GetTextLineHeight() * 0.5f, x = at.x + pad, y = at.y + h * 0.5f;
  const ImVec2 tick[] = {ImVec2(x, y), ImVec2(x + s * 0.4f, y + s * 0.45f), ImVec2(x + s * 1.1f, y - s * 0.5f)};
  dl->AddPolyline(tick, 3, IM_COL32_WHITE, 0, ui().css(2.5f));
  dl->AddText(ImVec2(x + s * 1.6f, at.y + pad), IM_COL32_WHITE, text.c_str());
  ImGui::Dummy(ImVec2(w, h));
  automation().record_last_item("cp_recorded", text.c_str(), "banner");
}

void walk(ScreenContext& ctx, const app::Id& round_id);

}  // namespace

// The recorded band, then the route or the open checkpoint. For a moment
// after 全部合格 moved on, nothing takes a tap: the second tap of a double
// tap would otherwise pass the next checkpoint unseen (widgets' press guard
// covers a press begun before a widget appeared; this covers one just after).
void draw_round_runner(ScreenContext& ctx, const app::Id& round_id) {
  RoundsUi& st = ctx.state.rounds;
  constexpr double kSettleSeconds = 0.8;
  const bool settling = st.recorded_at >= 0 && ImGui::GetTime() - st.recorded_at < kSettleSeconds;
  if (settling) ui().host->request_frames(2);  // enable again on time, not at the next idle frame
  if (!st.recorded_text.empty()) recorded_band(st.recorded_text);
  if (settling) ImGui::BeginDisabled();
  walk(ctx, round_id);
  if (settling) ImGui::EndDisabled();
}

namespace {

void walk(ScreenContext& ctx, const app::Id& round_id) {
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
    ctx.state.rounds.recorded_text.clear();
    ctx.state.rounds.finish_asked = false;
    return;
  }
  progress_header(ctx, round, p);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  int index = 0;
  for (const app::RouteStop& cp : ctx.session.rounds().route_of(round_id)) {
    const app::CheckpointProgress c = ctx.session.rounds().checkpoint_progress(round_id, cp.id);
    char title[192], status[64], id[32];
    std::snprintf(title, sizeof title, "%d. %s", index + 1, cp.name.c_str());
    app::i18n::format_to(status, sizeof status, S::cp_items_done, c.answered, c.items);
    std::snprintf(id, sizeof id, "round_cp:%d", index);
    const ImU32 color = c.failed > 0 ? colors::danger : (c.done() ? colors::ok : colors::muted);
    if (widgets::list_row(id, title, cp.place.c_str(), status, color)) {
      ctx.state.rounds.open_checkpoint = cp.id;
      ctx.state.rounds.failing_item = -1;
      ctx.state.rounds.round_message.clear();
      ctx.state.rounds.recorded_text.clear();
    }
    automation().record_last_item((std::string(id) + ":status").c_str(), status, "label");
    ++index;
  }
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  finish_panel(ctx, round_id, p);
  if (!ctx.state.rounds.round_message.empty()) {
    ImGui::TextWrapped("%s", ctx.state.rounds.round_message.c_str());
    automation().record_last_item("round_message", ctx.state.rounds.round_message.c_str(), "banner");
  }
}

}  // namespace

}  // namespace shell
