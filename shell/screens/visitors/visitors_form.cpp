// The reception sheet (接待来访), in the manual's order (000:337): ① what they
// came for; ② who they are — the name and what was seen (ID card, work pass,
// or said only) — and the unit they visit (or none); ③ the department to tell;
// ④ where they are received. VisitorsService decides what is missing and says
// so here; ⑤ tea is a reminder, not a record.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/visitors/visitors_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/unit_matches.hpp"
#include "shell/screens/visitors/visitors_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace vis = app::visitors;

namespace shell {
namespace {

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

void pick_unit(ScreenContext& ctx, VisitorsUi& st) {
  label(S::visitor_form_unit);
  if (!st.unit.is_nil()) {
    if (const app::UnitRow* row = ctx.session.estate().unit_row(st.unit)) {
      widgets::data_text(row->label, colors::text);
      automation().record_last_item("visitor_form_unit_picked", row->label.c_str(), "label");
      if (widgets::button("visitor_form_unit_change", tr(S::visitor_form_unit_change), 0, widgets::Tone::quiet)) st.unit = {};
      return;
    }
  }
  widgets::text_field("visitor_form_unit_search", tr(S::visitor_form_unit_search), &st.unit_query);
  if (st.unit_query.empty()) return;
  if (st.unit_query != st.matched_query || !st.matches_valid) {
    st.matches = ctx.session.estate().search_units(st.unit_query);
    st.matched_query = st.unit_query;
    st.matches_valid = true;
  }
  if (const app::UnitRow* row = draw_unit_matches(ctx, "visitor_form_unit", st.matches, 4)) {
    st.unit = row->id;
    st.form_message.clear();
  }
}

void save(ScreenContext& ctx, VisitorsUi& st) {
  app::NewVisit v;
  v.purpose = st.purpose;
  v.name = st.name;
  v.phone = st.phone;
  v.id_seen = static_cast<vis::IdSeen>(st.id_seen);
  v.unit = st.unit;
  v.department = vis::department_name(st.department);
  v.place = static_cast<vis::Place>(st.place);
  v.place_text = st.place_text;
  const app::Result<app::Id> r = ctx.session.visitors().receive(v);
  if (!r.ok()) {
    st.form_message = r.error().message;
    return;
  }
  st.form_open = false;
  st.message.clear();
}

}  // namespace

void open_visitors_form(VisitorsUi& st) {
  st = VisitorsUi{};  // a fresh sheet on the list
  st.form_open = true;
}

void draw_visitors_form(ScreenContext& ctx) {
  VisitorsUi& st = ctx.state.visitors;
  if (!widgets::begin_modal("##visitor_form", st.form_open, true)) return;
  widgets::heading(tr(S::visitor_form_title));
  widgets::begin_modal_body("##visitor_form_body", ui().touch() + ui().css(24));
  widgets::text_field("visitor_form_purpose", tr(S::visitor_form_purpose), &st.purpose);
  widgets::text_field("visitor_form_name", tr(S::visitor_form_name), &st.name);
  label(S::visitor_form_id);
  const char* seen[vis::kIdSeenCount];
  for (int k = 0; k < vis::kIdSeenCount; ++k) seen[k] = tr(vis::id_seen_label(static_cast<vis::IdSeen>(k)));
  widgets::choices("visitor_form_id", seen, vis::kIdSeenCount, &st.id_seen, 3);
  widgets::text_field("visitor_form_phone", tr(S::visitor_form_phone), &st.phone);
  pick_unit(ctx, st);
  label(S::visitor_form_dept);
  const char* depts[vis::kDepartmentCount];
  for (int k = 0; k < vis::kDepartmentCount; ++k) depts[k] = tr(vis::kDepartments[k]);
  widgets::choices("visitor_form_dept", depts, vis::kDepartmentCount, &st.department, ui().portrait ? 3 : 5);
  label(S::visitor_form_place);
  const char* places[vis::kPlaceCount];
  for (int k = 0; k < vis::kPlaceCount; ++k) places[k] = tr(vis::place_label(static_cast<vis::Place>(k)));
  widgets::choices("visitor_form_place", places, vis::kPlaceCount, &st.place, 3);
  if (st.place == static_cast<int>(vis::Place::other)) widgets::text_field("visitor_form_place_text", tr(S::visitor_form_place_text), &st.place_text);
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(tr(S::visitor_tea_hint), colors::muted);
  ImGui::PopTextWrapPos();
  widgets::end_modal_body();
  // Above the buttons, where it is seen whatever the form's scroll.
  visitors_banner("visitor_form_message", st.form_message);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("visitor_form_cancel", tr(S::visitor_cancel), half)) st.form_open = false;
  ImGui::SameLine();
  if (widgets::button("visitor_form_save", tr(S::visitor_form_save), half, widgets::Tone::primary)) save(ctx, st);
  if (!st.form_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
