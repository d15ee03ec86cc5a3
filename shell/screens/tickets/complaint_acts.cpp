// A complaint's own acts on its page (app/tickets/complaint_rules.hpp):
// 上报 to the role its class names (000:265), 答复业主 with what was said, and
// a later date for a minor one — 申请延期 by anyone in the office, 批准延期 by
// the manager alone (001 "超時需經小區主任批準"). Each act once done is a line
// saying when and by whom; every button is one Session command.
#include <cstdio>

#include "app/domain/role_labels.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/tickets/complaint_rules.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

constexpr int kLaterDays[] = {3, 5, 7, 10, 14};
constexpr std::int64_t kDay = 86400000;

void report(TicketsUi& st, const app::Status& s) {
  st.message = s.ok() ? std::string() : s.error().message;
  if (s.ok()) st.answer_said.clear();
}

void done_line(const char* id, const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, colors::ok);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, text.c_str(), "label");
}


void escalation(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  auto& tickets = ctx.session.tickets();
  char text[200];
  if (app::is_role(t.escalated_to)) {
    std::snprintf(text, sizeof text, tr(S::ticket_escalated_line), tr(app::role_label(static_cast<app::Role>(t.escalated_to))),
                  short_time(ctx.session.local(t.escalated_ms)).c_str());
    done_line("ticket_escalated", text);
  }
  const auto to = tickets.escalation_target(t);
  if (!to || tickets.escalated(t) || t.status >= tk::Status::done) return;
  std::snprintf(text, sizeof text, tr(S::ticket_escalate), tr(app::role_label(*to)));
  if (widgets::button("ticket_escalate", text, -1, widgets::Tone::primary)) report(st, tickets.escalate_ticket(t.id, st.note));
}

void answer(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  char text[200];
  if (t.answered_ms > 0) {
    std::snprintf(text, sizeof text, tr(S::ticket_answered_line), short_time(ctx.session.local(t.answered_ms)).c_str());
    done_line("ticket_answered_line", text);
    return;
  }
  if (!t.open() || !tk::is_complaint(t.kind)) return;
  const char* methods[] = {tr(S::method_visit), tr(S::method_phone)};
  widgets::choices("answer_method", methods, 2, &st.answer_method);
  widgets::text_field("answer_said", tr(S::ticket_answer_said), &st.answer_said);
  if (widgets::button("ticket_answer_owner", tr(S::ticket_answer_owner), -1)) {
    report(st, ctx.session.tickets().answer_owner(t.id, static_cast<app::CallbackMethod>(st.answer_method), st.answer_said));
  }
}

void later_date(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  auto& tickets = ctx.session.tickets();
  char text[200];
  if (t.later_approved_ms > 0) {
    std::snprintf(text, sizeof text, tr(S::ticket_later_approved_line), short_time(ctx.session.local(t.later_approved_ms)).c_str(),
                  ctx.session.estate().staff_name(t.later_approved_by).c_str());
    done_line("ticket_later_approved", text);
  }
  if (t.severity != tk::Severity::minor || !tk::is_complaint(t.kind) || t.status >= tk::Status::done) return;
  if (const std::int64_t waiting = tickets.later_date_waiting(t)) {
    std::snprintf(text, sizeof text, tr(S::ticket_later_waiting), short_time(ctx.session.local(waiting)).c_str());
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(text, colors::primary);
    ImGui::PopTextWrapPos();
    automation().record_last_item("ticket_later_waiting", text, "label");
    // Offered to the manager only; the rule refuses anyone else all the same.
    const app::Staff* me = ctx.session.estate().staff(ctx.session.actor());
    if (me && tk::may_approve_later_date(static_cast<std::int64_t>(me->role)) &&
        widgets::button("ticket_approve_later", tr(S::ticket_approve_later), -1, widgets::Tone::primary)) {
      report(st, tickets.approve_later_date(t.id, st.note));
    }
    return;
  }
  char labels[std::size(kLaterDays)][32];
  const char* choices[std::size(kLaterDays)];
  for (std::size_t k = 0; k < std::size(kLaterDays); ++k) {
    app::i18n::format_to(labels[k], sizeof labels[k], S::ticket_requested_days, kLaterDays[k]);
    choices[k] = labels[k];
  }
  widgets::choices("later_days", choices, static_cast<int>(std::size(kLaterDays)), &st.later_days, 5);
  if (widgets::button("ticket_ask_later", tr(S::ticket_ask_later), -1)) {
    report(st, tickets.ask_later_date(t.id, ctx.session.now_ms() + kLaterDays[st.later_days] * kDay, st.note));
  }
}

}  // namespace

void draw_complaint_acts(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  escalation(ctx, t, st);
  answer(ctx, t, st);
  later_date(ctx, t, st);
}

void draw_complained_about(const app::Ticket& t) {
  std::string who = t.complained_person;
  if (!t.complained_department.empty()) who += (who.empty() ? "" : " · ") + t.complained_department;
  if (who.empty()) return;
  char text[300];
  std::snprintf(text, sizeof text, tr(S::ticket_complained_line), who.c_str());
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, colors::text);
  ImGui::PopTextWrapPos();
  automation().record_last_item("ticket_complained", text, "label");
}

}  // namespace shell
