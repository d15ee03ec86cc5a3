// One incident while it is handled: the kind, the clock running since the
// tap that started it (big), where it is (for a lift: its number, where it
// is and the floor it stopped at; otherwise the place), the kind's checklist
// stamped step by step (incident_steps.cpp), the people involved, notes and
// photos, and the close with its outcome. Once closed — or whenever asked —
// the report (incident_report_view.cpp). Landscape: the checklist on the
// left, the rest on the right, both in reach without scrolling.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/incidents/incident_clock.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace inc = app::incidents;

namespace shell {
namespace {

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

bool done(IncidentsUi& st, const app::Status& s, int where = 0) {
  st.message = s.ok() ? std::string() : s.error().message;
  st.message_at = where;
  return s.ok();
}

// Where: shown once known, with a button to change it; the fields until then.
void place(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  const bool lift = i.kind == inc::Kind::lift_entrapment;
  const std::string known = app::incident_place_label(i, ctx.session.master_data());
  label(S::inc_where);
  if (!st.place_editing && (!known.empty() || i.closed())) {
    std::string line = known;
    if (lift) {
      if (!i.lift_number.empty()) line += std::string(" · ") + tr(S::incident_report_lift_number) + " " + i.lift_number;
      if (i.has_lift_floor) {
        char floor[32];
        std::snprintf(floor, sizeof floor, tr(S::incident_floor), static_cast<int>(i.lift_floor));
        line += std::string(" · ") + floor;
      }
    }
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line.empty() ? std::string(tr(S::inc_place_unknown)) : line, colors::text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("incident_place", line.c_str(), "label");
    if (!i.closed() && widgets::button("incident_place_edit", tr(S::inc_place_edit))) {
      st.place_editing = true;
      st.lift_number = i.lift_number;
      st.lift_location = i.lift_location;
      st.place = i.place;
      st.lift_floor = i.has_lift_floor ? std::to_string(i.lift_floor) : std::string();
    }
    return;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // Two rows: what identifies it, then where it is with the save at its end.
  if (lift) {
    const float third = (ImGui::GetContentRegionAvail().x - gap) / 3;
    widgets::text_field("incident_lift_number", tr(S::inc_lift_number_hint), &st.lift_number, third * 2);
    ImGui::SameLine();
    widgets::number_field("incident_lift_floor", tr(S::inc_lift_floor_hint), &st.lift_floor, third);
  }
  const float save_w = ImGui::CalcTextSize(tr(S::inc_place_save)).x + ui().css(40);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float right = at.x + ImGui::GetContentRegionAvail().x;
  if (lift) widgets::text_field("incident_lift_location", tr(S::inc_lift_location_hint), &st.lift_location, right - at.x - save_w - gap);
  else widgets::text_field("incident_place_text", tr(S::inc_place_hint), &st.place, right - at.x - save_w - gap);
  ImGui::SetCursorScreenPos(ImVec2(right - save_w, at.y));
  if (widgets::button("incident_place_save", tr(S::inc_place_save), save_w, widgets::Tone::primary)) {
    app::IncidentPlace where;
    where.place = st.place;
    where.lift_number = st.lift_number;
    where.lift_location = st.lift_location;
    if (!st.lift_floor.empty()) {
      char* end = nullptr;
      const long floor = std::strtol(st.lift_floor.c_str(), &end, 10);
      if (!end || *end != 0) {
        st.message = tr(S::inc_floor_not_number);
        st.message_at = 0;
        return;
      }
      where.lift_floor = floor;
    }
    if (done(st, ctx.session.incidents().set_incident_place(i.id, where))) st.place_editing = false;
  }
}

// A text field and its 添加 button on one row.
bool add_row(const char* field, const char* button, S hint, std::string* value) {
  const float add_w = ui().css(96);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float right = at.x + ImGui::GetContentRegionAvail().x;
  widgets::text_field(field, tr(hint), value, right - at.x - add_w - gap);
  ImGui::SetCursorScreenPos(ImVec2(right - add_w, at.y));
  return widgets::button(button, tr(S::inc_add), add_w);
}

void people_and_notes(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  label(S::incident_report_people);
  if (!i.people.empty()) {
    std::string all;
    for (const std::string& p : i.people) all += (all.empty() ? "" : "、") + p;
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(all, colors::text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("incident_people", all.c_str(), "label");
  }
  if (!i.closed() && add_row("incident_person", "incident_person_add", S::inc_person_hint, &st.person)) {
    if (done(st, ctx.session.incidents().add_incident_person(i.id, st.person))) st.person.clear();
  }
  ImGui::Dummy(ImVec2(0, ui().css(6)));
  label(S::inc_notes);
  int index = 0;
  for (const app::IncidentNote& n : i.notes) {
    const std::string line = short_time(ctx.session.local(n.at_ms)) + "  " + n.text + " · " + ctx.session.estate().staff_name(n.by);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, colors::text);
    ImGui::PopTextWrapPos();
    char id[32];
    std::snprintf(id, sizeof id, "incident_note:%d", index++);
    automation().record_last_item(id, line.c_str(), "label");
  }
  if (!i.closed() && add_row("incident_note", "incident_note_add", S::inc_note_hint, &st.note)) {
    if (done(st, ctx.session.incidents().add_incident_note(i.id, st.note))) st.note.clear();
  }
}

void photos(ScreenContext& ctx, const app::Incident& i) {
  const auto list = ctx.session.estate().photos_of(i.id);
  char text[64];
  std::snprintf(text, sizeof text, tr(S::inc_photo_count), static_cast<int>(list.size()));
  if (widgets::button("incident_photo", text, 0, widgets::Tone::normal, !ctx.photos.busy())) {
    const app::Id id = i.id;
    ctx.photos.capture([&session = ctx.session, id](const std::string& sha) {
      const auto r = session.incidents().add_incident_photo(id, sha);
      return r.ok() ? app::ok_status() : app::Status(r.error());
    });
  }
  widgets::photo_strip("incident_photo_tile", list, ui().touch(), true);
  if (!ctx.photos.message().empty()) ImGui::TextWrapped("%s", ctx.photos.message().c_str());
}

// One report: who filed it, or its account and the button (or why not this user).
void report_form(ScreenContext& ctx, const app::Incident& i, inc::ReportForm form, S title, std::string* draft, const char* field,
                 const char* button, bool allowed) {
  IncidentsUi& st = ctx.state.incidents;
  label(title);
  if (const app::FiledReport* r = i.report(form)) {
    char line[160];
    std::snprintf(line, sizeof line, tr(S::inc_report_filed), ctx.session.estate().staff_name(r->by).c_str());
    widgets::data_text(line, colors::ok);
    automation().record_last_item(field, line, "label");
    return;
  }
  if (!allowed) {
    widgets::data_text(tr(S::inc_major_manager_only), colors::muted);
    automation().record_last_item(field, tr(S::inc_major_manager_only), "label");
    return;
  }
  widgets::text_field(field, tr(S::inc_report_hint), draft);
  if (widgets::button(button, tr(S::inc_report_file), -1)) {
    const auto r = ctx.session.incidents().file_incident_report(i.id, form, *draft);
    if (done(st, r.ok() ? app::ok_status() : app::Status(r.error()), 2)) draft->clear();
  }
}

// 001: every incident is closed with its 特别事件报告; 000:819: a lift also with
// the 重大事故报告表, the department manager's (the manager's) to file.
void filed_reports(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  report_form(ctx, i, inc::ReportForm::special, S::inc_special_report, &st.special_report, "incident_special_report",
              "incident_special_file", true);
  if (inc::needs_major_report(i.kind)) {
    report_form(ctx, i, inc::ReportForm::major, S::inc_major_report, &st.major_report, "incident_major_report", "incident_major_file",
                ctx.session.incidents().may_file_major_report());
  }
  ImGui::Dummy(ImVec2(0, ui().css(6)));
}

void close_card(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  if (i.closed()) {
    label(S::incident_report_outcome);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(i.outcome, colors::text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("incident_outcome", i.outcome.c_str(), "label");
    return;
  }
  widgets::begin_card("incident_close_card");
  filed_reports(ctx, i);
  label(S::inc_close_title);
  widgets::text_field("incident_outcome_field", tr(S::inc_outcome_hint), &st.outcome);
  if (widgets::button("incident_close", tr(S::inc_close), -1, widgets::Tone::primary)) {
    if (done(st, ctx.session.incidents().close_incident(i.id, st.outcome), 2)) {
      st.outcome.clear();
      st.report = true;  // what the butler wants next: the report
    }
  }
  draw_incident_message(st, 2);
  widgets::end_card();
}

}  // namespace

void draw_incident_message(const IncidentsUi& st, int where) {
  if (st.message.empty() || st.message_at != where) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.message.c_str());
  ImGui::PopTextWrapPos();
  automation().record_last_item("incident_message", st.message.c_str(), "banner");
}

void draw_incident_page(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  if (st.drafts_for != st.incident) {
    // Another incident: its own drafts.
    st.drafts_for = st.incident;
    st.step_note.clear();
    st.step_ago = 0;
    st.correcting.clear();
    st.place_editing = false;
    st.place.clear();
    st.lift_number.clear();
    st.lift_location.clear();
    st.lift_floor.clear();
    st.person.clear();
    st.note.clear();
    st.outcome.clear();
    st.call_name.clear();
    st.call_minutes.clear();
    st.special_report.clear();
    st.major_report.clear();
    st.printed = false;
  }
  if (st.report) st.clock_scrolled_away = false;
  claim_pinned_clock(st);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("incident_back", tr(S::inc_back), half, widgets::Tone::quiet)) {
    st.incident = {};
    st.message.clear();
    return;
  }
  ImGui::SameLine();
  if (widgets::button("incident_report_toggle", tr(st.report ? S::inc_report_hide : S::inc_report_show), half)) st.report = !st.report;
  if (st.report) {
    draw_incident_report(ctx, i);
    return;
  }
  const inc::Checklist& c = inc::checklist_for(i.kind);
  const std::string title = std::string(app::i18n::current_language() == app::i18n::Lang::en ? c.en : c.zh) + " · " +
                            tr(i.closed() ? S::inc_status_closed : S::inc_status_open);
  ui().fonts->request_title_text(title);
  widgets::heading(title.c_str());
  automation().record_last_item("incident_title", title.c_str(), "label");
  const IncidentClock clock_line = draw_incident_clock(ctx, i);
  draw_incident_message(st, 0);
  const bool columns = !ui().portrait;
  if (columns) {
    ImGui::BeginTable("##incident_columns", 2, ImGuiTableFlags_SizingStretchSame);
    ImGui::TableNextColumn();
  }
  if (!columns) place(ctx, i);
  ImGui::Dummy(ImVec2(0, ui().css(6)));
  draw_incident_steps(ctx, i);
  if (columns) {
    ImGui::TableNextColumn();
    place(ctx, i);
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  people_and_notes(ctx, i);
  ImGui::Dummy(ImVec2(0, ui().css(6)));
  photos(ctx, i);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  close_card(ctx, i);
  if (columns) ImGui::EndTable();
  draw_pinned_clock(st, clock_line);
}

}  // namespace shell
