#include "app/tickets/tickets_data.hpp"

namespace app {
namespace {

void set_text(const Payload& p, F key, std::string& field) {
  if (auto v = p.text(key)) field.assign(*v);
}
void set_number(const Payload& p, F key, std::int64_t& field) {
  if (auto v = p.number(key)) field = *v;
}

void classify(const Payload& p, Ticket& t) {
  if (auto k = p.number(F::kind); k && tickets::is_kind(*k)) t.kind = static_cast<tickets::Kind>(*k);
  if (auto s = p.number(F::severity); s && tickets::is_severity(*s)) t.severity = static_cast<tickets::Severity>(*s);
}

}  // namespace

void apply_tickets(TicketsData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::ticket_opened: {
      Ticket& t = d.tickets[op.entity];
      t.id = op.entity;
      t.received_by = op.actor;
      if (auto u = p.text(F::parent)) Id::from_hex(*u, &t.unit);
      set_text(p, F::name, t.owner);
      set_text(p, F::phone, t.phone);
      set_text(p, F::note, t.what);
      set_text(p, F::wants, t.wants);
      set_number(p, F::channel, t.channel);
      set_number(p, F::requested_ms, t.requested_ms);
      set_number(p, F::at_ms, t.received_ms);
      classify(p, t);
      break;
    }
    case OpKind::ticket_stepped: {
      Id ticket;
      if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &ticket)) break;
      Ticket& t = d.tickets[ticket];
      t.id = ticket;
      TicketStep step;
      step.id = op.entity;
      step.by = op.actor;
      if (auto s = p.number(F::stage); s && tickets::is_status(*s)) step.to = static_cast<tickets::Status>(*s);
      set_number(p, F::at_ms, step.at_ms);
      set_text(p, F::note, step.note);
      set_text(p, F::department, step.handed_to);
      step.callback_failed = p.number(F::failed).value_or(0) == 1;
      step.refused = tickets::check_transition(t.status, step.to, step.callback_failed);
      if (step.refused == tickets::TransitionError::none) {
        t.status = step.to;
        if (step.to == tickets::Status::classified) classify(p, t);
        if (p.number(F::approved).value_or(0) == 1) t.approved_later = true;
        if (!step.handed_to.empty()) t.handler = step.handed_to;
        if (step.to == tickets::Status::done) t.done_ms = step.at_ms;
        if (step.to == tickets::Status::closed) t.closed_ms = step.at_ms;
        if (step.to == tickets::Status::dispatched && step.callback_failed) t.done_ms = 0;  // reopened
      }
      t.history.push_back(std::move(step));
      break;
    }
    default:
      break;
  }
}

}  // namespace app
