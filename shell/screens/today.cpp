// Today: the date, the community at a glance and the day's duties with
// countdowns, so nothing due is missed.
#include <cstdio>
#include <ctime>

#include "app/i18n/catalogue.hpp"
#include "app/schedule/daily_duties.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
using app::schedule::Duty;
using app::schedule::DutyState;

namespace shell {
namespace {

S duty_label(Duty d) {
  switch (d) {
    case Duty::gate_greeting: return S::duty_gate_greeting;
    case Duty::model_open: return S::duty_model_open;
    case Duty::model_windows: return S::duty_model_windows;
    case Duty::zone_round: return S::duty_zone_round;
    case Duty::vacant_round: return S::duty_vacant_round;
    case Duty::model_close: return S::duty_model_close;
  }
  return S::app_name;
}

void stat_tile(const char* id, const char* label, int value, float width) {
  widgets::begin_card(id, width);
  ImGui::PushFont(ui().fonts->title());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%d", value);
  ImGui::PopFont();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", label);
  widgets::end_card();
}

void duty_row(const app::schedule::DutyStatus& d) {
  char from[6], to[6], when[64];
  app::schedule::format_hhmm(d.window.start_minute, from);
  app::schedule::format_hhmm(d.window.end_minute, to);
  ImU32 tone = colors::muted;
  const char* state = tr(S::today_past);
  when[0] = 0;
  if (d.state == DutyState::now) {
    tone = colors::ok;
    state = tr(S::today_now);
    std::snprintf(when, sizeof when, tr(S::today_ends_in), d.minutes_left);
  } else if (d.state == DutyState::upcoming) {
    tone = colors::primary;
    state = tr(S::today_upcoming);
    if (d.minutes_to_start < 60) std::snprintf(when, sizeof when, tr(S::today_in_minutes), d.minutes_to_start);
    else std::snprintf(when, sizeof when, tr(S::today_in_hours), d.minutes_to_start / 60, d.minutes_to_start % 60);
  }
  widgets::begin_card(app::i18n::key_name(duty_label(d.window.duty)).data());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s – %s", from, to);
  ImGui::SameLine();
  widgets::pill(state, tone);
  if (when[0]) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(tone), "%s", when);
  }
  ImGui::TextWrapped("%s", tr(duty_label(d.window.duty)));
  widgets::end_card();
}

}  // namespace

void draw_today(ScreenContext& ctx) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char date[64];
  std::snprintf(date, sizeof date, tr(S::date_format), local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  const S weekdays[] = {S::weekday_0, S::weekday_1, S::weekday_2, S::weekday_3, S::weekday_4, S::weekday_5, S::weekday_6};

  const auto& summary = ctx.session.summary();
  widgets::heading(tr(S::today_title));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s  %s  %02d:%02d", date,
                     tr(weekdays[local.tm_wday]), local.tm_hour, local.tm_min);
  widgets::data_text(summary.community_name, colors::text);
  ImGui::Dummy(ImVec2(0, ui().css(8)));

  // Tiles: four across in landscape, two in portrait.
  const int per_row = ui().portrait ? 2 : 4;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float tile_w = (ImGui::GetContentRegionAvail().x - gap * (per_row - 1)) / per_row;
  struct Tile { const char* id; S label; int value; };
  const Tile tiles[] = {{"tile_buildings", S::summary_buildings, summary.buildings},
                        {"tile_units", S::summary_units, summary.units},
                        {"tile_residents", S::summary_residents, summary.residents},
                        {"tile_checkpoints", S::summary_checkpoints, summary.checkpoints}};
  for (int i = 0; i < 4; ++i) {
    if (i % per_row) ImGui::SameLine();
    stat_tile(tiles[i].id, tr(tiles[i].label), tiles[i].value, tile_w);
  }

  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::today_rounds));
  draw_todays_rounds(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::today_duties));
  for (const auto& d : app::schedule::duties_at(local.tm_hour * 60 + local.tm_min)) duty_row(d);
}

}  // namespace shell
