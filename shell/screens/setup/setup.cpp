// Setting up a community (社区设置): what it still lacks before butlers can
// work (each gap leads to where it is fixed), its zones (tap one for its
// route), the model units' and the greeting's hours, and the office files
// imported. A butler sees the list, read-only;
// a head butler or the manager edits.
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/setup/setup_screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

std::string gap_text(const app::SetupGap& g) {
  char line[256];
  switch (g.kind) {
    case app::GapKind::no_units: return tr(S::gap_no_units);
    case app::GapKind::no_staff: return tr(S::gap_no_staff);
    case app::GapKind::no_zones: return tr(S::gap_no_zones);
    case app::GapKind::zone_without_butler: std::snprintf(line, sizeof line, tr(S::gap_zone_without_butler), g.subject.c_str()); return line;
    case app::GapKind::zone_without_checkpoints:
      std::snprintf(line, sizeof line, tr(S::gap_zone_without_checkpoints), g.subject.c_str());
      return line;
    case app::GapKind::building_in_no_zone: std::snprintf(line, sizeof line, tr(S::gap_building_in_no_zone), g.subject.c_str()); return line;
    case app::GapKind::no_keys: return tr(S::gap_no_keys);
    case app::GapKind::no_prices: return tr(S::gap_no_prices);
    case app::GapKind::no_residents: return tr(S::gap_no_residents);
  }
  return {};
}

// Where a gap is fixed: a lead's tap opens it; files are imported on the office's computer.
void follow_gap(ScreenContext& ctx, const app::SetupGap& g) {
  switch (g.kind) {
    case app::GapKind::no_zones: open_zone_sheet(ctx, {}); break;
    case app::GapKind::zone_without_butler: open_zone_sheet(ctx, g.id); break;
    case app::GapKind::zone_without_checkpoints: ctx.state.setup.route = g.id; break;
    case app::GapKind::building_in_no_zone: open_zone_sheet(ctx, {}); break;
    case app::GapKind::no_keys: show_register(ctx.state, "keys"); break;
    default: break;
  }
}

void draw_gaps(ScreenContext& ctx, bool lead) {
  const std::vector<app::SetupGap> gaps = ctx.session.setup().gaps();
  widgets::heading(tr(S::setup_gaps_title));
  if (gaps.empty()) {
    ImGui::TextWrapped("%s", tr(S::setup_ready));
    return;
  }
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "setup_gap:%zu", i);
    const std::string text = gap_text(gaps[i]);
    if (widgets::list_row(id, text.c_str(), "", nullptr, 0) && lead) follow_gap(ctx, gaps[i]);
  }
}

void draw_zones(ScreenContext& ctx, bool lead) {
  widgets::heading(tr(S::setup_zones_title));
  const auto& zones = ctx.session.estate().zone_rows();
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const app::ZoneRow& z = zones[i];
    char id[32], count[64];
    std::snprintf(id, sizeof id, "setup_zone:%zu", i);
    app::i18n::format_to(count, sizeof count, S::setup_zone_route, static_cast<int>(z.checkpoint_count));
    const std::string sub = z.building_names + " · " + (z.butler_name.empty() ? tr(S::setup_zone_no_butler) : z.butler_name);
    if (widgets::list_row(id, z.name.c_str(), sub.c_str(), count, z.checkpoint_count ? colors::primary : colors::warn)) {
      ctx.state.setup.route = z.id;
      ctx.state.setup.message.clear();
    }
  }
  if (lead && widgets::button("setup_zone_add", tr(S::setup_zone_add), -1, widgets::Tone::primary)) open_zone_sheet(ctx, {});
}

void draw_imports(ScreenContext& ctx) {
  widgets::heading(tr(S::setup_imports_title));
  const auto imports = ctx.session.setup().imports();
  if (imports.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::setup_imports_none));
    return;
  }
  for (std::size_t i = 0; i < imports.size() && i < 20; ++i) {
    const app::ImportRecord& r = *imports[i];
    char line[256];
    const app::LocalTime t = ctx.session.local(r.at_ms);
    char when[32];
    std::snprintf(when, sizeof when, "%04d-%02d-%02d %02d:%02d", static_cast<int>(t.day / 10000), static_cast<int>(t.day / 100 % 100),
                  static_cast<int>(t.day % 100), t.minute / 60, t.minute % 60);
    std::snprintf(line, sizeof line, tr(S::setup_import_row), when, std::string(app::import_kind_title(r.kind)).c_str(),
                  static_cast<int>(r.added), static_cast<int>(r.changed), static_cast<int>(r.unchanged));
    const std::string who = ctx.session.estate().staff_name(r.by);
    widgets::data_text(std::string(line) + (r.file.empty() ? "" : " · " + r.file) + (who.empty() ? "" : " · " + who),
                       colors::muted);
  }
}

}  // namespace

void draw_setup_message(const SetupUi& st) {
  if (st.message.empty()) return;
  ImGui::PushTextWrapPos(0);
  widgets::data_text(st.message, st.message_ok ? colors::ok : colors::danger);
  ImGui::PopTextWrapPos();
}

void draw_setup(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  const bool lead = ctx.session.setup().may_edit();
  if (!st.route.is_nil()) {
    draw_setup_route(ctx);
  } else {
    if (!lead) ImGui::TextWrapped("%s", tr(S::setup_lead_only));
    draw_setup_message(st);
    draw_gaps(ctx, lead);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    draw_zones(ctx, lead);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    draw_setup_hours(ctx, lead);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    if (lead) {
      draw_setup_import(ctx);
      ImGui::Dummy(ImVec2(0, ui().css(8)));
    }
    draw_imports(ctx);
  }
  draw_setup_sheets(ctx);
}

}  // namespace shell
