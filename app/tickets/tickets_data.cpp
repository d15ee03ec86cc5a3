#include "app/tickets/tickets_data.hpp"

#include "app/core/roles.hpp"
#include "app/ops/payload_fold.hpp"
namespace app {
namespace {

using tickets::Status;
using tickets::TransitionError;

void classify(const Payload& p, Ticket& t) {
  if (auto k = p.number(F::kind); k && tickets::is_kind(*k)) t.kind = static_cast<tickets::Kind>(*k);
  if (auto s = p.number(F::severity); s && tickets::is_severity(*s)) t.severity = static_cast<tickets::Severity>(*s);
}

// The entry every act on a ticket leaves in its history.
TicketStep entry(const Op& op, TicketEvent event) {
  TicketStep step;
  step.id = op.entity;
  step.by = op.actor;
  step.event = event;
  set_number(op.payload, F::at_ms, step.at_ms);
  set_text(op.payload, F::note, step.note);
  set_number(op.payload, F::method, step.method);
  set_number(op.payload, F::result, step.result);
  return step;
}

void apply_step(Ticket& t, const Op& op) {
  const Payload& p = op.payload;
  TicketStep step = entry(op, TicketEvent::step);
  if (auto s = p.number(F::stage); s && tickets::is_status(*s)) step.to = static_cast<Status>(*s);
  set_text(p, F::department, step.handed_to);
  step.callback_failed = p.number(F::failed).value_or(0) == 1;
  const tickets::Lifecycle lifecycle = t.lifecycle();
  const Status reopen = tickets::reopen_status(lifecycle);
  step.refused = tickets::check_transition(lifecycle, t.kind, t.status, step.to, step.callback_failed, t.owes_callback());
  // Straight back from done only for a leak repair whose test still leaked.
  const bool untested_leak = t.slip.category == tickets::RepairCategory::leak && t.leak_test_ms == 0;
  if (t.status == Status::done && step.to == reopen && !untested_leak) step.refused = TransitionError::skips_a_step;
  if (step.refused == TransitionError::none) {
    t.status = step.to;
    if (step.to == Status::classified) classify(p, t);
    if (p.number(F::approved).value_or(0) == 1) t.approved_later = true;
    if (!step.handed_to.empty()) t.handler = step.handed_to;
    if (step.to == Status::done) {
      t.done_ms = step.at_ms;
      set_text(p, F::signature, t.signature);
    }
    if (step.to == Status::callback) {
      t.callback_ms = step.at_ms;
      t.callback_problem = step.result == 1;
    }
    if (step.to == Status::closed) t.closed_ms = step.at_ms;
    if (step.to == Status::dispatched && !step.callback_failed) {
      // 000:627 signed for at engineering on this tablet, the first time.
      std::string receiver, strokes;
      set_text(p, F::receiver, receiver);
      set_text(p, F::signature, strokes);
      if (t.slip_signed_ms == 0 && !receiver.empty() && !strokes.empty()) {
        t.slip_signed_ms = step.at_ms;
        t.slip_receiver = std::move(receiver);
        t.slip_receiver_signature = std::move(strokes);
      }
    }
    if (step.to == Status::accepted && t.accepted_ms == 0) {
      t.accepted_ms = step.at_ms;
      t.accepted_by = op.actor;
    }
    if (step.to == reopen && step.callback_failed) {  // reopened: the work starts again
      t.done_ms = 0;
      t.leak_test_ms = 0;
      t.signature.clear();
    }
  }
  t.history.push_back(std::move(step));
}

// A complaint's own acts (complaint_rules.hpp): recorded in the history,
// none once the ticket is closed. What they meet is judged at query time, so a
// class corrected later is judged against the acts as they stand.
void apply_complaint_act(Ticket& t, const Op& op, TicketEvent event) {
  const Payload& p = op.payload;
  TicketStep step = entry(op, event);
  set_number(p, F::role, step.role);
  set_number(p, F::requested_ms, step.date_ms);
  if (t.status == Status::closed) step.refused = TransitionError::already_closed;
  if (step.refused == TransitionError::none) {
    switch (event) {
      case TicketEvent::escalated: {
        // The highest role reached counts; the first hand-up to it dates it.
        const bool higher = step.role == static_cast<std::int64_t>(Role::manager) && t.escalated_to != step.role;
        if (t.escalated_to < 0 || higher) {
          t.escalated_to = step.role;
          t.escalated_ms = step.at_ms;
        }
        break;
      }
      case TicketEvent::answered:
        if (t.answered_ms == 0) t.answered_ms = step.at_ms;
        break;
      case TicketEvent::later_asked: t.later_asked_ms = step.date_ms; break;
      case TicketEvent::later_approved:
        t.later_approved_ms = step.date_ms;
        t.later_approved_by = op.actor;
        break;
      default: break;
    }
  }
  t.history.push_back(std::move(step));
}

void apply_slip(Ticket& t, const Op& op) {
  const Payload& p = op.payload;
  TicketStep step = entry(op, TicketEvent::slip);
  // The owner signed the slip as it was: once done, it is not changed.
  if (t.status >= Status::done) step.refused = TransitionError::after_done;
  if (step.refused == TransitionError::none) {
    t.slip.set = true;
    set_number(p, F::appointment_ms, t.slip.appointment_ms);
    if (auto c = p.number(F::category); c && *c >= 0 && *c <= 2) t.slip.category = static_cast<tickets::RepairCategory>(*c);
    if (auto l = p.text(F::lines)) {
      if (auto lines = decode_slip_lines(*l)) t.slip.lines = std::move(*lines);
    }
    set_text(p, F::materials, t.slip.materials);
    // A new slip is reviewed anew (000:619).
    t.slip.reviewed_ms = 0;
    t.slip.review_passed = false;
    t.slip.reviewed_by = Id{};
  }
  t.history.push_back(std::move(step));
}

// 000:619 the review of the slip as it stands; none once the owner signed.
void apply_slip_review(Ticket& t, const Op& op) {
  TicketStep step = entry(op, TicketEvent::slip_review);
  if (t.status >= Status::done) step.refused = TransitionError::after_done;
  else if (!t.slip.has_off_list()) step.refused = TransitionError::skips_a_step;
  if (step.refused == TransitionError::none) {
    t.slip.reviewed_ms = step.at_ms;
    t.slip.review_passed = step.result == 0;
    t.slip.reviewed_by = op.actor;
  }
  t.history.push_back(std::move(step));
}

}  // namespace

const std::vector<SettingField>& setting_fields() {
  using S = tickets::Settings;
  static const std::vector<SettingField> fields = {
      {F::major_resolve_days, &S::major_resolve_days},   {F::major_answer_days, &S::major_answer_days},
      {F::important_escalate_minutes, &S::important_escalate_minutes}, {F::important_resolve_days, &S::important_resolve_days},
      {F::minor_resolve_days, &S::minor_resolve_days},   {F::repair_dispatch_minutes, &S::repair_dispatch_minutes},
      {F::onsite_minutes, &S::onsite_minutes},           {F::callback_days, &S::callback_days},
      {F::leak_callback_days, &S::leak_callback_days},   {F::recheck_percent, &S::recheck_percent},
      {F::recheck_period_months, &S::recheck_period_months}, {F::complaint_callback_days, &S::complaint_callback_days},
  };
  return fields;
}

void apply_tickets(TicketsData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::ticket_opened: {
      Ticket& t = d.tickets[op.entity];
      t.id = op.entity;
      t.received_by = op.actor;
      if (t.responsible.is_nil()) t.responsible = op.actor;
      set_id(p, F::parent, t.unit);
      set_text(p, F::name, t.owner);
      set_text(p, F::phone, t.phone);
      set_text(p, F::note, t.what);
      set_text(p, F::wants, t.wants);
      set_text(p, F::record_no, t.number);
      set_number(p, F::channel, t.channel);
      set_number(p, F::requested_ms, t.requested_ms);
      set_number(p, F::at_ms, t.received_ms);
      set_text(p, F::complained_person, t.complained_person);
      set_text(p, F::complained_department, t.complained_department);
      t.escalation_step = p.number(F::escalation_step).value_or(0) == 1;
      t.every_event_callback = p.number(F::every_event_callback).value_or(0) == 1;
      set_number(p, F::handed_over_ms, t.handed_over_ms);
      t.own_lifecycle = p.number(F::own_lifecycle).value_or(0) == 1;
      classify(p, t);
      break;
    }
    case OpKind::ticket_stepped:
    case OpKind::ticket_handed_on:
    case OpKind::repair_slip_set:
    case OpKind::leak_tested:
    case OpKind::callback_rechecked:
    case OpKind::ticket_escalated:
    case OpKind::ticket_answered:
    case OpKind::later_date_asked:
    case OpKind::later_date_approved:
    case OpKind::slip_reviewed: {
      Id ticket;
      if (!set_id(p, F::parent, ticket)) break;
      Ticket& t = d.tickets[ticket];
      t.id = ticket;
      if (op.kind == OpKind::ticket_stepped) {
        apply_step(t, op);
      } else if (op.kind == OpKind::ticket_escalated) {
        apply_complaint_act(t, op, TicketEvent::escalated);
      } else if (op.kind == OpKind::ticket_answered) {
        apply_complaint_act(t, op, TicketEvent::answered);
      } else if (op.kind == OpKind::later_date_asked) {
        apply_complaint_act(t, op, TicketEvent::later_asked);
      } else if (op.kind == OpKind::later_date_approved) {
        apply_complaint_act(t, op, TicketEvent::later_approved);
      } else if (op.kind == OpKind::repair_slip_set) {
        apply_slip(t, op);
      } else if (op.kind == OpKind::slip_reviewed) {
        apply_slip_review(t, op);
      } else if (op.kind == OpKind::ticket_handed_on) {
        TicketStep step = entry(op, TicketEvent::handed_on);
        set_id(p, F::assignee, step.assignee);
        if (t.status == Status::closed) step.refused = TransitionError::already_closed;
        else t.responsible = step.assignee;
        t.history.push_back(std::move(step));
      } else if (op.kind == OpKind::leak_tested) {
        TicketStep step = entry(op, TicketEvent::leak_test);
        // The leak test follows the repair; before it, it cannot count.
        if (t.status < Status::done) step.refused = TransitionError::skips_a_step;
        else if (step.result == 0) t.leak_test_ms = step.at_ms;  // still leaking: the step back follows
        t.history.push_back(std::move(step));
      } else {
        TicketStep step = entry(op, TicketEvent::recheck);
        if (t.callback_ms == 0) step.refused = TransitionError::skips_a_step;
        else {
          t.rechecked_ms = step.at_ms;
          t.recheck_problem = step.result == 1;
        }
        t.history.push_back(std::move(step));
      }
      break;
    }
    case OpKind::price_item_set: {
      PriceItem& item = d.prices[op.entity];
      item.id = op.entity;
      set_text(p, F::name, item.name);
      set_text(p, F::unit_label, item.unit_label);
      set_number(p, F::price_cents, item.price_cents);
      if (auto r = p.number(F::removed)) item.removed = *r == 1;
      break;
    }
    case OpKind::ticket_settings_set:
      for (const SettingField& f : setting_fields()) set_number(p, f.key, d.settings.*f.value);
      break;
    case OpKind::visit_recorded: {
      Visit& v = d.visits[op.entity];
      v.id = op.entity;
      v.by = op.actor;
      set_id(p, F::parent, v.unit);
      set_number(p, F::at_ms, v.at_ms);
      set_number(p, F::method, v.method);
      set_text(p, F::note, v.note);
      set_text(p, F::follow_ups, v.follow_ups);
      break;
    }
    default:
      break;
  }
}

}  // namespace app
