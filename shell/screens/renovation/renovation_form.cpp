// The new renovation application sheet (物业装修申请表): the unit (by room
// number, owner's name or pinyin initials, or handed over from a renovating
// unit's row), the owner (the one on record unless changed), the contractor
// and its phone, the works, and the planned start and length as chips.
// Submitted, the application's page opens at its first step: the papers.
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/unit_matches.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

constexpr int kStartIn[] = {0, 3, 7, 14};
constexpr int kMonths[] = {1, 2, 3, 6};

void pick_unit(ScreenContext& ctx, RenovationDraft& d) {
  if (!d.unit.is_nil()) {
    if (const app::UnitRow* row = ctx.session.estate().unit_row(d.unit)) {
      widgets::data_text(row->label, colors::text);
      automation().record_last_item("reno_form_unit_picked", row->label.c_str(), "label");
      if (widgets::button("reno_form_unit_change", tr(S::inc_place_edit), 0, widgets::Tone::quiet)) d.unit = {};
      return;
    }
  }
  widgets::text_field("reno_form_unit_search", tr(S::registers_search), &d.unit_query);
  if (d.unit_query.empty()) return;
  if (d.unit_query != d.matched_query || !d.matches_valid) {
    d.matches = ctx.session.estate().search_units(d.unit_query);
    d.matched_query = d.unit_query;
    d.matches_valid = true;
  }
  if (const app::UnitRow* row = draw_unit_matches(ctx, "reno_form_unit", d.matches, 4)) {
    d.unit = row->id;
    if (d.owner.empty()) d.owner = row->owner_name;
  }
}

void save(ScreenContext& ctx, RenovationUi& st) {
  RenovationDraft& d = st.form;
  app::NewRenovation n;
  if (d.unit.is_nil()) {
    st.form_message = tr(S::err_unknown_unit);
    return;
  }
  n.unit = d.unit;
  n.owner = d.owner;
  n.contractor = d.contractor;
  n.contractor_phone = d.phone;
  n.scope = d.scope;
  n.planned_start = app::add_days(ctx.session.today(), kStartIn[d.start_in]);
  n.planned_end = n.planned_start;
  for (int m = 0; m < kMonths[d.months]; ++m) n.planned_end = app::renovation::one_month_after(n.planned_end);
  const app::Result<app::Id> applied = ctx.session.renovation().apply_renovation(n);
  if (!applied.ok()) {
    st.form_message = applied.error().message;
    return;
  }
  st.form_open = false;
  open_renovation(ctx.state, applied.value());
}

}  // namespace

void open_renovation_form(ShellState& st, const app::Id& unit) {
  RenovationUi& ui_st = st.renovation;
  ui_st.form_open = true;
  ui_st.form_message.clear();
  ui_st.form = RenovationDraft{};
  ui_st.form.months = 0;
  ui_st.form.unit = unit;
}

void draw_renovation_form(ScreenContext& ctx) {
  RenovationUi& st = ctx.state.renovation;
  if (!widgets::begin_modal("##reno_form", st.form_open, true, 0)) return;
  RenovationDraft& d = st.form;
  if (!d.unit.is_nil() && d.owner.empty()) {
    if (const app::UnitRow* row = ctx.session.estate().unit_row(d.unit)) d.owner = row->owner_name;
  }
  widgets::heading(tr(S::reno_form_title));
  widgets::begin_modal_body("##reno_form_body", ui().touch() + ui().css(24));
  pick_unit(ctx, d);
  widgets::text_field("reno_form_owner", tr(S::reno_form_owner), &d.owner);
  widgets::text_field("reno_form_contractor", tr(S::reno_form_contractor), &d.contractor);
  widgets::number_field("reno_form_phone", tr(S::reno_form_phone), &d.phone);
  widgets::text_field("reno_form_scope", tr(S::reno_form_scope), &d.scope);
  ImGui::TextUnformatted(tr(S::reno_form_start));
  char starts[4][32], lengths[4][32];
  const char* start_labels[4];
  const char* length_labels[4];
  for (int k = 0; k < 4; ++k) {
    if (kStartIn[k] == 0) std::snprintf(starts[k], sizeof starts[k], "%s", tr(S::reno_today));
    else app::i18n::format_to(starts[k], sizeof starts[k], S::reno_start_in, kStartIn[k]);
    app::i18n::format_to(lengths[k], sizeof lengths[k], S::reno_months, kMonths[k]);
    start_labels[k] = starts[k];
    length_labels[k] = lengths[k];
  }
  widgets::choices("reno_form_start", start_labels, 4, &d.start_in);
  ImGui::TextUnformatted(tr(S::reno_form_duration));
  widgets::choices("reno_form_months", length_labels, 4, &d.months);
  if (!st.form_message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.form_message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("reno_form_message", st.form_message.c_str(), "banner");
  }
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("reno_form_save", tr(S::reno_form_save), half, widgets::Tone::primary)) save(ctx, st);
  ImGui::SameLine();
  if (widgets::button("reno_form_close", tr(S::inc_cancel), half)) st.form_open = false;
  if (!st.form_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
