// The unit record (房屋档案), opened from the resident archive: the unit's
// status, the people on record with their phones masked like everywhere else
// until 显示号码 (the one place a whole number shows; each tap is recorded
// as a contact_viewed op: who looked, whose, when), and the edits a butler makes on the spot: the unit's
// status, a resident's new phone, a new household member, 入住登记 and
// 迁出登记 (unit_moves.cpp, which also draws the former residents and 历史), and what the registers hold
// for it now (sections.hpp: mail waiting, water or power off). Every edit is a
// Session command; what it refuses is shown in words under the form.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/core/phone_mask.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

constexpr app::UnitStatus kStatuses[] = {app::UnitStatus::occupied, app::UnitStatus::vacant, app::UnitStatus::renovating,
                                         app::UnitStatus::model};
constexpr const char* kStatusIds[] = {"unit_status_occupied", "unit_status_vacant", "unit_status_renovating", "unit_status_model"};

void show_result(ShellState& state, const app::Status& result) {
  state.unit_message = result.ok() ? tr(S::unit_saved_note) : result.error().message;
}

void status_buttons(ScreenContext& ctx, const app::UnitRow& row) {
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::unit_status_title));
  // 装修中 is the renovation application's (the session refuses it as an edit): shown, not tapped.
  const bool follows = ctx.session.renovation().unit_status_follows_renovation(row.id);
  if (follows) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::err_unit_status_follows_renovation));
    ImGui::PopTextWrapPos();
  }
  const char* labels[4];
  for (int i = 0; i < 4; ++i) labels[i] = tr(unit_status_label(kStatuses[i]));
  widgets::ButtonRow buttons(labels, 4);
  for (int i = 0; i < 4; ++i) {
    buttons.place();
    const bool current = row.status == kStatuses[i];
    const bool enabled = !follows && kStatuses[i] != app::UnitStatus::renovating;
    if (widgets::button(kStatusIds[i], labels[i], buttons.width(),
                        current ? widgets::Tone::primary : widgets::Tone::normal, enabled) && !current) {
      show_result(ctx.state, ctx.session.estate().set_unit_status(row.id, kStatuses[i]));
    }
  }
}

bool phone_shown(const ShellState& st, const app::Id& resident) {
  return std::find(st.unit_phones_shown.begin(), st.unit_phones_shown.end(), resident) != st.unit_phones_shown.end();
}

// 显示号码: the whole number only once the look is recorded (a refused look,
// say by a role outside the office, shows why and keeps it masked).
void show_phone(ScreenContext& ctx, const app::Resident& r) {
  const app::Result<std::string> phone = ctx.session.estate().view_contact(r.id);
  if (!phone.ok()) {
    ctx.state.unit_message = phone.error().message;
    return;
  }
  ctx.state.unit_phones_shown.push_back(r.id);
  ctx.state.unit_message.clear();
}

void person(ScreenContext& ctx, const app::Resident& r, int index) {
  char line[192], id[48];
  const S relation = r.relation == app::Relation::owner    ? S::registers_owner
                     : r.relation == app::Relation::tenant ? S::unit_tenant
                                                           : S::unit_family;
  ShellState& st = ctx.state;
  const bool shown = phone_shown(st, r.id);
  const std::string phone = r.phone.empty() ? std::string("—") : shown ? r.phone : app::mask_phone(r.phone);
  std::snprintf(line, sizeof line, "%s  ·  %s  ·  %s", r.name.c_str(), tr(relation), phone.c_str());
  // One row a person: the words on the left, centred on the row's touch
  // height, and "show number" and "change phone" at the right edge of the
  // same row; where they do not fit beside the words (a phone), on a row of
  // their own below them.
  const float row_h = ui().touch();
  const ImVec2 row = ImGui::GetCursorPos();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float right = row.x + avail;
  const float pad = ImGui::GetStyle().FramePadding.x * 4;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const bool editing = st.unit_phone_for == r.id;
  const bool may_show = !editing && !r.phone.empty() && !shown;
  const char* edit_label = tr(S::unit_change_phone);
  const char* show_label = tr(S::unit_show_phone);
  const float edit_w = ImGui::CalcTextSize(edit_label).x + pad;
  const float show_w = may_show ? ImGui::CalcTextSize(show_label).x + pad : 0.0f;
  const float buttons_w = editing ? 0.0f : edit_w + (may_show ? gap + show_w : 0.0f);
  const bool below = !editing && ImGui::CalcTextSize(line).x + gap + buttons_w > avail;
  const float text_y = below ? row.y : row.y + (row_h - ImGui::GetFontSize()) * 0.5f;
  ImGui::SetCursorPos(ImVec2(row.x, text_y));
  widgets::data_text(line);
  automation().record_last_item((std::string("unit_person:") + std::to_string(index)).c_str(), line, "label");
  if (!editing) {
    const float buttons_y = below ? row.y + ImGui::GetTextLineHeightWithSpacing() : row.y;
    if (may_show) {
      std::snprintf(id, sizeof id, "unit_phone_show:%d", index);
      ImGui::SetCursorPos(ImVec2(right - edit_w - gap - show_w, buttons_y));
      if (widgets::button(id, show_label, show_w, widgets::Tone::quiet)) show_phone(ctx, r);
    }
    std::snprintf(id, sizeof id, "unit_phone_edit:%d", index);
    ImGui::SetCursorPos(ImVec2(right - edit_w, buttons_y));
    if (widgets::button(id, edit_label, edit_w)) {
      st.unit_phone_for = r.id;
      st.unit_phone_draft.clear();
      st.unit_message.clear();
    }
    return;
  }
  ImGui::SetCursorPos(ImVec2(row.x, row.y + row_h + ImGui::GetStyle().ItemSpacing.y));
  widgets::text_field("unit_phone_field", tr(S::unit_new_phone), &st.unit_phone_draft);
  if (widgets::button("unit_phone_save", tr(S::unit_save), 0, widgets::Tone::primary)) {
    const app::Status done = ctx.session.estate().set_resident_phone(r.id, st.unit_phone_draft);
    show_result(st, done);
    if (done.ok()) st.unit_phone_for = {};
  }
  ImGui::SameLine();
  if (widgets::button("unit_phone_cancel", tr(S::unit_cancel))) st.unit_phone_for = {};
}

void new_member_form(ScreenContext& ctx, const app::UnitRow& row) {
  ShellState& st = ctx.state;
  if (!st.unit_adding_member) {
    if (widgets::button("unit_add_member", tr(S::unit_add_member), -1)) {
      st.unit_adding_member = true;
      st.unit_member_name.clear();
      st.unit_member_phone.clear();
      st.unit_message.clear();
    }
    return;
  }
  widgets::text_field("unit_member_name", tr(S::unit_member_name), &st.unit_member_name);
  widgets::text_field("unit_member_phone", tr(S::unit_member_phone), &st.unit_member_phone);
  if (widgets::button("unit_member_save", tr(S::unit_save), 0, widgets::Tone::primary)) {
    const auto added = ctx.session.estate().add_resident(row.id, {st.unit_member_name, st.unit_member_phone, "", false, 0});
    show_result(st, added.ok() ? app::ok_status() : app::Status(added.error()));
    if (added.ok()) st.unit_adding_member = false;
  }
  ImGui::SameLine();
  if (widgets::button("unit_member_cancel", tr(S::unit_cancel))) st.unit_adding_member = false;
}

void photo_section(ScreenContext& ctx, const app::UnitRow& row) {
  const auto photos = ctx.session.estate().photos_of(row.id);
  char title[96];
  std::snprintf(title, sizeof title, tr(S::unit_photos), static_cast<int>(photos.size()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", title);
  widgets::photo_strip("unit_photo", photos, ui().css(104));
  if (widgets::button("unit_add_photo", tr(S::unit_add_photo), -1, widgets::Tone::normal, !ctx.photos.busy())) {
    ctx.state.unit_message.clear();
    ctx.photos.for_unit(row.id);
  }
  if (!ctx.photos.message().empty()) {
    ImGui::TextWrapped("%s", ctx.photos.message().c_str());
    automation().record_last_item("unit_photo_message", ctx.photos.message().c_str(), "banner");
  }
}

}  // namespace

S unit_status_label(app::UnitStatus s) {
  switch (s) {
    case app::UnitStatus::occupied: return S::unit_occupied;
    case app::UnitStatus::vacant: return S::unit_vacant;
    case app::UnitStatus::renovating: return S::unit_renovating;
    case app::UnitStatus::model: return S::unit_model;
  }
  return S::unit_occupied;
}

ImU32 unit_status_color(app::UnitStatus s) {
  switch (s) {
    case app::UnitStatus::occupied: return colors::ok;
    case app::UnitStatus::vacant: return colors::muted;
    case app::UnitStatus::renovating: return colors::warn;
    case app::UnitStatus::model: return colors::primary;
  }
  return colors::muted;
}

void draw_unit_record(ScreenContext& ctx) {
  const auto& rows = ctx.session.estate().unit_rows();
  if (ctx.state.selected_unit < 0 || ctx.state.selected_unit >= static_cast<int>(rows.size())) return;
  const app::UnitRow& row = rows[static_cast<std::size_t>(ctx.state.selected_unit)];
  if (!widgets::begin_modal("##unit", true, /*sheet=*/true)) return;
  // 入住登记 / 迁出登记 open: the form takes the sheet (unit_moves.cpp).
  if (draw_unit_move_form(ctx, row)) {
    widgets::end_modal();
    return;
  }
  widgets::heading(row.label.c_str());
  const float footer = ui().css(8) + ImGui::GetStyle().ItemSpacing.y * 2 + ui().touch();
  widgets::begin_modal_body("##unit_body", footer);
  status_buttons(ctx, row);
  // What the registers hold for this unit now: mail waiting, water or power off (sections.hpp).
  draw_unit_record_lines(ctx, row.id);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::unit_people_title));
  // The people of this unit: a scan of the archive, only while the record is open.
  const auto people = ctx.session.estate().residents_of(row.id);
  for (std::size_t i = 0; i < people.size(); ++i) person(ctx, *people[i], static_cast<int>(i));
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  unit_move_buttons(ctx, row);
  new_member_form(ctx, row);
  if (!ctx.state.unit_message.empty()) {
    ImGui::TextWrapped("%s", ctx.state.unit_message.c_str());
    automation().record_last_item("unit_message", ctx.state.unit_message.c_str(), "banner");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  unit_history(ctx, row);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  photo_section(ctx, row);
  widgets::end_modal_body();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  if (widgets::button("unit_close", tr(S::about_close), -1, widgets::Tone::primary)) {
    ctx.state.selected_unit = -1;
    ctx.state.unit_phone_for = {};
    ctx.state.unit_phones_shown.clear();
    ctx.state.unit_adding_member = false;
    ctx.state.unit_move = {};
    ctx.state.unit_message.clear();
    ctx.photos.clear_message();
    ImGui::CloseCurrentPopup();
  }
  widgets::end_modal();
}

}  // namespace shell
