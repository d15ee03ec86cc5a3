// 登记钥匙: a key put in the cabinet. A unit key names its unit (searched by
// room number, owner's name or pinyin initials, as the renovation form's
// unit picker); it is always the service centre's. A public-area key names
// its equipment category and system, the building its room is in (or the
// whole estate) and the set it hangs in (客服中心 / 工程部). The label is
// optional: the Session labels a key by its unit, or its building and system.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/unit_matches.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace kk = app::keys;

namespace shell {
namespace {

constexpr int kMatchesShown = 5;

void pick_unit(ScreenContext& ctx, KeysUi& st) {
  const app::EstateService& estate = ctx.session.estate();
  if (const app::UnitRow* row = st.add_unit.is_nil() ? nullptr : estate.unit_row(st.add_unit)) {
    const float change_w = ImGui::CalcTextSize(tr(S::key_staff_change)).x + ui().css(40);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float right = at.x + ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (ui().touch() - ImGui::GetTextLineHeight()) * 0.5f));
    widgets::data_text(row->label, colors::text);
    automation().record_last_item("key_add_unit_picked", row->label.c_str(), "label");
    ImGui::SetCursorScreenPos(ImVec2(right - change_w, at.y));
    if (widgets::button("key_add_unit_change", tr(S::key_staff_change), change_w)) st.add_unit = {};
    return;
  }
  widgets::text_field("key_add_unit_search", tr(S::key_add_unit_search), &st.add_unit_query);
  if (st.add_unit_query != st.add_matched_query) {
    st.add_matches = st.add_unit_query.empty() ? std::vector<std::size_t>{} : estate.search_units(st.add_unit_query);
    st.add_matched_query = st.add_unit_query;
  }
  if (const app::UnitRow* row = draw_unit_matches(ctx, "key_add_unit", st.add_matches, kMatchesShown)) {
    st.add_unit = row->id;
    st.add_message.clear();
  }
}

void public_filing(ScreenContext& ctx, KeysUi& st) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  widgets::text_field("key_add_category", tr(S::key_add_category), &st.add_category, half);
  ImGui::SameLine();
  widgets::text_field("key_add_system", tr(S::key_add_system), &st.add_system, half);
  keys_ui::label(S::key_add_building);
  const std::vector<app::KeyBuilding> buildings = ctx.session.keys().key_buildings();
  std::vector<const char*> names = {tr(S::key_add_estate_wide)};
  for (const app::KeyBuilding& b : buildings) names.push_back(b.name.c_str());
  if (st.add_building >= static_cast<int>(names.size())) st.add_building = 0;
  widgets::choices("key_add_building", names.data(), static_cast<int>(names.size()), &st.add_building, ui().portrait ? 3 : 5);
  keys_ui::label(S::key_add_custody);
  const char* sets[] = {tr(S::key_custody_centre), tr(S::key_custody_engineering)};
  widgets::choices("key_add_custody", sets, 2, &st.add_custody);
}

void save(ScreenContext& ctx, KeysUi& st) {
  app::Session& s = ctx.session;
  app::NewKey k;
  k.kind = st.add_kind == 0 ? kk::KeyKind::unit : kk::KeyKind::public_area;
  k.label = st.add_label;
  if (k.kind == kk::KeyKind::unit) {
    k.unit = st.add_unit;
  } else {
    k.category = st.add_category;
    k.system = st.add_system;
    k.custody = st.add_custody == 0 ? kk::Custody::centre : kk::Custody::engineering;
    const std::vector<app::KeyBuilding> buildings = s.keys().key_buildings();
    if (st.add_building > 0 && st.add_building <= static_cast<int>(buildings.size())) {
      k.building = buildings[static_cast<std::size_t>(st.add_building - 1)].id;
    }
  }
  const app::Result<app::Id> r = s.keys().add_key(k);
  if (!r.ok()) {
    st.add_message = r.error().message;
    return;
  }
  st.add_open = false;
  st.cabinet_message.clear();
  if (const app::KeyRecord* added = s.keys().key(r.value())) st.cabinet_done = app::i18n::format(S::key_manage_added, added->label.c_str());
}

}  // namespace

void open_key_add(KeysUi& st) {
  st.add_open = true;
  st.add_kind = 0;
  st.add_unit = {};
  st.add_unit_query.clear();
  st.add_matched_query.clear();
  st.add_matches.clear();
  st.add_category.clear();
  st.add_system.clear();
  st.add_label.clear();
  st.add_message.clear();
  st.add_building = 0;
  st.add_custody = 0;
}

void draw_key_add(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  if (!widgets::begin_modal("##key_add", st.add_open, true)) return;
  widgets::heading(tr(S::key_manage_add));
  widgets::begin_modal_body("##key_add_body", ui().touch() + ui().css(24));
  const char* kinds[] = {tr(S::key_kind_unit), tr(S::key_kind_public)};
  if (widgets::choices("key_add_kind", kinds, 2, &st.add_kind)) st.add_message.clear();
  if (st.add_kind == 0) pick_unit(ctx, st);
  else public_filing(ctx, st);
  widgets::text_field("key_add_label", tr(S::key_add_label), &st.add_label);
  keys_ui::banner("key_add_message", st.add_message);
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("key_add_cancel", tr(S::key_cancel), half)) st.add_open = false;
  ImGui::SameLine();
  if (widgets::button("key_add_save", tr(S::key_add_save), half, widgets::Tone::primary)) save(ctx, st);
  if (!st.add_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
