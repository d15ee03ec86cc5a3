// Household visits on Today (每户每季度至少走访一次): the quarter's progress,
// this week's share in walking order, and the visit record — what was said,
// the follow-ups, a ticket for the household in one tap, and the manual's
// reminder of how a visit ends.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

constexpr std::size_t kRowsShown = 5;

}  // namespace

void draw_visits_due(ScreenContext& ctx) {
  const app::VisitPlan& plan = ctx.session.tickets().visit_plan();
  if (plan.households == 0) return;
  widgets::heading(tr(S::visits_title));
  char line[160];
  app::i18n::format_to(line, sizeof line, S::visits_progress, plan.visited, plan.households, static_cast<int>(plan.due_this_week.size()));
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s", line);  // a phone's width, in English, takes two lines
  ImGui::PopStyleColor();
  automation().record_last_item("visits_progress", line, "label");
  if (plan.due_this_week.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::visits_done_week));
    return;
  }
  for (std::size_t i = 0; i < plan.due_this_week.size() && i < kRowsShown; ++i) {
    const app::UnitRow* row = ctx.session.estate().unit_row(plan.due_this_week[i]);
    if (!row) continue;
    char id[32];
    std::snprintf(id, sizeof id, "visit:%zu", i);
    std::string sub = row->owner_name + "  " + row->masked_phone;
    if (const app::Visit* last = ctx.session.tickets().last_visit(row->id)) {
      char when[64];
      std::snprintf(when, sizeof when, tr(S::visit_last), short_time(ctx.session.local(last->at_ms)).c_str());
      sub += " · " + std::string(when);
    }
    if (widgets::list_row(id, row->label.c_str(), sub.c_str())) {
      TicketsUi& st = ctx.state.tickets;
      st.visit_unit = row->id;
      st.visit_note.clear();
      st.visit_follow_ups.clear();
      st.visit_message.clear();
    }
  }
}

void draw_visit_form(ScreenContext& ctx) {
  TicketsUi& st = ctx.state.tickets;
  const app::Id unit = st.visit_unit;
  const bool open = !unit.is_nil();
  if (!widgets::begin_modal("##visit_form", open, true)) return;
  const app::UnitRow* row = ctx.session.estate().unit_row(unit);
  const std::string title = std::string(tr(S::visit_form_title)) + " · " + (row ? row->label : std::string());
  ui().fonts->request_title_text(title);
  widgets::heading(title.c_str());
  if (row && !row->owner_name.empty()) widgets::data_text(row->owner_name + "  " + row->masked_phone, colors::muted);
  const char* methods[] = {tr(S::method_visit), tr(S::method_phone)};
  widgets::choices("visit_method", methods, 2, &st.visit_method);
  widgets::text_field("visit_note", tr(S::visit_note), &st.visit_note);
  widgets::text_field("visit_follow_ups", tr(S::visit_follow_ups), &st.visit_follow_ups);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::visit_thanks));
  if (!st.visit_message.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.visit_message.c_str());
  if (widgets::button("visit_save", tr(S::visit_save), -1, widgets::Tone::primary)) {
    const auto saved = ctx.session.tickets().record_visit(unit, static_cast<app::CallbackMethod>(st.visit_method), st.visit_note, st.visit_follow_ups);
    st.visit_message = saved.ok() ? std::string() : saved.error().message;
    if (saved.ok()) st.visit_unit = {};
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("visit_ticket", tr(S::visit_ticket), half)) {
    open_ticket_form(ctx.state, st.visit_unit);
    st.visit_unit = {};
  }
  ImGui::SameLine();
  if (widgets::button("visit_close", tr(S::ticket_form_close), half)) st.visit_unit = {};
  if (st.visit_unit.is_nil()) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
