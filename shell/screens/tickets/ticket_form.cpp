// The new-ticket sheet, opened from the top bar on every screen: the unit
// (search by room, name, pinyin initials or phone tail; or a public area),
// who, the channel, kind and severity with the deadlines they bring, what
// happened and what the owner wants. Saved as received (首问负责制: the
// person holding the tablet owns it) and opened on its page.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/domain/views.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/unit_matches.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

constexpr int kRequestedDays[] = {0, 1, 2, 3, 5, 7};
constexpr int kMatchesShown = 6;

void label(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

// The unit: once picked, one line and "change"; until then the search.
void unit_picker(ScreenContext& ctx, TicketDraft& d) {
  label(S::ticket_unit);
  if (!d.unit.is_nil()) {
    const app::UnitRow* row = ctx.session.estate().unit_row(d.unit);
    std::string line = row ? row->label : d.unit.to_hex();
    if (row && !row->owner_name.empty()) line += " · " + row->owner_name + " " + row->masked_phone;
    const float change_w = ImGui::CalcTextSize(tr(S::ticket_unit_change)).x + ui().css(40);
    // Screen coordinates: in a table cell, SameLine(x) does not count from the cell.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float right = at.x + ImGui::GetContentRegionAvail().x;
    ImGui::AlignTextToFramePadding();
    widgets::data_text(line, colors::text);
    automation().record_last_item("ticket_unit_picked", line.c_str(), "label");
    ImGui::SetCursorScreenPos(ImVec2(right - change_w, at.y));
    if (widgets::button("ticket_unit_change", tr(S::ticket_unit_change), change_w)) {
      // Who was filled in from this unit's record goes with it.
      if (row && d.owner == row->owner_name) d.owner.clear();
      if (d.phone_on_record) d.phone.clear();
      d.phone_on_record = false;
      d.unit = {};
    }
    return;
  }
  if (d.public_area) {
    if (widgets::button("ticket_public_area", tr(S::ticket_public_area), -1, widgets::Tone::primary)) d.public_area = false;
    return;
  }
  widgets::text_field("ticket_unit_search", tr(S::ticket_unit_search), &d.unit_query);
  if (d.unit_query != d.matched_query || !d.matches_valid) {
    d.matches = d.unit_query.empty() ? std::vector<std::size_t>{} : ctx.session.estate().search_units(d.unit_query);
    d.matched_query = d.unit_query;
    d.matches_valid = true;
  }
  auto pick = [&](const app::UnitRow& row) {
    d.unit = row.id;
    // The owner on record is who usually calls; the butler corrects it if not.
    if (d.owner.empty()) d.owner = row.owner_name;
    if (d.phone.empty()) {
      for (const app::Resident* r : ctx.session.estate().residents_of(row.id)) {
        if (r->owner && !r->phone.empty()) {
          d.phone = r->phone;
          d.phone_on_record = true;
          break;
        }
      }
    }
  };
  if (const app::UnitRow* row = draw_unit_matches(ctx, "ticket_unit", d.matches, kMatchesShown)) pick(*row);
  if (d.unit_query.empty()) {
    if (const app::UnitRow* row = browse_units(ctx.session, d)) pick(*row);
  }
  if (d.matches.empty() && !d.unit_query.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::ticket_unit_pick_hint));
  if (widgets::button("ticket_public_area", tr(S::ticket_public_area), -1, widgets::Tone::normal)) d.public_area = true;
}

// What the chosen class commits the centre to, so the butler sees it before
// saving: the numbers are the deadline settings in force (Settings · 工单时限).
void deadline_rules(const TicketDraft& d, const tk::Settings& set) {
  const tk::Kind kind = tk::kAllKinds[d.kind];
  std::string rules;
  char part[160];
  auto add = [&](const char* text) {
    if (!rules.empty()) rules += " · ";
    rules += text;
  };
  if (kind == tk::Kind::repair) {
    app::i18n::format_to(part, sizeof part, S::ticket_rule_repair, static_cast<int>(set.repair_dispatch_minutes));
    add(part);
  }
  // A repair runs on repair rules (000 6.4): the slip and the appointment, no complaint clocks.
  if (kind != tk::Kind::inquiry && kind != tk::Kind::suggestion && kind != tk::Kind::repair) {
    if (d.severity == 0) {
      app::i18n::format_to(part, sizeof part, S::ticket_rule_major, static_cast<int>(set.major_answer_days), static_cast<int>(set.major_resolve_days));
    } else if (d.severity == 1) {
      app::i18n::format_to(part, sizeof part, S::ticket_rule_important, static_cast<int>(set.important_escalate_minutes),
                    static_cast<int>(set.important_resolve_days));
    } else {
      app::i18n::format_to(part, sizeof part, S::ticket_rule_minor, static_cast<int>(set.minor_resolve_days));
    }
    add(part);
  }
  const tk::Severity severity = tk::kAllSeverities[d.severity];
  if (tk::deadlines_for(kind, severity, 0, 0, 0, false, set, tk::made_in_person(d.channel)).onsite_by) {
    app::i18n::format_to(part, sizeof part, S::ticket_rule_onsite, static_cast<int>(set.onsite_minutes));
    add(part);
  }
  if (rules.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(d.severity == 0 ? colors::danger : colors::primary), "%s", rules.c_str());
  ImGui::PopTextWrapPos();
  automation().record_last_item("ticket_rules", rules.c_str(), "label");
}

// The left half: the unit, what happened, what the owner wants, who.
void who_and_what(ScreenContext& ctx, TicketDraft& d) {
  unit_picker(ctx, d);
  label(S::ticket_what);
  widgets::text_field("ticket_what", tr(S::ticket_what), &d.what);
  label(S::ticket_wants);
  widgets::text_field("ticket_wants", tr(S::ticket_wants), &d.wants);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const tk::Kind kind = tk::kAllKinds[d.kind];
  if (kind == tk::Kind::valid_complaint || tk::is_communication_complaint(kind)) {
    // 000:257 "详细记录…被投诉人及被投诉部门": who, which department, or both.
    label(S::ticket_complained_person);
    widgets::text_field("ticket_complained_person", tr(S::ticket_complained_person), &d.complained_person, half);
    ImGui::SameLine();
    widgets::text_field("ticket_complained_department", tr(S::ticket_complained_department), &d.complained_department, half);
  }
  label(S::ticket_owner);
  widgets::text_field("ticket_owner", tr(S::ticket_owner), &d.owner, half);
  ImGui::SameLine();
  if (!d.phone_on_record) {
    widgets::text_field("ticket_phone", tr(S::ticket_phone), &d.phone, half);
    return;
  }
  // The number on record, masked as in the lists (the owner's privacy, a
  // screen seen over the counter); 修改 when someone else is calling.
  const float change_w = ImGui::CalcTextSize(tr(S::ticket_phone_edit)).x + ui().css(40);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::AlignTextToFramePadding();
  const std::string masked = app::mask_phone(d.phone);
  widgets::data_text(masked, colors::text);
  automation().record_last_item("ticket_phone_masked", masked.c_str(), "label");
  ImGui::SetCursorScreenPos(ImVec2(at.x + half - change_w, at.y));
  if (widgets::button("ticket_phone_change", tr(S::ticket_phone_edit), change_w)) {
    d.phone_on_record = false;
    d.phone.clear();
  }
}

// The right half: channel, kind, severity and the deadlines they bring.
void classification(TicketDraft& d, const tk::Settings& set) {
  label(S::ticket_channel);
  const char* channels[tk::kChannels];
  for (int k = 0; k < tk::kChannels; ++k) channels[k] = tr(tk::channel_label(k));
  widgets::choices("ticket_channel", channels, tk::kChannels, &d.channel, 3);
  if (d.channel == tk::kNightLogChannel) {
    // 001: received when the control room logged it; registering here is the hand-over.
    label(S::ticket_night_logged_at);
    widgets::number_field("ticket_night_time", tr(S::ticket_night_logged_at), &d.night_logged_at);
  }
  label(S::ticket_kind);
  const char* kinds[std::size(tk::kAllKinds)];
  for (std::size_t k = 0; k < std::size(tk::kAllKinds); ++k) kinds[k] = tr(tk::kind_label(tk::kAllKinds[k]));
  widgets::choices("ticket_kind", kinds, static_cast<int>(std::size(tk::kAllKinds)), &d.kind, 4);
  label(S::ticket_severity);
  const char* severities[] = {tr(S::ticket_sev_major), tr(S::ticket_sev_important), tr(S::ticket_sev_minor)};
  widgets::choices("ticket_severity", severities, 3, &d.severity);
  deadline_rules(d, set);
  // The owner's date is a minor complaint's (000:265 "在住户要求的期限内解决"); a repair has its appointment.
  if (tk::kAllSeverities[d.severity] != tk::Severity::minor || tk::kAllKinds[d.kind] == tk::Kind::repair) return;
  label(S::ticket_requested);
  char texts[std::size(kRequestedDays)][32];
  const char* requested[std::size(kRequestedDays)];
  for (std::size_t k = 0; k < std::size(kRequestedDays); ++k) {
    if (k == 0) std::snprintf(texts[k], sizeof texts[k], "%s", tr(S::ticket_requested_none));
    else app::i18n::format_to(texts[k], sizeof texts[k], S::ticket_requested_days, kRequestedDays[k]);
    requested[k] = texts[k];
  }
  widgets::choices("ticket_requested", requested, static_cast<int>(std::size(kRequestedDays)), &d.requested_days, 3);
}

void save(ScreenContext& ctx, TicketsUi& ui_state) {
  TicketDraft& d = ui_state.draft;
  app::NewTicket t;
  t.unit = d.unit;
  t.owner = d.owner;
  t.phone = d.phone;
  t.what = d.what;
  t.wants = d.wants;
  if (const tk::Kind k = tk::kAllKinds[d.kind]; k == tk::Kind::valid_complaint || tk::is_communication_complaint(k)) {
    t.complained_person = d.complained_person;
    t.complained_department = d.complained_department;
  }
  t.channel = d.channel;
  if (d.channel == tk::kNightLogChannel) t.night_logged_at = d.night_logged_at;
  t.kind = tk::kAllKinds[d.kind];
  t.severity = tk::kAllSeverities[d.severity];
  t.classified = true;  // the sheet's class is the butler's judgement at receipt
  if (d.requested_days > 0) t.requested_ms = ctx.session.now_ms() + static_cast<std::int64_t>(kRequestedDays[d.requested_days]) * 86400000;
  const app::Result<app::Id> saved = ctx.session.tickets().open_ticket(t);
  if (!saved.ok()) {
    ui_state.form_message = saved.error().message;
    return;
  }
  ui_state.form_open = false;
  ui_state.form_message.clear();
  const auto on_saved = d.on_saved;
  const app::Id origin = d.origin;
  ui_state.draft = TicketDraft{};
  ui_state.open = saved.value();
  ctx.state.screen = Screen::tickets;
  // The record it was started from keeps the ticket (and may show itself again).
  if (on_saved) on_saved(ctx, origin, saved.value());
}

}  // namespace

void open_ticket_form(ShellState& st, const app::Id& unit) {
  st.tickets.form_open = true;
  st.tickets.form_message.clear();
  st.tickets.draft = TicketDraft{};
  st.tickets.draft.unit = unit;
}

void draw_ticket_form(ScreenContext& ctx) {
  TicketsUi& t = ctx.state.tickets;
  // Landscape: a wide sheet, who and what on the left, how it is classed on the right.
  const bool columns = !ui().portrait;
  if (!widgets::begin_modal("##ticket_form", t.form_open, true, columns ? 1100 : 0)) return;
  TicketDraft& d = t.draft;
  widgets::heading(tr(S::ticket_form_title));
  // A refusal shows above the buttons, in view whatever the form's scroll
  // (at the end of a long form it went unseen under the butler's finger).
  const float message_h = t.form_message.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2;
  widgets::begin_modal_body("##ticket_form_body", ui().touch() + ui().css(24) + message_h);
  if (columns) {
    ImGui::BeginTable("##ticket_form_columns", 2, ImGuiTableFlags_SizingStretchSame);
    ImGui::TableNextColumn();
  }
  who_and_what(ctx, d);
  if (columns) ImGui::TableNextColumn();
  classification(d, ctx.session.tickets().ticket_settings());
  if (columns) ImGui::EndTable();
  widgets::end_modal_body();
  if (!t.form_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
    ImGui::TextWrapped("%s", t.form_message.c_str());
    ImGui::PopStyleColor();
    automation().record_last_item("ticket_form_message", t.form_message.c_str(), "banner");
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("ticket_save", tr(S::ticket_save), half, widgets::Tone::primary)) save(ctx, t);
  ImGui::SameLine();
  if (widgets::button("ticket_form_close", tr(S::ticket_form_close), half)) t.form_open = false;
  if (!t.form_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
