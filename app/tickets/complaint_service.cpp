// TicketsService's complaint acts (tickets_service.hpp): escalation, the
// owner's answer, and a later date asked for and approved. The rules are
// complaint_rules.hpp; the op specs (tickets_ops.cpp) hold the same role
// rules for the server.
#include <algorithm>

#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/tickets/complaint_rules.hpp"
#include "app/tickets/tickets_service.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using TS = tickets::Status;

Payload act_on(const Id& ticket, std::int64_t at_ms) {
  Payload p;
  p.set(F::parent, ticket.to_hex()).set(F::at_ms, at_ms);
  return p;
}

// Only the minor class has a date the owner may move (000:265 "在住户要求的期限内解决").
bool has_later_date(const Ticket& t) {
  return t.severity == tickets::Severity::minor && t.kind != tickets::Kind::inquiry && t.kind != tickets::Kind::suggestion;
}

// 000:265 names the escalation for complaints; a repair keeps the rule it had
// (classified is escalated) until repairs run on repair rules of their own.
bool is_complaint(const Ticket& t) { return tickets::is_complaint(t.kind); }

}  // namespace

std::optional<Role> TicketsService::escalation_target(const Ticket& t) const {
  if (!is_complaint(t) || !deadlines_of(t).escalate_by) return std::nullopt;  // the minor class has none
  return tickets::escalation_role(t.severity);
}

bool TicketsService::escalated(const Ticket& t) const {
  // A ticket from before ticket_escalated, and a repair: its classification
  // was the escalation, as it was then.
  if ((!t.escalation_step || !is_complaint(t)) && t.status >= TS::classified) return true;
  return t.escalated_to >= 0 && tickets::escalation_meets(t.severity, static_cast<Role>(t.escalated_to));
}

std::int64_t TicketsService::later_date_waiting(const Ticket& t) const {
  if (!has_later_date(t) || t.status >= TS::done) return 0;
  const std::int64_t asked = t.later_asked_ms > 0 ? t.later_asked_ms : t.requested_ms;
  if (asked <= 0 || asked == t.later_approved_ms) return 0;
  if (t.later_asked_ms == 0) {
    // The owner's date at receipt waits only when it is later than the standard one.
    tickets::Settings s = ticket_settings();
    const auto standard = t.received_ms + s.minor_resolve_days * 86400000;
    if (asked <= standard || t.approved_later) return 0;
  }
  return asked;
}

Status TicketsService::escalate_ticket(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->status >= TS::done) return error("bad_step", S::err_ticket_after_done_step);
  const auto to = escalation_target(*t);
  if (!to) return error("no_escalation", S::err_ticket_no_escalation);
  if (escalated(*t)) return error("already_escalated", S::err_ticket_already_escalated);
  // By the person who hands up: someone below the role it goes to.
  if (const Staff* me = ctx_.actor_staff(); me && !tickets::may_escalate(static_cast<std::int64_t>(me->role), *to)) {
    return error("not_allowed", S::err_ticket_escalate_role);
  }
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::role, static_cast<std::int64_t>(*to));
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_escalated, ctx_.new_id(), std::move(p))});
}

Status TicketsService::answer_owner(const Id& id, CallbackMethod method, std::string_view said) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (!t->open()) return error("bad_step", S::err_ticket_closed);
  if (said.empty()) return error("answer_required", S::err_ticket_answer_required);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::method, static_cast<std::int64_t>(method)).set(F::note, std::string(said));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_answered, ctx_.new_id(), std::move(p))});
}

Status TicketsService::ask_later_date(const Id& id, std::int64_t date_ms, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->status >= TS::done) return error("bad_step", S::err_ticket_after_done_step);
  if (!has_later_date(*t)) return error("minor_only", S::err_later_date_minor_only);
  const auto resolve_by = deadlines_of(*t).resolve_by;
  if (resolve_by && date_ms <= *resolve_by) return error("not_later", S::err_later_date_not_later);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::requested_ms, date_ms);
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::later_date_asked, ctx_.new_id(), std::move(p))});
}

Status TicketsService::approve_later_date(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  // 001 "超時需經小區主任批準": the manager, never the one who asks.
  if (const Staff* me = ctx_.actor_staff(); !me || !tickets::may_approve_later_date(static_cast<std::int64_t>(me->role))) {
    return error("not_allowed", S::err_later_date_manager_only);
  }
  const std::int64_t date = later_date_waiting(*t);
  if (date == 0) return error("nothing_asked", S::err_later_date_none_asked);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::requested_ms, date);
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::later_date_approved, ctx_.new_id(), std::move(p))});
}

}  // namespace app
