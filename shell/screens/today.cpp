// Today: the date, what needs acting on now (each section's alert: incidents,
// tickets overdue or due within two hours, keys overdue), each section's part
// of the day (the duties with countdowns, this week's visits), so nothing due
// is missed, and below them the community at a glance. The sections are listed in sections.cpp.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void stat_tile(const char* id, const char* label, int value, float width) {
  widgets::begin_card(id, width);
  ImGui::PushFont(ui().fonts->title());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%d", value);
  ImGui::PopFont();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", label);
  widgets::end_card();
}

}  // namespace

void draw_today(ScreenContext& ctx) {
  // The app's clock, not the C library's: the same time the duties are judged by.
  const app::LocalTime local = ctx.session.local_now();
  char date[64];
  std::snprintf(date, sizeof date, tr(S::date_format), static_cast<int>(local.day / 10000), static_cast<int>(local.day / 100 % 100),
                static_cast<int>(local.day % 100));
  const S weekdays[] = {S::weekday_0, S::weekday_1, S::weekday_2, S::weekday_3, S::weekday_4, S::weekday_5, S::weekday_6};

  const auto& summary = ctx.session.summary();
  widgets::heading(tr(S::today_title));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s  %s  %02d:%02d", date,
                     tr(weekdays[local.weekday]), local.minute / 60, local.minute % 60);
  widgets::data_text(summary.community_name, colors::text);
  if (ctx.host.store().demo()) {
    ImGui::SameLine();
    widgets::pill(tr(S::demo_pill), colors::warn);
    automation().record_last_item("today_demo", tr(S::demo_pill), "label");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_today_alerts(ctx);

  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_today_plans(ctx);

  // The estate at a glance, below what is to be done.
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  // Four across in landscape, two in portrait.
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
}

}  // namespace shell
