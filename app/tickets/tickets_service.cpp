// TicketsService's ticket commands and queries (tickets_service.hpp).
#include <algorithm>

#include "app/core/signature.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/tickets/complaint_rules.hpp"
#include "app/tickets/night_log.hpp"
#include "app/tickets/ticket_number.hpp"
#include "app/tickets/tickets_service.hpp"
#include "app/domain/command_errors.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using TS = tickets::Status;

S refusal_message(tickets::TransitionError e) {
  switch (e) {
    case tickets::TransitionError::skips_a_step: return S::err_ticket_skips_step;
    case tickets::TransitionError::goes_backwards: return S::err_ticket_backwards;
    case tickets::TransitionError::already_closed: return S::err_ticket_closed;
    case tickets::TransitionError::reopen_needs_callback: return S::err_ticket_reopen;
    case tickets::TransitionError::after_done: return S::err_ticket_after_done;
    case tickets::TransitionError::not_for_kind: return S::err_ticket_not_for_kind;
    case tickets::TransitionError::none: break;
  }
  return S::err_ticket_skips_step;
}

Payload act_on(const Id& ticket, std::int64_t at_ms) {
  Payload p;
  p.set(F::parent, ticket.to_hex()).set(F::at_ms, at_ms);
  return p;
}

}  // namespace

Result<Id> TicketsService::open_ticket(const NewTicket& t) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (t.what.empty()) return error("what_required", S::err_ticket_what);
  if (!t.unit.is_nil() && !ctx_.data().units.count(t.unit)) return error("unknown_unit", S::err_unknown_unit);
  const Id id = ctx_.new_id();
  Payload p;
  if (!t.unit.is_nil()) p.set(F::parent, t.unit.to_hex());
  if (!t.owner.empty()) p.set(F::name, t.owner);
  if (!t.phone.empty()) p.set(F::phone, t.phone);
  if (!t.wants.empty()) p.set(F::wants, t.wants);
  if (t.requested_ms > 0) p.set(F::requested_ms, t.requested_ms);
  if (!t.complained_person.empty()) p.set(F::complained_person, t.complained_person);
  if (!t.complained_department.empty()) p.set(F::complained_department, t.complained_department);
  // Escalation is this ticket's own act (ticket_escalated), not its classification.
  p.set(F::escalation_step, 1);
  // 003 "对所有与客户发生服务关系之事件需要回访": every kind is called back.
  p.set(F::every_event_callback, 1);
  // Repairs and complaints each run their own steps (ticket_rules.hpp Lifecycle).
  p.set(F::own_lifecycle, 1);
  p.set(F::channel, t.channel).set(F::kind, static_cast<std::int64_t>(t.kind)).set(F::severity, static_cast<std::int64_t>(t.severity));
  const std::int64_t now = ctx_.now_ms();
  // A night log is received when the control room logged it (001); the
  // registering here is its hand-over to the customer-service centre.
  std::int64_t received = now;
  if (t.channel == tickets::kNightLogChannel) {
    if (t.night_logged_at.empty()) return error("night_time_required", S::err_night_log_required);
    Result<std::int64_t> logged = tickets::night_log_time(t.night_logged_at, now, ctx_.utc_offset_minutes());
    if (!logged.ok()) return logged.error();
    received = logged.value();
    p.set(F::handed_over_ms, now);
  }
  p.set(F::note, t.what).set(F::at_ms, received);
  // Numbered here, when received: unique without asking the server (app/core/record_number.hpp).
  p.set(F::record_no, tickets::next_ticket_number(ctx_.data().tickets, ctx_.record_prefix(records::kTicketLetter)));
  std::vector<Op> ops{ctx_.make_op(OpKind::ticket_opened, id, std::move(p))};
  if (t.classified) {
    Payload c = act_on(id, now);
    c.set(F::stage, static_cast<std::int64_t>(TS::classified));
    c.set(F::kind, static_cast<std::int64_t>(t.kind)).set(F::severity, static_cast<std::int64_t>(t.severity));
    ops.push_back(ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(c)));
  }
  if (Status s = ctx_.commit(std::move(ops)); !s.ok()) return s.error();
  return id;
}

Status TicketsService::classify_ticket(const Id& id, tickets::Kind kind, tickets::Severity severity) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (auto e = tickets::check_transition(t->lifecycle(), t->kind, t->status, TS::classified, false, t->owes_callback());
      e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  if (const Staff* me = ctx_.actor_staff(); me && !tickets::may_classify(static_cast<std::int64_t>(me->role))) {
    return error("not_allowed", S::err_ticket_classify_role);
  }
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::stage, static_cast<std::int64_t>(TS::classified));
  p.set(F::kind, static_cast<std::int64_t>(kind)).set(F::severity, static_cast<std::int64_t>(severity));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(p))});
}

Status TicketsService::step_ticket(const Id& id, TS to, std::string_view note, std::string_view handed_to, bool callback_failed) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (to == TS::classified) return classify_ticket(id, t->kind, t->severity);
  if (to == TS::done) return finish_ticket(id, {}, note);
  if (auto e = tickets::check_transition(t->lifecycle(), t->kind, t->status, to, callback_failed, t->owes_callback());
      e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  if (to == TS::dispatched && handed_to.empty() && !callback_failed) return error("handed_to_required", S::err_ticket_dispatch_to);
  // A repair's slip goes with its receiver's signature or none (send_slip).
  if (to == TS::dispatched && !callback_failed && t->lifecycle() == tickets::Lifecycle::repair) return send_slip(id, handed_to, {}, {}, note);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::stage, static_cast<std::int64_t>(to));
  if (!note.empty()) p.set(F::note, std::string(note));
  if (!handed_to.empty()) p.set(F::department, std::string(handed_to));
  if (callback_failed) p.set(F::failed, 1);
  return ctx_.commit({ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(p))});
}

Status TicketsService::send_slip(const Id& id, std::string_view department, std::string_view receiver, std::string_view signature,
                                 std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (auto e = tickets::check_transition(t->lifecycle(), t->kind, t->status, TS::dispatched, false, t->owes_callback());
      e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  if (department.empty()) return error("handed_to_required", S::err_ticket_dispatch_to);
  if (!signature.empty()) {
    const auto strokes = decode_signature(signature);
    if (!strokes) return error("signature_unreadable", S::err_signature_unreadable);
    if (!looks_signed(*strokes)) return error("signature_blank", S::err_slip_receiver_blank);
    if (receiver.empty()) return error("receiver_required", S::err_slip_receiver_name);
  }
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::stage, static_cast<std::int64_t>(TS::dispatched)).set(F::department, std::string(department));
  if (!signature.empty()) p.set(F::receiver, std::string(receiver)).set(F::signature, std::string(signature));
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(p))});
}

Status TicketsService::review_slip(const Id& id, bool passed, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  // 000:619 工程维修部经理: engineering's (the op spec says the same to the server).
  if (!may_review_slip()) return error("not_allowed", S::err_slip_review_role);
  if (!t->slip.has_off_list()) return error("nothing_to_review", S::err_slip_nothing_to_review);
  if (t->status >= TS::done) return error("bad_step", S::err_ticket_after_done);
  if (!passed && note.empty()) return error("note_required", S::err_slip_review_reason);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::result, passed ? 0 : 1);
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::slip_reviewed, ctx_.new_id(), std::move(p))});
}

bool TicketsService::may_review_slip() const {
  const Staff* me = ctx_.actor_staff();
  return me && me->role == Role::engineering;
}

bool TicketsService::answer_before_callback(const Ticket& t) const {
  return tickets::is_complaint(t.kind) && t.lifecycle() == tickets::Lifecycle::complaint && t.answered_ms == 0;
}

bool TicketsService::slip_received(const Ticket& t) const {
  if (t.lifecycle() != tickets::Lifecycle::repair) return t.status >= TS::dispatched;
  if (t.slip_signed_ms > 0) return true;
  // Accepted by engineering on a tablet of its own (000:629 "工程人员接到《维修单》后及时填写接单时间").
  const Staff* by = t.accepted_ms > 0 ? ctx_.staff(t.accepted_by) : nullptr;
  return by && by->role == Role::engineering;
}

Status TicketsService::hand_on_ticket(const Id& id, const Id& colleague, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (!t->open()) return error("bad_step", S::err_ticket_closed);
  if (!ctx_.staff(colleague)) return error("unknown_staff", S::err_unknown_staff);
  if (t->responsible == colleague) return error("same_owner", S::err_hand_on_same);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::assignee, colleague.to_hex());
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_handed_on, ctx_.new_id(), std::move(p))});
}

Status TicketsService::set_repair_slip(const Id& id, const RepairSlipDraft& draft) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->kind != tickets::Kind::repair) return error("not_repair", S::err_not_repair);
  if (t->status >= TS::done) return error("bad_step", S::err_ticket_after_done);
  std::vector<SlipLine> lines;
  const auto& prices = ctx_.data().tickets.prices;
  for (const auto& [item, quantity] : draft.items) {
    auto it = prices.find(item);
    if (it == prices.end() || it->second.name.empty()) return error("unknown_price_item", S::err_unknown_price_item);
    if (quantity < 1 || quantity > 10000) return error("bad_quantity", S::err_quantity);
    // Priced as the list stands now: a later edit of the list leaves this slip alone.
    lines.push_back({item, it->second.name, it->second.unit_label, it->second.price_cents, quantity});
  }
  for (const SlipLine& l : draft.off_list) {
    if (l.name.empty()) return error("off_list_name", S::err_off_list_name);
    if (l.price_cents < 0 || l.price_cents > 100000000) return error("bad_price", S::err_off_list_price);
    if (l.quantity < 1 || l.quantity > 10000) return error("bad_quantity", S::err_quantity);
    lines.push_back({Id{}, l.name, l.unit_label, l.price_cents, l.quantity});  // nil item: off the list
  }
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::category, static_cast<std::int64_t>(draft.category)).set(F::lines, encode_slip_lines(lines));
  if (draft.appointment_ms > 0) p.set(F::appointment_ms, draft.appointment_ms);
  p.set(F::materials, draft.materials);
  return ctx_.commit({ctx_.make_op(OpKind::repair_slip_set, ctx_.new_id(), std::move(p))});
}

Status TicketsService::finish_ticket(const Id& id, std::string_view signature, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (auto e = tickets::check_transition(t->lifecycle(), t->kind, t->status, TS::done, false, t->owes_callback());
      e != tickets::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  // 000:619 an off-list price is reviewed by the engineering manager before the owner signs it.
  if (t->kind == tickets::Kind::repair && !t->slip.price_stands()) return error("slip_review_pending", S::err_slip_review_pending);
  if (!signature.empty()) {
    const auto strokes = decode_signature(signature);
    if (!strokes) return error("signature_unreadable", S::err_signature_unreadable);
    if (!looks_signed(*strokes)) return error("signature_blank", S::err_signature_blank);
  } else if (t->kind == tickets::Kind::repair) {
    // 维修完成后，请业主试用或检查合格后在《维修单》上签名确认.
    return error("signature_blank", S::err_signature_blank);
  }
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->received_ms));
  p.set(F::stage, static_cast<std::int64_t>(TS::done));
  if (!signature.empty()) p.set(F::signature, std::string(signature));
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(p))});
}

Status TicketsService::record_leak_test(const Id& id, bool watertight, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->kind != tickets::Kind::repair || t->slip.category != tickets::RepairCategory::leak) return error("not_leak", S::err_leak_only);
  if (t->status != TS::done) return error("not_done", S::err_ticket_not_done);
  const std::int64_t at = std::max(ctx_.now_ms(), t->done_ms);
  Payload p = act_on(id, at);
  if (!note.empty()) p.set(F::note, std::string(note));
  p.set(F::result, watertight ? 0 : 1);
  std::vector<Op> ops{ctx_.make_op(OpKind::leak_tested, ctx_.new_id(), std::move(p))};
  if (!watertight) {
    // Still leaking: back to whoever did the work, to be redone, signed and
    // tested again (回访中发现问题及时通知维修人员整改).
    Payload back = act_on(id, at);
    back.set(F::stage, static_cast<std::int64_t>(TS::dispatched)).set(F::failed, 1);
    if (!t->handler.empty()) back.set(F::department, t->handler);
    if (!note.empty()) back.set(F::note, std::string(note));
    ops.push_back(ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(back)));
  }
  return ctx_.commit(std::move(ops));
}

Status TicketsService::record_callback(const Id& id, CallbackMethod method, bool satisfied, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->status != TS::done) return error("not_done", S::err_ticket_not_done);
  // 000:321 "⑤、由负责部门主管为主要处理问题的中心人物;⑥、回访" with the owner's answer
  // between (000:265 "给住户明确答复"): a complaint is answered before it is called back.
  if (answer_before_callback(*t)) return error("answer_first", S::err_callback_needs_answer);
  const std::int64_t at = std::max(ctx_.now_ms(), t->done_ms);
  Payload callback = act_on(id, at);
  callback.set(F::stage, static_cast<std::int64_t>(TS::callback));
  callback.set(F::method, static_cast<std::int64_t>(method)).set(F::result, satisfied ? 0 : 1);
  if (!note.empty()) callback.set(F::note, std::string(note));
  // What follows the callback is decided by it: closed, or back to the repairer.
  Payload next = act_on(id, at);
  if (satisfied) {
    next.set(F::stage, static_cast<std::int64_t>(TS::closed));
  } else {
    next.set(F::stage, static_cast<std::int64_t>(tickets::reopen_status(t->lifecycle()))).set(F::failed, 1);
    if (!t->handler.empty()) next.set(F::department, t->handler);
    if (!note.empty()) next.set(F::note, std::string(note));
  }
  return ctx_.commit({ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(callback)),
                 ctx_.make_op(OpKind::ticket_stepped, ctx_.new_id(), std::move(next))});
}

Status TicketsService::recheck_callback(const Id& id, bool confirmed, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_recheck_lead_only);
  const Ticket* t = ticket(id);
  if (!t) return error("unknown_ticket", S::err_unknown_ticket);
  if (t->callback_ms == 0) return error("no_callback", S::err_no_callback_yet);
  Payload p = act_on(id, std::max(ctx_.now_ms(), t->callback_ms));
  p.set(F::method, static_cast<std::int64_t>(CallbackMethod::phone)).set(F::result, confirmed ? 0 : 1);
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::callback_rechecked, ctx_.new_id(), std::move(p))});
}

Result<Id> TicketsService::add_ticket_photo(const Id& id, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ticket(id)) return error("unknown_ticket", S::err_unknown_ticket);
  return ctx_.add_photo(id, sha256);
}

const Ticket* TicketsService::ticket(const Id& id) const {
  auto it = ctx_.data().tickets.tickets.find(id);
  return it == ctx_.data().tickets.tickets.end() || it->second.received_ms == 0 ? nullptr : &it->second;
}

tickets::Deadlines TicketsService::deadlines_of(const Ticket& t) const {
  // "当天呈送": the day the customer-service centre has it — for a night log,
  // the morning it was handed over (001: processed from then), not the night.
  const std::int64_t day_of = t.handed_over_ms > 0 ? t.handed_over_ms : t.received_ms;
  const LocalTime at = ctx_.local(day_of);
  const std::int64_t end_of_day = day_of + static_cast<std::int64_t>(24 * 60 - at.minute) * 60000;
  // A later date the manager approved is the date (001 "超時需經小區主任批準");
  // before that op, a lead's approval at classification made the owner's date count.
  const bool approved = t.later_approved_ms > 0 || t.approved_later;
  const std::int64_t requested = t.later_approved_ms > 0 ? t.later_approved_ms : t.requested_ms;
  return tickets::deadlines_for(t.kind, t.severity, t.received_ms, end_of_day, requested, approved, ticket_settings(),
                                tickets::made_in_person(t.channel), t.slip.appointment_ms);
}

std::optional<NightHandover> TicketsService::night_handover(const Ticket& t) const {
  if (t.channel != tickets::kNightLogChannel || t.handed_over_ms == 0) return std::nullopt;
  NightHandover h;
  h.by = tickets::night_handover_by(t.received_ms, ctx_.utc_offset_minutes());
  h.at = t.handed_over_ms;
  return h;
}

std::optional<std::int64_t> TicketsService::callback_due_at(const Ticket& t) const {
  if (t.status != TS::done || !t.owes_callback()) return std::nullopt;
  // A repair's window is the manual's by category (000:283); a complaint's,
  // an enquiry's or a suggestion's is the team's setting.
  if (t.kind != tickets::Kind::repair) return tickets::complaint_callback_due(t.done_ms, ticket_settings());
  return tickets::callback_due(t.slip.category, t.done_ms, t.leak_test_ms, ticket_settings());
}

std::optional<tickets::Due> TicketsService::next_due(const Ticket& t) const {
  const tickets::Met met{escalated(t), t.answered_ms > 0, slip_received(t)};
  std::optional<tickets::Due> next = tickets::pending_due(deadlines_of(t), t.status, met);
  if (const auto callback = callback_due_at(t); callback && (!next || *callback < next->at)) {
    next = tickets::Due{*callback, tickets::DeadlineKind::callback};
  }
  return next;
}

std::optional<std::int64_t> TicketsService::next_deadline(const Ticket& t) const {
  const auto due = next_due(t);
  return due ? std::optional<std::int64_t>(due->at) : std::nullopt;
}

std::vector<const Ticket*> TicketsService::due_within(std::int64_t horizon_ms) const {
  const std::int64_t until = ctx_.lateness_now_ms() + horizon_ms;
  std::vector<std::pair<std::int64_t, const Ticket*>> due;
  for (const auto& [id, t] : ctx_.data().tickets.tickets) {
    if (t.received_ms == 0) continue;
    if (const auto next = next_due(t); next && next->at <= until) due.emplace_back(next->at, &t);
  }
  std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second->id < b.second->id; });
  std::vector<const Ticket*> out;
  out.reserve(due.size());
  for (const auto& [at, t] : due) out.push_back(t);
  return out;
}

bool TicketsService::overdue(const Ticket& t) const {
  const auto next = next_deadline(t);
  return next && ctx_.lateness_now_ms() > *next;
}

std::vector<const Ticket*> TicketsService::open_tickets() const {
  std::vector<const Ticket*> out;
  for (const auto& [id, t] : ctx_.data().tickets.tickets) {
    if (t.received_ms != 0 && t.open()) out.push_back(&t);
  }
  std::sort(out.begin(), out.end(), [this](const Ticket* a, const Ticket* b) {
    const auto da = next_deadline(*a).value_or(INT64_MAX), db = next_deadline(*b).value_or(INT64_MAX);
    return da != db ? da < db : a->id < b->id;
  });
  return out;
}

std::vector<std::pair<const Ticket*, const TicketStep*>> TicketsService::ticket_conflicts() const {
  std::vector<std::pair<const Ticket*, const TicketStep*>> out;
  for (const auto& [id, t] : ctx_.data().tickets.tickets) {
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
