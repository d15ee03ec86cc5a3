// Registers: the field registers side by side — the resident archive (业主档案,
// searchable, one row per unit, phones masked in the list since the archive
// is confidential, the full record on tap), then each section's register
// (the key cabinet, the shift handover, incidents, renovation, mail), each drawn
// from its own folder and listed in sections.cpp.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

// The tabs as chips flowing in rows, each as wide as its own label, every row
// then stretched to the full width so the strip stays even. Chips as wide as
// the widest label ("Resident archive") put two to a row on a small phone in
// English: seven tabs took four rows and left the unit list a few rows high.
void tab_strip(const std::vector<const char*>& titles, int* selected) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui().css(8), ImGui::GetStyle().FramePadding.y));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float pad = 2 * ImGui::GetStyle().FramePadding.x;
  std::vector<float> need;
  for (const char* t : titles) need.push_back(std::max(ui().touch(), ImGui::CalcTextSize(t).x + pad));
  std::size_t start = 0;
  while (start < titles.size()) {
    std::size_t end = start + 1;
    float used = need[start];
    while (end < titles.size() && used + gap + need[end] <= avail) used += gap + need[end++];
    const float extra = std::max(0.0f, avail - used) / static_cast<float>(end - start);
    for (std::size_t k = start; k < end; ++k) {
      if (k > start) ImGui::SameLine();
      char key[32];
      std::snprintf(key, sizeof key, "reg_section:%zu", k);
      const bool current = *selected == static_cast<int>(k);
      if (widgets::button(key, titles[k], need[k] + extra, current ? widgets::Tone::primary : widgets::Tone::normal) && !current) {
        *selected = static_cast<int>(k);
      }
    }
    start = end;
  }
  ImGui::PopStyleVar();
}

void unit_row(ScreenContext& ctx, const app::UnitRow& row, std::size_t index) {
  char id[48], subtitle[160];
  std::snprintf(id, sizeof id, "unit:%zu", index);
  if (row.owner_name.empty()) std::snprintf(subtitle, sizeof subtitle, "%s", tr(S::registers_no_owner));
  else std::snprintf(subtitle, sizeof subtitle, "%s  %s", row.owner_name.c_str(), row.masked_phone.c_str());
  const bool selected = ctx.state.selected_unit == static_cast<int>(index);
  if (widgets::list_row(id, row.label.c_str(), subtitle, tr(unit_status_label(row.status)), unit_status_color(row.status), selected)) {
    ctx.state.selected_unit = static_cast<int>(index);
    ctx.state.unit_phones_shown.clear();  // each record opens with its phones masked
  }
}

}  // namespace

void draw_registers(ScreenContext& ctx) {
  // The resident archive, then a tab for every section with a register (sections.cpp).
  const std::vector<const Section*> tabs = register_tabs();
  std::vector<const char*> titles = {tr(S::registers_title)};
  for (const Section* s : tabs) titles.push_back(tr(s->title));
  tab_strip(titles, &ctx.state.registers_section);
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  const int tab = ctx.state.registers_section;
  if (tab >= 1 && tab <= static_cast<int>(tabs.size())) tabs[static_cast<std::size_t>(tab - 1)]->draw_register(ctx);
  else draw_resident_archive(ctx);
}

void draw_resident_archive(ScreenContext& ctx) {
  const auto& rows = ctx.session.estate().unit_rows();
  if (rows.empty()) {
    ImGui::TextWrapped("%s", tr(S::registers_empty));
    return;
  }
  widgets::text_field("registers_search", tr(S::registers_search), &ctx.state.registers_query);
  // Searching is a query on the session; recomputed only when the words change.
  if (ctx.state.registers_query != ctx.state.registers_matched_query || !ctx.state.registers_matches_valid) {
    ctx.state.registers_matches = ctx.session.estate().search_units(ctx.state.registers_query);
    ctx.state.registers_matched_query = ctx.state.registers_query;
    ctx.state.registers_matches_valid = true;
  }
  const auto& matches = ctx.state.registers_matches;
  char count[64];
  app::i18n::format_to(count, sizeof count, S::registers_count, static_cast<int>(matches.size()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", count);

  // The list scrolls on its own, under the search field; only visible rows are drawn.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::surface);
  ImGui::BeginChild("##units", ImVec2(0, 0), false);
  ImGui::PopStyleColor();
  if (matches.empty()) {
    ImGui::SetCursorPos(ImVec2(ui().css(16), ui().css(16)));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::registers_no_match));
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(matches.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::size_t index = matches[static_cast<std::size_t>(i)];
      unit_row(ctx, rows[index], index);
    }
  }
  widgets::drag_scroll();
  ImGui::EndChild();
  draw_unit_record(ctx);
}

}  // namespace shell
