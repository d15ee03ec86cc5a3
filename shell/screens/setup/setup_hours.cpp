// The model units' opening hours and the morning greeting (样板间与早送宾) on
// the set-up screen: what they are, and a lead's sheet to change them. The
// duty windows on Today and in supervision follow (app/schedule); the times
// are read and checked by app::schedule::parse_hhmm and app::SetupService.
#include <cstdio>
#include <string>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/schedule/daily_duties.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/setup/setup_screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

std::string hhmm(std::int64_t minute) {
  char out[6];
  app::schedule::format_hhmm(static_cast<int>(minute), out);
  return out;
}

void open_hours_sheet(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  const app::EstateHours& h = ctx.session.setup().hours();
  st.hours_open = true;
  st.message.clear();
  st.model_opens = hhmm(h.model_opens);
  st.model_closes = hhmm(h.model_closes);
  st.greeting_from = hhmm(h.greeting_from);
  st.greeting_until = hhmm(h.greeting_until);
  st.round_from = hhmm(h.zone_round_from);
  st.round_until = hhmm(h.zone_round_until);
  st.close_grace = std::to_string(h.close_grace_minutes);
  st.hours_gate = 0;
  const auto gates = ctx.session.setup().gates();
  for (std::size_t i = 0; i < gates.size(); ++i) {
    if (gates[i]->id == h.gate) st.hours_gate = static_cast<int>(i) + 1;
  }
}

// The grace as typed: whole minutes, nothing else.
std::optional<std::int64_t> typed_minutes(const std::string& text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The times as typed, read; nothing when one is not a time.
std::optional<app::EstateHours> typed_hours(const SetupUi& st, const app::Id& gate) {
  const auto opens = app::schedule::parse_hhmm(st.model_opens), closes = app::schedule::parse_hhmm(st.model_closes);
  const auto from = app::schedule::parse_hhmm(st.greeting_from), until = app::schedule::parse_hhmm(st.greeting_until);
  const auto round_from = app::schedule::parse_hhmm(st.round_from), round_until = app::schedule::parse_hhmm(st.round_until);
  const auto grace = typed_minutes(st.close_grace);
  if (!opens || !closes || !from || !until || !round_from || !round_until || !grace) return std::nullopt;
  return app::EstateHours{.model_opens = *opens, .model_closes = *closes, .greeting_from = *from, .greeting_until = *until, .gate = gate,
                          .zone_round_from = *round_from, .zone_round_until = *round_until, .close_grace_minutes = *grace};
}

struct TimeField {
  const char* id;
  S label;
  std::string* value;
};

// Two times side by side, each under its label (a filled field shows no
// hint): the labels as one row, the fields as the next, so both line up.
void labelled_pair(const TimeField& a, const TimeField& b) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const float left = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(tr(a.label));
  ImGui::SameLine(left + half + gap);
  ImGui::TextUnformatted(tr(b.label));
  widgets::text_field(a.id, tr(S::setup_hours_example), a.value, half);
  ImGui::SameLine(left + half + gap);
  widgets::text_field(b.id, tr(S::setup_hours_example), b.value, half);
}

}  // namespace

void draw_setup_hours(ScreenContext& ctx, bool lead) {
  widgets::heading(tr(S::setup_hours_title));
  const app::EstateHours& h = ctx.session.setup().hours();
  const app::schedule::DutyWindow open = app::schedule::window_of(app::schedule::Duty::model_open, h);
  char line[256];
  std::snprintf(line, sizeof line, tr(S::setup_hours_model), hhmm(h.model_opens).c_str(), hhmm(h.model_closes).c_str(),
                hhmm(open.start_by).c_str());
  widgets::data_text(line);
  const std::string gate = ctx.session.setup().greeting_gate();
  std::snprintf(line, sizeof line, tr(S::setup_hours_greeting), hhmm(h.greeting_from).c_str(), hhmm(h.greeting_until).c_str(),
                gate.empty() ? tr(S::setup_hours_no_gate) : gate.c_str());
  widgets::data_text(line);
  std::snprintf(line, sizeof line, tr(S::setup_hours_rounds), hhmm(h.zone_round_from).c_str(), hhmm(h.zone_round_until).c_str(),
                static_cast<int>(h.close_grace_minutes));
  ImGui::PushTextWrapPos(0);
  widgets::data_text(line);
  ImGui::PopTextWrapPos();
  if (lead && widgets::button("setup_hours_edit", tr(S::setup_hours_edit), -1)) open_hours_sheet(ctx);
}

void draw_hours_sheet(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  if (!widgets::begin_modal("##setup_hours", st.hours_open, true, 0)) return;
  app::SetupService& setup = ctx.session.setup();
  widgets::heading(tr(S::setup_hours_title));
  widgets::begin_modal_body("##setup_hours_body", ui().touch() + ui().css(24));
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::setup_hours_hint));
  ImGui::PopTextWrapPos();
  labelled_pair({"hours_model_opens", S::setup_hours_opens, &st.model_opens}, {"hours_model_closes", S::setup_hours_closes, &st.model_closes});
  labelled_pair({"hours_greeting_from", S::setup_hours_from, &st.greeting_from},
                {"hours_greeting_until", S::setup_hours_until, &st.greeting_until});
  labelled_pair({"hours_round_from", S::setup_hours_round_from, &st.round_from},
                {"hours_round_until", S::setup_hours_round_until, &st.round_until});
  ImGui::TextUnformatted(tr(S::setup_hours_grace));
  widgets::text_field("hours_close_grace", "30", &st.close_grace);
  ImGui::TextUnformatted(tr(S::setup_hours_gate));
  const std::vector<const app::Checkpoint*> gates = setup.gates();
  std::vector<std::string> names{tr(S::setup_hours_no_gate)};
  for (const app::Checkpoint* c : gates) names.push_back(c->name);
  std::vector<const char*> labels;
  for (const auto& n : names) {
    ui().fonts->request_text(n.c_str());
    labels.push_back(n.c_str());
  }
  widgets::choices("hours_gate", labels.data(), static_cast<int>(labels.size()), &st.hours_gate);
  bool save = false;
  sheet_footer(st, "hours_save", "hours_cancel", &st.hours_open, &save);
  if (save) {
    const app::Id gate = st.hours_gate > 0 && st.hours_gate <= static_cast<int>(gates.size()) ? gates[st.hours_gate - 1]->id : app::Id{};
    if (auto hours = typed_hours(st, gate)) {
      sheet_finish(st, setup.set_hours(*hours), &st.hours_open);
    } else {
      st.message = tr(S::err_setup_time);
      st.message_ok = false;
    }
  }
  if (!st.hours_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
