// An incident's checklist (incidents::checklist_for(kind).steps, in the
// order a butler acts): each step still to do is one big button that stamps
// it now, with the note typed above it; a step done a while ago takes the
// time it happened from the 5/10/15 分钟前 chips instead of a time picker.
// "If needed" steps (119, the fire service) are drawn quieter and say so;
// the step the incident cannot close without says that too. A step done
// shows its time, the minutes since the start, who stamped it and its note,
// and its time can be corrected minute by minute.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"
#include "shell/ui/press_guard.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace inc = app::incidents;

namespace shell {
namespace {

constexpr int kAgoMinutes[] = {0, 5, 10, 15};
constexpr std::int64_t kMinute = 60000;

std::string hhmm(const app::Session& s, std::int64_t ms) {
  const app::LocalTime t = s.local(ms);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", t.minute / 60, t.minute % 60);
  return text;
}

// A button whose words wrap over as many lines as they need (a step of the
// manual is often a sentence), at least one touch target tall.
bool wrapped_button(const char* id, const std::string& text, widgets::Tone tone) {
  ui().fonts->request_text(text.c_str());  // the manual's wording is data, not catalogue text
  const float pad = ui().css(14);
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - pad * 2);
  const float height = std::max(ui().touch(), size.y + pad * 2);
  const ImU32 fill = tone == widgets::Tone::primary ? colors::primary : tone == widgets::Tone::danger ? colors::danger : colors::button;
  const ImU32 ink = tone == widgets::Tone::normal ? colors::text : IM_COL32_WHITE;
  ImGui::PushID(id);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = widgets::fresh_press(ImGui::InvisibleButton("##step", ImVec2(width, height)));
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), held ? colors::text : fill, ImGui::GetStyle().FrameRounding);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad, at.y + (height - size.y) * 0.5f), held ? IM_COL32_WHITE : ink,
              text.c_str(), nullptr, width - pad * 2);
  ImGui::PopID();
  automation().record_last_item(id, text.c_str(), "button");
  return pressed;
}

void correction(ScreenContext& ctx, const app::Incident& i, const inc::StepDef& def) {
  IncidentsUi& st = ctx.state.incidents;
  const std::string when = hhmm(ctx.session, st.correct_ms);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%s %s", tr(S::inc_correct), when.c_str());
  automation().record_last_item("incident_correct_time", when.c_str(), "label");
  const S chips[] = {S::inc_minus5, S::inc_minus1, S::inc_plus1, S::inc_plus5};
  const int delta[] = {-5, -1, 1, 5};
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
  for (int k = 0; k < 4; ++k) {
    if (k) ImGui::SameLine();
    char id[40];
    std::snprintf(id, sizeof id, "incident_correct_by:%d", delta[k]);
    if (widgets::button(id, tr(chips[k]), w)) st.correct_ms += delta[k] * kMinute;
  }
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("incident_correct_save", tr(S::inc_correct_save), half, widgets::Tone::primary)) {
    const app::Status s = ctx.session.incidents().correct_incident_step(i.id, def.key, st.correct_ms);
    st.message = s.ok() ? std::string() : s.error().message;
    st.message_at = 1;
    if (s.ok()) st.correcting.clear();
  }
  ImGui::SameLine();
  if (widgets::button("incident_correct_cancel", tr(S::inc_cancel), half)) st.correcting.clear();
}

void done_step(ScreenContext& ctx, const app::Incident& i, const inc::StepDef& def, const app::IncidentStep& step, int n) {
  IncidentsUi& st = ctx.state.incidents;
  const bool en = app::i18n::current_language() == app::i18n::Lang::en;
  const std::string what = std::to_string(n) + ". " + (en ? def.en : def.zh);
  ui().fonts->request_text(what.c_str());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", what.c_str());
  ImGui::PopTextWrapPos();
  std::string line = hhmm(ctx.session, step.happened_ms) + "  ";
  const std::int64_t since = step.happened_ms - i.started_ms;
  if (since < kMinute / 2) {
    line += tr(S::inc_at_start);
  } else {
    char after[64];
    std::snprintf(after, sizeof after, tr(S::incident_after_start), static_cast<int>(app::whole_minutes(since)));
    line += after;
  }
  if (const std::string by = ctx.session.estate().staff_name(step.by); !by.empty()) line += " · " + by;
  if (!step.note.empty()) line += " · " + step.note;
  if (step.corrected) line += std::string(" · ") + tr(S::incident_time_corrected);
  const float correct_w = ImGui::CalcTextSize(tr(S::inc_correct)).x + ui().css(32);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float right = at.x + ImGui::GetContentRegionAvail().x;
  const bool can_correct = !i.closed() && st.correcting != def.key;
  ImGui::PushTextWrapPos(can_correct ? ImGui::GetCursorPosX() + right - at.x - correct_w - ui().css(8) : 0.0f);
  ImGui::AlignTextToFramePadding();
  widgets::data_text(line, colors::muted);
  ImGui::PopTextWrapPos();
  char id[64];
  std::snprintf(id, sizeof id, "incident_done:%s", def.key);
  automation().record_last_item(id, (what + " · " + line).c_str(), "label");
  if (can_correct) {
    const float after_y = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(right - correct_w, at.y));
    std::snprintf(id, sizeof id, "incident_correct:%s", def.key);
    if (widgets::button(id, tr(S::inc_correct), correct_w, widgets::Tone::quiet)) {
      st.correcting = def.key;
      st.correct_ms = step.happened_ms;
    }
    if (ImGui::GetCursorScreenPos().y < after_y) ImGui::SetCursorScreenPos(ImVec2(at.x, after_y));
  }
  if (st.correcting == def.key) correction(ctx, i, def);
}

}  // namespace

void draw_incident_steps(ScreenContext& ctx, const app::Incident& i) {
  IncidentsUi& st = ctx.state.incidents;
  const inc::Checklist& c = inc::checklist_for(i.kind);
  const bool en = app::i18n::current_language() == app::i18n::Lang::en;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::inc_checklist));
  if (!i.closed()) {
    // When the next step happened, and its note.
    char texts[std::size(kAgoMinutes)][32];
    const char* labels[std::size(kAgoMinutes)];
    for (std::size_t k = 0; k < std::size(kAgoMinutes); ++k) {
      if (k == 0) std::snprintf(texts[k], sizeof texts[k], "%s", tr(S::inc_when_now));
      else std::snprintf(texts[k], sizeof texts[k], tr(S::inc_when_ago), kAgoMinutes[k]);
      labels[k] = texts[k];
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::inc_when));
    ImGui::SameLine();
    ImGui::BeginGroup();
    widgets::choices("incident_when", labels, static_cast<int>(std::size(kAgoMinutes)), &st.step_ago);
    ImGui::EndGroup();
    widgets::text_field("incident_step_note", tr(S::inc_step_note_hint), &st.step_note);
  }
  int n = 0;
  for (const inc::StepDef& def : c.steps) {
    ++n;
    ImGui::Dummy(ImVec2(0, ui().css(2)));
    if (const app::IncidentStep* step = i.step(def.key)) {
      done_step(ctx, i, def, *step, n);
      continue;
    }
    std::string text = std::to_string(n) + ". " + (en ? def.en : def.zh);
    if (def.if_needed) text += std::string("（") + tr(S::inc_if_needed) + "）";
    if (def.needed_to_close) text += std::string("（") + tr(S::inc_needed_to_close) + "）";
    char id[64];
    std::snprintf(id, sizeof id, "incident_step:%s", def.key);
    if (i.closed()) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", text.c_str());
      ImGui::PopTextWrapPos();
      automation().record_last_item(id, text.c_str(), "label");
      continue;
    }
    const bool call = def.key == inc::kLiftCallStep;
    if (call) {  // 001 須詢問對方姓名、預計可到達現場時間: asked before the step is stamped
      const float gap = ImGui::GetStyle().ItemSpacing.x;
      const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
      widgets::text_field("incident_call_name", tr(S::inc_call_name_hint), &st.call_name, half);
      ImGui::SameLine();
      widgets::number_field("incident_call_minutes", tr(S::inc_call_minutes_hint), &st.call_minutes, half);
    }
    if (wrapped_button(id, text, def.if_needed ? widgets::Tone::normal : widgets::Tone::primary)) {
      const int ago = kAgoMinutes[st.step_ago];
      const std::int64_t happened = ago ? ctx.session.now_ms() - ago * kMinute : 0;
      app::StepDetails details;
      if (call) {
        details.contact_name = st.call_name;
        const long minutes = std::strtol(st.call_minutes.c_str(), nullptr, 10);
        if (minutes > 0) details.expected_arrival_ms = ctx.session.now_ms() + minutes * kMinute;
      }
      const app::Status s = ctx.session.incidents().record_incident_step(i.id, def.key, st.step_note, happened, details);
      st.message = s.ok() ? std::string() : s.error().message;
      st.message_at = 1;
      if (s.ok()) {
        st.step_note.clear();
        st.step_ago = 0;
      }
    }
  }
  draw_incident_message(st, 1);
}

}  // namespace shell
