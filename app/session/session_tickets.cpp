// Session's ticket commands and queries: opening one as received, classifying
// it, each later step of its lifecycle, and its deadlines. The rules are
// app/tickets/ticket_rules.hpp; this file turns them into ops and messages.
#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"

namespace app {
namespace {

using i18n::S;

Error error(const char* code, S message) { return Error{code, i18n::tr(message)}; }

S refusal_message(tickets::TransitionError e) {
  switch (e) {
    case tickets::TransitionError::skips_a_step: return S::err_ticket_skips_step;
    case tickets::TransitionError::goes_backwards: return S::err_ticket_backwards;
    case tickets::TransitionError::already_closed: return S::err_ticket_closed;
    case tickets::TransitionError::reopen_needs_callback: return S::err_ticket_reopen;
    case tickets::TransitionError::none: break;
  }
  return S::err_ticket_skips_step;
}

}  // namespace

Result<Id> Session::open_ticket(const NewTicket& t) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  if (t.what.empty()) return error("what_required", S::err_ticket_what);
  if (!t.unit.is_nil() && !replica_.data().units.count(t.unit)) return error("unknown_unit", S::err_unknown_unit);
  const Id id = Id::random(random_);
  Payload p;
  if (!t.unit.is_nil()) p.set(F::parent, t.unit.to_hex());
  if (!t.owner.empty()) p.set(F::name, t.owner);
  if (!t.phone.empty()) p.set(F::phone, t.phone);
  if (!t.wants.empty()) p.set(F::wants, t.wants);
  if (t.requested_ms > 0) p.set(F::requested_ms, t.requested_ms);
  p.set(F::channel, t.channel).set(F::kind, static_cast<std::int64_t>(t.kind)).set(F::severity, static_cast<std::int64_t>(t.severity));
  p.set(F::note, t.what).set(F::at_ms, clock_.now_ms());
  if (Status s = commit({make_op(OpKind::ticket_opened, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status Session::classify_ticket(const Id& id, tickets::Kind kind, tickets::Severity severity, bool approved_later) {
  if (Status s = check_writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (auto e = tickets::check_transition(t->status, tickets::Status::classified); e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  // A later date than the standard one is the head's to grant.
  if (approved_later && !may_edit_checklists()) return error("not_allowed", S::err_ticket_approval_lead_only);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::stage, static_cast<std::int64_t>(tickets::Status::classified));
  p.set(F::kind, static_cast<std::int64_t>(kind)).set(F::severity, static_cast<std::int64_t>(severity));
  if (approved_later) p.set(F::approved, 1);
  p.set(F::at_ms, clock_.now_ms());
  return commit({make_op(OpKind::ticket_stepped, Id::random(random_), std::move(p))});
}

Status Session::step_ticket(const Id& id, tickets::Status to, std::string_view note, std::string_view handed_to, bool callback_failed) {
  if (Status s = check_writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (to == tickets::Status::classified) return classify_ticket(id, t->kind, t->severity);
  if (auto e = tickets::check_transition(t->status, to, callback_failed); e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  if (to == tickets::Status::dispatched && handed_to.empty() && !callback_failed) return error("handed_to_required", S::err_ticket_dispatch_to);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::stage, static_cast<std::int64_t>(to));
  if (!note.empty()) p.set(F::note, std::string(note));
  if (!handed_to.empty()) p.set(F::department, std::string(handed_to));
  if (callback_failed) p.set(F::failed, 1);
  p.set(F::at_ms, std::max(clock_.now_ms(), t->received_ms));
  return commit({make_op(OpKind::ticket_stepped, Id::random(random_), std::move(p))});
}

const Ticket* Session::ticket(const Id& id) const {
  auto it = replica_.data().tickets.tickets.find(id);
  return it == replica_.data().tickets.tickets.end() || it->second.received_ms == 0 ? nullptr : &it->second;
}

tickets::Deadlines Session::deadlines_of(const Ticket& t) const {
  const LocalTime at = local(t.received_ms);
  const std::int64_t end_of_day = t.received_ms + static_cast<std::int64_t>(24 * 60 - at.minute) * 60000;
  return tickets::deadlines_for(t.kind, t.severity, t.received_ms, end_of_day, t.requested_ms, t.approved_later);
}

std::optional<std::int64_t> Session::next_deadline(const Ticket& t) const {
  using tickets::Status;
  const tickets::Deadlines d = deadlines_of(t);
  std::optional<std::int64_t> next;
  auto consider = [&next](const std::optional<std::int64_t>& when) {
    if (when && (!next || *when < *next)) next = when;
  };
  if (t.status < Status::classified) consider(d.escalate_by);  // escalated when the head classifies it
  if (t.status < Status::dispatched) consider(d.dispatch_by);
  if (t.status < Status::done) {
    consider(d.answer_by);
    consider(d.resolve_by);
  }
  if (t.status == Status::done && tickets::needs_callback(t.kind)) consider(tickets::callback_due(tickets::RepairCategory::ordinary, t.done_ms, 0));
  return next;
}

bool Session::overdue(const Ticket& t) const {
  const auto next = next_deadline(t);
  return next && tickets::lateness_now(clock_.now_ms(), hlc_.last().wall_ms) > *next;
}

std::vector<const Ticket*> Session::open_tickets() const {
  std::vector<const Ticket*> out;
  for (const auto& [id, t] : replica_.data().tickets.tickets) {
    if (t.received_ms != 0 && t.open()) out.push_back(&t);
  }
  std::sort(out.begin(), out.end(), [this](const Ticket* a, const Ticket* b) {
    const auto da = next_deadline(*a).value_or(INT64_MAX), db = next_deadline(*b).value_or(INT64_MAX);
    return da != db ? da < db : a->id < b->id;
  });
  return out;
}

std::vector<std::pair<const Ticket*, const TicketStep*>> Session::ticket_conflicts() const {
  std::vector<std::pair<const Ticket*, const TicketStep*>> out;
  for (const auto& [id, t] : replica_.data().tickets.tickets) {
    for (const TicketStep& s : t.history) {
      if (s.refused != tickets::TransitionError::none) out.emplace_back(&t, &s);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second->at_ms != b.second->at_ms ? a.second->at_ms < b.second->at_ms : a.second->id < b.second->id;
  });
  return out;
}

}  // namespace app
