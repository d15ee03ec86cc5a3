// The head butler's review of a day (督导): per zone, whether its round was
// walked, how much of the route, what was skipped, the findings raised and
// how many are still open, and each daily duty done / late / missed. Earlier
// days are a tap away; a zone tapped opens its evidence: the checkpoints
// skipped and every finding with its note, handling and photos.
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

// "‹ 前一天   2026-11-24   后一天 ›": which day is under review.
void day_picker(ScreenContext& ctx, std::int64_t day) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float third = (ImGui::GetContentRegionAvail().x - gap * 2) / 3;
  if (widgets::button("supervise_prev", tr(S::supervision_prev_day), third)) ++ctx.state.rounds.supervision_days_back;
  ImGui::SameLine();
  char date[32];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", static_cast<int>(day / 10000), static_cast<int>(day / 100 % 100),
                static_cast<int>(day % 100));
  const char* label = ctx.state.rounds.supervision_days_back == 0 ? tr(S::supervision_today) : date;
  widgets::button("supervise_day", label, third, widgets::Tone::quiet, false);
  automation().record_last_item("supervise_day_text", date, "label");
  ImGui::SameLine();
  if (widgets::button("supervise_next", tr(S::supervision_next_day), third, widgets::Tone::normal, ctx.state.rounds.supervision_days_back > 0)) {
    --ctx.state.rounds.supervision_days_back;
  }
}

// One pill per duty, wrapping to the next line when the row is full.
void duty_pills(const std::vector<app::DutyLine>& duties, int zone_index) {
  std::string all;
  float used = 0;
  const float width = ImGui::GetContentRegionAvail().x;
  for (const app::DutyLine& d : duties) {
    if (d.duty == app::schedule::Duty::gate_greeting) continue;  // the estate's: shown once, above the zones
    char text[128];
    std::snprintf(text, sizeof text, "%s %s", tr(duty_short(d.duty)), tr(outcome_label(d.outcome)));
    const float w = ImGui::CalcTextSize(text).x + ui().css(24);
    if (used > 0 && used + w < width) ImGui::SameLine();
    else used = 0;
    used += w + ImGui::GetStyle().ItemSpacing.x;
    widgets::pill(text, outcome_color(d.outcome));
    all += (all.empty() ? "" : " · ") + std::string(text);
  }
  char id[40];
  std::snprintf(id, sizeof id, "supervise:%d:duties", zone_index);
  automation().record_last_item(id, all.c_str(), "label");
}

// The evidence behind a zone's day: what the round skipped, every finding.
void zone_evidence(ScreenContext& ctx, const app::ZoneRow& zone, std::int64_t day, const app::ZoneDayReport& z) {
  ImGui::Indent(ui().css(16));
  if (z.round && z.round->finished_ms != 0 && z.skipped > 0) {
    std::string skipped = tr(S::supervision_skipped);
    int n = 0;
    for (const app::RouteStop* stop : ctx.session.rounds().unchecked_stops(z.round->id)) skipped += (n++ ? "、" : "") + stop->label();
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(skipped, colors::warn);
    if (!z.round->finish_note.empty()) {
      const std::string why = std::string(tr(S::supervision_incomplete_reason)) + z.round->finish_note;
      widgets::data_text(why, colors::warn);
      automation().record_last_item("supervise_reason", why.c_str(), "label");
    }
    ImGui::PopTextWrapPos();
  }
  const auto findings = ctx.session.rounds().findings_of_zone_day(zone.id, day);
  if (findings.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::supervision_no_findings));
  int index = 0;
  for (const app::Finding* f : findings) {
    std::string line = ctx.session.rounds().finding_label(*f, app::i18n::current_language());
    std::string how = f->urgent ? std::string(tr(S::finding_urgent)) + " · " + f->told : f->department;
    if (!f->note.empty()) how = f->note + " · " + how;
    how += " · ";
    how += f->open() ? tr(S::supervision_finding_open) : tr(S::supervision_finding_verified);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, f->open() ? colors::danger : colors::ok);
    widgets::data_text(how, colors::muted);
    ImGui::PopTextWrapPos();
    char id[40];
    std::snprintf(id, sizeof id, "evidence:%d", index++);
    automation().record_last_item(id, (line + " | " + how).c_str(), "label");
    draw_finding_photos(ctx.session, *f);
    ImGui::Dummy(ImVec2(0, ui().css(4)));
  }
  ImGui::Unindent(ui().css(16));
}

}  // namespace

void draw_supervision(ScreenContext& ctx) {
  widgets::heading(tr(S::supervision_title));
  const std::int64_t day = app::add_days(ctx.session.today(), -ctx.state.rounds.supervision_days_back);
  day_picker(ctx, day);
  const auto& zones = ctx.session.estate().zone_rows();
  if (!zones.empty()) {
    // The gate greeting is the estate's, whoever signed in.
    for (const app::DutyLine& d : ctx.session.rounds().duties_of(zones.front().id, day)) {
      if (d.duty != app::schedule::Duty::gate_greeting) continue;
      std::string text = std::string(tr(S::duty_gate_greeting)) + " · " + tr(outcome_label(d.outcome));
      if (d.round && !ctx.session.estate().staff_name(d.round->butler).empty()) text += " · " + ctx.session.estate().staff_name(d.round->butler);
      widgets::pill(text.c_str(), outcome_color(d.outcome));
      automation().record_last_item("supervise_gate", text.c_str(), "label");
    }
  }
  int index = 0;
  for (const auto& zone : zones) {
    const app::ZoneDayReport z = ctx.session.rounds().zone_day_report(zone.id, day);
    char line[160], id[32], state[64];
    ImU32 color = colors::warn;
    if (!z.round) {
      app::i18n::format_to(line, sizeof line, S::supervision_missed, z.checkpoints);
      std::snprintf(state, sizeof state, "%s", tr(S::rounds_not_started));
    } else {
      const bool finished = z.round->finished_ms != 0;
      std::snprintf(line, sizeof line, tr(S::supervision_line), z.checked, z.checkpoints, z.skipped,
                    z.findings_open + z.findings_verified, z.findings_open);
      // A round finished with checkpoints unchecked is not "walked".
      const bool incomplete = finished && z.skipped > 0;
      std::snprintf(state, sizeof state, tr(incomplete ? S::rounds_incomplete_today : finished ? S::rounds_done_today : S::rounds_in_progress),
                    z.checked, z.checkpoints);
      color = z.findings_open > 0 || incomplete ? colors::danger : (finished ? colors::ok : colors::primary);
    }
    std::snprintf(id, sizeof id, "supervise:%d", index);
    const std::string title = zone.name + " · " + zone.butler_name;
    const bool open = ctx.state.rounds.supervision_zone == zone.id;
    if (widgets::list_row(id, title.c_str(), line, state, color, open)) {
      ctx.state.rounds.supervision_zone = open ? app::Id{} : zone.id;
    }
    automation().record_last_item((std::string(id) + ":line").c_str(), line, "label");
    duty_pills(ctx.session.rounds().duties_of(zone.id, day), index);
    if (open) zone_evidence(ctx, zone, day, z);
    ++index;
  }
}

}  // namespace shell
