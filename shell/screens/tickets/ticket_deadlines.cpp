// Settings · 工单时限: the deadlines every ticket runs on (domain.md §2–3).
// Everyone sees the numbers in force; a head butler or manager changes them
// with steppers and saves once. The Session refuses anyone else and insane
// numbers; this card only draws and collects.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
using Settings = app::tickets::Settings;

namespace shell {
namespace {

// What a setting counts, which says how it reads and how far it may go.
enum class Unit { days, minutes, percent, months };

struct Row {
  const char* id;
  S label;
  std::int64_t Settings::*value;
  Unit unit;
  int step;
};

constexpr Unit kDays = Unit::days, kMinutes = Unit::minutes;

constexpr Row kRows[] = {
    {"dl_major_resolve", S::dl_major_resolve, &Settings::major_resolve_days, kDays, 1},
    {"dl_major_answer", S::dl_major_answer, &Settings::major_answer_days, kDays, 1},
    {"dl_important_escalate", S::dl_important_escalate, &Settings::important_escalate_minutes, kMinutes, 5},
    {"dl_important_resolve", S::dl_important_resolve, &Settings::important_resolve_days, kDays, 1},
    {"dl_minor_resolve", S::dl_minor_resolve, &Settings::minor_resolve_days, kDays, 1},
    {"dl_repair_dispatch", S::dl_repair_dispatch, &Settings::repair_dispatch_minutes, kMinutes, 1},
    {"dl_onsite", S::dl_onsite, &Settings::onsite_minutes, kMinutes, 1},
    {"dl_callback", S::dl_callback, &Settings::callback_days, kDays, 1},
    {"dl_leak_callback", S::dl_leak_callback, &Settings::leak_callback_days, kDays, 1},
    {"dl_complaint_callback", S::dl_complaint_callback, &Settings::complaint_callback_days, kDays, 1},
    {"dl_recheck_percent", S::dl_recheck_percent, &Settings::recheck_percent, Unit::percent, 1},
    // Monthly or quarterly: 1 and 3, a step of 2 between them.
    {"dl_recheck_period", S::dl_recheck_period, &Settings::recheck_period_months, Unit::months, 2},
};

S unit_text(Unit u) {
  switch (u) {
    case Unit::days: return S::deadline_days;
    case Unit::minutes: return S::deadline_minutes;
    case Unit::percent: return S::deadline_percent;
    case Unit::months: return S::deadline_months;
  }
  return S::deadline_days;
}

std::int64_t highest(Unit u) {
  switch (u) {
    case Unit::days: return app::tickets::kMaxSettingDays;
    case Unit::minutes: return app::tickets::kMaxSettingMinutes;
    case Unit::percent: return app::tickets::kMaxRecheckPercent;
    case Unit::months: return 3;
  }
  return 1;
}

std::string amount(const Row& row, std::int64_t v) {
  char text[48];
  app::i18n::format_to(text, sizeof text, unit_text(row.unit), static_cast<int>(v));
  return text;
}

// One setting: its name on the left, the number (and − / ＋ when editing) on the right.
void setting_row(const Row& row, std::int64_t& value, bool editing) {
  const float side = ui().touch();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // Screen coordinates: inside a card, SameLine(x) counts from the card's indent.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float right = at.x + ImGui::GetContentRegionAvail().x;
  const float text_y = at.y + (side - ImGui::GetTextLineHeight()) * 0.5f;
  ImGui::SetCursorScreenPos(ImVec2(at.x, text_y));
  ImGui::TextUnformatted(tr(row.label));
  const std::string shown = amount(row, value);
  const float number_w = ui().css(96);
  const float number_x = editing ? right - side - gap - number_w : right - number_w;
  ImGui::SetCursorScreenPos(ImVec2(number_x + number_w - ImGui::CalcTextSize(shown.c_str()).x - (editing ? ui().css(12) : 0), text_y));
  widgets::data_text(shown, colors::primary);
  char id[48];
  std::snprintf(id, sizeof id, "%s:value", row.id);
  automation().record_last_item(id, shown.c_str(), "label");
  if (editing) {
    const std::int64_t low = 1, high = highest(row.unit);
    std::snprintf(id, sizeof id, "%s:less", row.id);
    ImGui::SetCursorScreenPos(ImVec2(number_x - side - gap, at.y));
    if (widgets::button(id, tr(S::slip_less), side, widgets::Tone::normal, value > low)) value = value - row.step < low ? low : value - row.step;
    std::snprintf(id, sizeof id, "%s:more", row.id);
    ImGui::SetCursorScreenPos(ImVec2(right - side, at.y));
    if (widgets::button(id, tr(S::slip_more), side, widgets::Tone::normal, value < high)) value = value + row.step > high ? high : value + row.step;
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + side + ui().css(4)));
  ImGui::Dummy(ImVec2(1, 0));
}

}  // namespace

namespace {
// The next button (fitted to `label`) beside the last, or on the next line
// when it would pass the card's edge (three of them do not fit a phone in English).
void beside_if_it_fits(const char* label) {
  ImGui::SameLine();
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}
}  // namespace

void draw_ticket_deadlines(ScreenContext& ctx) {
  TicketsUi& st = ctx.state.tickets;
  const bool lead = ctx.session.estate().lead_signed_in() && !ctx.session.read_only();
  if (!lead) st.deadlines_editing = false;
  widgets::begin_card("settings_deadlines");
  ImGui::TextUnformatted(tr(S::deadlines_title));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(lead ? S::deadlines_hint : S::deadlines_read_only));
  ImGui::PopTextWrapPos();
  Settings shown = st.deadlines_editing ? st.deadlines_draft : ctx.session.tickets().ticket_settings();
  for (const Row& row : kRows) setting_row(row, shown.*row.value, st.deadlines_editing);
  if (st.deadlines_editing) st.deadlines_draft = shown;
  if (lead && !st.deadlines_editing) {
    if (widgets::button("deadlines_edit", tr(S::deadlines_edit), 0)) {
      st.deadlines_draft = ctx.session.tickets().ticket_settings();
      st.deadlines_editing = true;
      st.deadlines_message.clear();
    }
  } else if (st.deadlines_editing) {
    const bool changed = !(st.deadlines_draft == ctx.session.tickets().ticket_settings());
    if (widgets::button("deadlines_save", tr(S::deadlines_save), 0, widgets::Tone::primary, changed)) {
      const app::Status saved = ctx.session.tickets().save_ticket_settings(st.deadlines_draft);
      st.deadlines_message = saved.ok() ? tr(S::deadlines_saved) : saved.error().message;
      if (saved.ok()) st.deadlines_editing = false;
    }
    beside_if_it_fits(tr(S::deadlines_defaults));
    if (widgets::button("deadlines_defaults", tr(S::deadlines_defaults), 0)) st.deadlines_draft = Settings{};
    beside_if_it_fits(tr(S::unit_cancel));
    if (widgets::button("deadlines_cancel", tr(S::unit_cancel), 0)) st.deadlines_editing = false;
  }
  if (!st.deadlines_message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(st.deadlines_message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("deadlines_message", st.deadlines_message.c_str(), "label");
  }
  widgets::end_card();
}

}  // namespace shell
