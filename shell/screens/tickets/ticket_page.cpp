// One ticket: what happened and who asked, its next deadline as a
// countdown, who owns it (首问负责制) with the hand-on, its photos, the next
// step (ticket_actions.cpp), and the whole history with every step stamped,
// conflicts marked.
#include <cstdio>

#include "app/domain/role_labels.hpp"
#include "app/domain/views.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

void muted(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, colors::muted);
  ImGui::PopTextWrapPos();
}

void deadline_line(ScreenContext& ctx, const app::Ticket& t) {
  std::string line;
  ImU32 color = colors::muted;
  if (auto next = ctx.session.tickets().next_deadline(t)) {
    const std::int64_t now = ctx.session.lateness_now_ms();
    char text[160];
    std::snprintf(text, sizeof text, tr(S::ticket_next_deadline), short_time(ctx.session.local(*next)).c_str(), countdown_text(*next, now).c_str());
    line = text;
    color = countdown_color(*next, now);
  } else {
    line = tr(t.open() && t.status == tk::Status::done && t.slip.category == tk::RepairCategory::leak ? S::tickets_waiting_leak_test
                                                                                                   : S::ticket_no_deadline);
  }
  widgets::pill(line.c_str(), color);
  automation().record_last_item("ticket_deadline", line.c_str(), "label");
}

void responsible_line(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  char line[160];
  std::snprintf(line, sizeof line, tr(S::ticket_responsible), ctx.session.estate().staff_name(t.responsible).c_str());
  ImGui::AlignTextToFramePadding();
  widgets::data_text(line, colors::text);
  automation().record_last_item("ticket_responsible", line, "label");
  if (!t.open()) return;
  ImGui::SameLine();
  if (widgets::button("ticket_hand_on", tr(S::ticket_hand_on), 0, widgets::Tone::normal)) st.hand_on_open = !st.hand_on_open;
  if (!st.hand_on_open) return;
  // Colleagues by role: front desk and engineering first come after the butlers.
  int index = 0;
  for (const app::Staff* s : ctx.session.estate().colleagues()) {
    char id[32];
    std::snprintf(id, sizeof id, "hand_on:%d", index++);
    const std::string title = s->name + " · " + s->code;
    if (widgets::list_row(id, title.c_str(), tr(app::role_label(s->role)))) {
      const app::Status done = ctx.session.tickets().hand_on_ticket(t.id, s->id, st.note);
      st.message = done.ok() ? std::string() : done.error().message;
      if (done.ok()) st.hand_on_open = false;
    }
  }
}

void photos(ScreenContext& ctx, const app::Ticket& t) {
  const auto list = ctx.session.estate().photos_of(t.id);
  char label[64];
  std::snprintf(label, sizeof label, "%s (%d)", tr(S::ticket_photo), static_cast<int>(list.size()));
  if (t.open() && widgets::button("ticket_photo", label, 0, widgets::Tone::normal, !ctx.photos.busy())) {
    const app::Id id = t.id;
    ctx.photos.capture([&session = ctx.session, id](const std::string& sha) {
      const auto r = session.tickets().add_ticket_photo(id, sha);
      return r.ok() ? app::ok_status() : app::Status(r.error());
    });
  }
  widgets::photo_strip("ticket_photo_tile", list, ui().touch(), true);
}

void history(ScreenContext& ctx, const app::Ticket& t) {
  widgets::heading(tr(S::ticket_history));
  int index = 0;
  for (const app::TicketStep& s : t.history) {
    std::string line = short_time(ctx.session.local(s.at_ms)) + "  " + tr(tk::event_label(s));
    if (s.refused != tk::TransitionError::none) line += tr(S::ticket_ev_refused);
    if (const std::string by = ctx.session.estate().staff_name(s.by); !by.empty()) line += " · " + by;
    if (s.event == app::TicketEvent::handed_on) line += " → " + ctx.session.estate().staff_name(s.assignee);
    // To whom it was handed up (000:265 names the role), as tickets.csv says it.
    if (s.event == app::TicketEvent::escalated && app::is_role(s.role)) line += std::string(" → ") + tr(app::role_label(static_cast<app::Role>(s.role)));
    if (!s.handed_to.empty()) line += " · " + s.handed_to;
    // A callback's or re-check's method and finding (a leak test says its own in its label).
    if (s.result >= 0 && (s.to == tk::Status::callback || s.event == app::TicketEvent::recheck)) {
      line += std::string(" · ") + tr(tk::method_label(s.method)) + " " + tr(s.result == 0 ? S::callback_satisfied : S::callback_problem);
    }
    if (!s.note.empty()) line += " · " + s.note;
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, s.refused != tk::TransitionError::none ? colors::danger : colors::text);
    ImGui::PopTextWrapPos();
    char id[32];
    std::snprintf(id, sizeof id, "ticket_step:%d", index++);
    automation().record_last_item(id, line.c_str(), "label");
  }
  if (!t.signature.empty()) {
    if (auto sig = app::decode_signature(t.signature)) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::ticket_signed));
      widgets::signature_view(*sig, std::min(ImGui::GetContentRegionAvail().x, ui().css(360)));
    }
  }
}

void details(ScreenContext& ctx, const app::Ticket& t) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(t.what, colors::text);
  ImGui::PopTextWrapPos();
  if (!t.wants.empty()) muted(std::string(tr(S::ticket_wants)) + "：" + t.wants);
  draw_complained_about(t);
  if (!t.owner.empty() || !t.phone.empty()) {
    // Masked as in the lists and the form (a screen seen over the counter, a
    // tablet that may be lost): a whole number shows only on the unit's
    // record, where the look is recorded (EstateService::view_contact).
    const std::string line = t.owner + "  " + app::mask_phone(t.phone);
    muted(line);
    automation().record_last_item("ticket_phone_line", line.c_str(), "label");
  }
  char received[200];
  std::snprintf(received, sizeof received, tr(S::ticket_received_line), short_time(ctx.session.local(t.received_ms)).c_str(),
                tr(tk::channel_label(t.channel)), ctx.session.estate().staff_name(t.received_by).c_str());
  muted(received);
  automation().record_last_item("ticket_received", received, "label");
  if (const auto handover = ctx.session.tickets().night_handover(t)) {
    char line[200];
    std::snprintf(line, sizeof line, tr(handover->late() ? S::ticket_night_handover_late : S::ticket_night_handover_ok),
                  short_time(ctx.session.local(handover->at)).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, handover->late() ? colors::danger : colors::ok);
    ImGui::TextWrapped("%s", line);
    ImGui::PopStyleColor();
    automation().record_last_item("ticket_night_handover", line, "label");
  }
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  char status[64];
  std::snprintf(status, sizeof status, "%s", tr(tk::status_label(t.status)));
  widgets::pill(status, t.open() ? colors::primary : colors::ok);
  automation().record_last_item("ticket_status", status, "label");
  if (t.open()) {
    ImGui::SameLine();
    deadline_line(ctx, t);
  }
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  responsible_line(ctx, t);
  photos(ctx, t);
}

void next_step(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  // A closed ticket has no next step, but the head butler's re-check of its callback.
  if (!t.open() && !(t.callback_ms && ctx.session.estate().lead_signed_in())) return;
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::begin_card("ticket_next");
  if (t.open()) draw_complaint_acts(ctx, t);
  draw_ticket_actions(ctx, t);
  if (!st.message.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.message.c_str());
    automation().record_last_item("ticket_message", st.message.c_str(), "banner");
  }
  widgets::end_card();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

}  // namespace

void draw_ticket_page(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  if (st.drafts_for != st.open) {
    // Another ticket: its own drafts.
    const app::Id open = st.open;
    const bool form = st.form_open;
    const TicketDraft draft = st.draft;
    const int tab = st.tab;
    st = TicketsUi{};
    st.open = st.drafts_for = open;
    st.form_open = form;
    st.draft = draft;
    st.tab = tab;
  }
  if (widgets::button("ticket_back", tr(S::ticket_back), 0, widgets::Tone::quiet)) {
    st.open = {};
    return;
  }
  const std::string number = tk::ticket_number(t);
  const std::string title = number + " · " + ticket_place(ctx.session, t) + " · " + tr(tk::kind_label(t.kind)) + " · " + tr(tk::severity_label(t.severity));
  ui().fonts->request_title_text(title);
  widgets::heading(title.c_str());
  automation().record_last_item("ticket_number", number.c_str(), "label");
  // Landscape: the next step beside the ticket, both in reach without scrolling.
  const bool columns = !ui().portrait;
  if (columns) {
    ImGui::BeginTable("##ticket_columns", 2, ImGuiTableFlags_SizingStretchSame);
    ImGui::TableNextColumn();
  }
  details(ctx, t);
  if (columns) {
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    history(ctx, t);
    ImGui::TableNextColumn();
  }
  next_step(ctx, t);
  if (columns) ImGui::EndTable();
  else history(ctx, t);
}

}  // namespace shell
