// Incidents (应急): one tap starts an emergency from Today or from the 应急
// section — the kind is all it takes (电梯困人 first and largest), the clock
// runs from that tap and the incident's page opens (incident_page.cpp). Today
// shows every incident still in progress in red, one tap from its page; the
// section lists those first, then the start buttons for every kind, then
// the recent ones with their time to rescue or their close.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"
#include "shell/ui/press_guard.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace inc = app::incidents;

namespace shell {
namespace {

const char* kind_name(inc::Kind k) {
  const inc::Checklist& c = inc::checklist_for(k);
  return app::i18n::current_language() == app::i18n::Lang::en ? c.en : c.zh;
}

std::string place_of(const app::Session& s, const app::Incident& i) {
  const std::string place = app::incident_place_label(i, s.master_data());
  return place.empty() ? std::string(tr(S::inc_place_unknown)) : place;
}

void start(ScreenContext& ctx, inc::Kind kind) {
  app::NewIncident n;
  n.kind = kind;
  const app::Result<app::Id> started = ctx.session.incidents().start_incident(n);
  if (!started.ok()) {
    ctx.state.incidents.message = started.error().message;
    return;
  }
  open_incident(ctx.state, started.value());
}

// The lift entrapment's button: the emergency a butler meets most, twice as
// tall as a touch target and in the title font, so it is found without reading.
bool big_button(const char* id, const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors::danger);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::danger);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::text);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  ImGui::PushFont(ui().fonts->title());
  ImGui::PushID(id);
  const bool pressed = widgets::fresh_press(ImGui::Button(label, ImVec2(ImGui::GetContentRegionAvail().x, ui().css(96))));
  ImGui::PopID();
  ImGui::PopFont();
  ImGui::PopStyleColor(4);
  automation().record_last_item(id, label, "button");
  return pressed;
}

// Every kind's start button; `prefix`:k is the kind's code.
void start_buttons(ScreenContext& ctx, const char* prefix) {
  char id[40];
  std::snprintf(id, sizeof id, "%s:0", prefix);
  if (big_button(id, kind_name(inc::Kind::lift_entrapment))) start(ctx, inc::Kind::lift_entrapment);
  const char* labels[inc::kKindCount];
  for (int k = 1; k < inc::kKindCount; ++k) labels[k - 1] = kind_name(static_cast<inc::Kind>(k));
  widgets::ButtonRow row(labels, inc::kKindCount - 1, ui().portrait ? 2 : 4);
  for (int k = 1; k < inc::kKindCount; ++k) {
    row.place();
    std::snprintf(id, sizeof id, "%s:%d", prefix, k);
    if (widgets::button(id, labels[k - 1], row.width())) start(ctx, static_cast<inc::Kind>(k));
  }
}

void incident_row(ScreenContext& ctx, const app::Incident& i, const char* id) {
  const std::string title = std::string(kind_name(i.kind)) + " · " + place_of(ctx.session, i);
  char sub[200];
  std::snprintf(sub, sizeof sub, tr(S::inc_started_line), short_time(ctx.session.local(i.started_ms)).c_str(),
                ctx.session.estate().staff_name(i.started_by).c_str());
  std::string pill;
  ImU32 color = colors::ok;
  if (!i.closed()) {
    pill = std::string(tr(S::inc_status_open)) + " " + incident_duration(ctx.session.now_ms() - i.started_ms);
    color = colors::danger;
  } else if (auto rescue = inc::time_to_rescue_ms(i)) {
    char text[96];
    std::snprintf(text, sizeof text, tr(S::inc_rescue_pill),
                  app::finished_duration(*rescue, app::i18n::current_language()).c_str());  // the report's figure
    pill = text;
  } else {
    pill = tr(S::inc_status_closed);
    color = colors::muted;
  }
  if (widgets::list_row(id, title.c_str(), sub, pill.c_str(), color)) open_incident(ctx.state, i.id);
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill.c_str(), "label");
}

void message(ScreenContext& ctx) {
  const std::string& m = ctx.state.incidents.message;
  if (m.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", m.c_str());
  ImGui::PopTextWrapPos();
  automation().record_last_item("incident_message", m.c_str(), "banner");
}

// The kinds, over Today: one tap on one starts it.
void start_sheet(ScreenContext& ctx) {
  IncidentsUi& st = ctx.state.incidents;
  if (!widgets::begin_modal("##incident_start", st.start_open, true, ui().portrait ? 0 : 900)) return;
  widgets::heading(tr(S::inc_start_title));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::inc_start_hint));
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  start_buttons(ctx, "incident_kind");
  message(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  if (widgets::button("incident_start_cancel", tr(S::inc_cancel), -1, widgets::Tone::quiet)) st.start_open = false;
  if (!st.start_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace

std::string incident_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  const std::int64_t s = ms / 1000;
  char text[64];
  if (s >= 3600) std::snprintf(text, sizeof text, tr(S::inc_duration_hours), static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60));
  else std::snprintf(text, sizeof text, tr(S::inc_duration), static_cast<int>(s / 60), static_cast<int>(s % 60));
  return text;
}

void open_incident(ShellState& st, const app::Id& incident) {
  show_register(st, "incidents");
  st.incidents.incident = incident;
  st.incidents.report = false;
  st.incidents.start_open = false;
  st.incidents.message.clear();
}

void draw_incidents(ScreenContext& ctx) {
  IncidentsUi& st = ctx.state.incidents;
  if (!st.incident.is_nil()) {
    if (const app::Incident* i = ctx.session.incidents().incident(st.incident)) {
      draw_incident_page(ctx, *i);
      return;
    }
    st.incident = {};
  }
  widgets::heading(tr(S::inc_section_open));
  const std::vector<const app::Incident*> in_progress = ctx.session.incidents().open_incidents();
  if (in_progress.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::inc_none_open));
  int index = 0;
  for (const app::Incident* i : in_progress) {
    char id[32];
    std::snprintf(id, sizeof id, "incident_open:%d", index++);
    incident_row(ctx, *i, id);
  }
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  widgets::heading(tr(S::inc_section_start));
  start_buttons(ctx, "incident_start");
  message(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  widgets::heading(tr(S::inc_section_recent));
  index = 0;
  for (const app::Incident* i : ctx.session.incidents().recent_incidents()) {
    if (!i->closed()) continue;  // listed above
    char id[32];
    std::snprintf(id, sizeof id, "incident:%d", index++);
    incident_row(ctx, *i, id);
  }
  if (index == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::inc_none_recent));
}

void draw_incidents_today(ScreenContext& ctx) {
  if (!ctx.session.has_data()) return;
  // In progress: first on Today, in red, one tap from the page.
  int index = 0;
  // A row as in the incident list (kind and place, who started it, how long
  // it has run in red): its words fit a phone, where one button's did not.
  for (const app::Incident* i : ctx.session.incidents().open_incidents()) {
    char id[32];
    std::snprintf(id, sizeof id, "today_incident:%d", index++);
    incident_row(ctx, *i, id);
  }
  if (widgets::button("today_incident_start", tr(S::inc_start_button), -1)) {
    ctx.state.incidents.start_open = true;
    ctx.state.incidents.message.clear();
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  start_sheet(ctx);
}

}  // namespace shell
