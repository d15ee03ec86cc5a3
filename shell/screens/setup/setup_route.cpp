// One zone's route (巡查路线) in walking order: a lead drags a checkpoint by
// its handle (three bars) to a new place, or nudges it with ↑ ↓; taps a row to rename,
// change its kind or take it off the route; adds one at the end. Each change
// is an op: a round already started keeps the route it started with.
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/setup/setup_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void report(SetupUi& st, const app::Status& s) {
  st.message = s.ok() ? tr(S::setup_saved) : s.error().message;
  st.message_ok = s.ok();
}

// The handle a finger holds to drag a row: an invisible button, so the
// screen's drag-to-scroll leaves it alone while it is held.
bool drag_handle(const char* id, float size) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(size, size));
  const bool held = ImGui::IsItemActive();
  automation().record_last_item(id, "drag", "button");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + size, at.y + size), held ? colors::primary_soft : colors::button, ui().css(8));
  // Three bars drawn, not a glyph: the font subset need not carry ≡ or ☰.
  const float bar = ui().css(2), span = size * 0.4f, left = at.x + (size - span) / 2;
  for (int k = -1; k <= 1; ++k) {
    const float y = at.y + size / 2 + static_cast<float>(k) * ui().css(7);
    dl->AddRectFilled(ImVec2(left, y - bar / 2), ImVec2(left + span, y + bar / 2), colors::text, bar / 2);
  }
  return held;
}

}  // namespace

void draw_setup_route(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  const app::ZoneRow* zone = nullptr;
  for (const app::ZoneRow& z : ctx.session.estate().zone_rows()) {
    if (z.id == st.route) zone = &z;
  }
  if (!zone) {  // retired meanwhile, or synced away
    st.route = {};
    return;
  }
  const bool lead = ctx.session.setup().may_edit();
  if (widgets::button("setup_route_back", tr(S::setup_back))) {
    st.route = {};
    st.message.clear();
    return;
  }
  char title[256];
  std::snprintf(title, sizeof title, tr(S::setup_route_title), zone->name.c_str());
  widgets::heading(title);
  if (lead) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::muted));
    ImGui::TextWrapped("%s", tr(S::setup_route_hint));
    ImGui::PopStyleColor();
    if (widgets::button("setup_zone_edit", tr(S::setup_zone_edit))) open_zone_sheet(ctx, zone->id);
  }
  draw_setup_message(st);

  const std::vector<app::CheckpointRow> route = ctx.session.estate().checkpoints_of_zone(zone->id);  // a copy: edits rebuild the views
  const float touch = ui().css(48), gap = ImGui::GetStyle().ItemSpacing.x;
  std::vector<float> centres;
  int held = -1;
  for (std::size_t i = 0; i < route.size(); ++i) {
    const app::CheckpointRow& cp = route[i];
    char id[40];
    ImGui::PushID(static_cast<int>(i));
    const float top = ImGui::GetCursorScreenPos().y;
    if (lead) {
      std::snprintf(id, sizeof id, "setup_cp_drag:%zu", i);
      if (drag_handle(id, touch)) held = static_cast<int>(i);
      ImGui::SameLine();
    }
    const float arrows = lead ? 2 * (touch + gap) : 0;
    std::snprintf(id, sizeof id, "setup_cp:%zu", i);
    const std::string title_text = std::to_string(i + 1) + ". " + cp.name;
    const std::string sub = cp.building_name.empty() ? tr(S::setup_checkpoint_estate_wide) : cp.building_name;
    const float row_width = std::max(touch, ImGui::GetContentRegionAvail().x - arrows);
    if (widgets::list_row(id, title_text.c_str(), sub.c_str(), nullptr, 0, st.dragging == cp.id, row_width) && lead) {
      open_checkpoint_sheet(ctx, cp.id);
    }
    if (lead) {
      ImGui::SameLine();
      std::snprintf(id, sizeof id, "setup_cp_up:%zu", i);
      if (widgets::button(id, "↑", touch, widgets::Tone::normal, i > 0)) report(st, ctx.session.setup().move_checkpoint(cp.id, i - 1));
      ImGui::SameLine();
      std::snprintf(id, sizeof id, "setup_cp_down:%zu", i);
      if (widgets::button(id, "↓", touch, widgets::Tone::normal, i + 1 < route.size())) {
        report(st, ctx.session.setup().move_checkpoint(cp.id, i + 1));
      }
    }
    centres.push_back((top + ImGui::GetCursorScreenPos().y) / 2);
    ImGui::PopID();
  }

  // Dragging: the row lands before the first row whose middle is below the finger.
  if (held >= 0) {
    widgets::claim_drag();
    st.dragging = route[static_cast<std::size_t>(held)].id;
    st.drag_from = held;
    const float y = ImGui::GetIO().MousePos.y;
    int to = 0;
    for (std::size_t i = 0; i < centres.size(); ++i) {
      if (static_cast<int>(i) != held && centres[i] < y) ++to;
    }
    st.drag_to = to;
    // A line where it would land.
    const int line_row = to + (to >= held ? 1 : 0);
    const float line_y = line_row < static_cast<int>(centres.size()) ? centres[static_cast<std::size_t>(line_row)] - touch * 0.65f
                                                                    : centres.back() + touch * 0.65f;
    const float x0 = ImGui::GetWindowPos().x, x1 = x0 + ImGui::GetWindowWidth();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, line_y), ImVec2(x1, line_y), colors::primary, ui().css(3));
  } else if (!st.dragging.is_nil()) {
    // Let go: one move, whatever the path the finger took.
    const app::Id moved = st.dragging;
    const int to = st.drag_to;
    st.dragging = {};
    if (to >= 0 && to != st.drag_from) report(st, ctx.session.setup().move_checkpoint(moved, static_cast<std::size_t>(to)));
    st.drag_from = st.drag_to = -1;
  }

  if (lead && widgets::button("setup_cp_add", tr(S::setup_checkpoint_add), -1, widgets::Tone::primary)) {
    open_checkpoint_sheet(ctx, {});
  }
}

}  // namespace shell
