#include "app/renovation/renovation_data.hpp"

#include "app/ops/payload_fold.hpp"
#include <algorithm>

namespace app {
namespace {

using renovation::Stage;


Renovation* parent_of(RenovationData& d, const Payload& p) {
  Id id;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &id)) return nullptr;
  Renovation& r = d.renovations[id];
  r.id = id;
  return &r;
}

template <typename T>
T& by_id(std::vector<T>& items, const Id& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  if (it != items.end()) return *it;
  items.push_back(T{});
  items.back().id = id;
  return items.back();
}

void step(Renovation& r, const Op& op) {
  const Payload& p = op.payload;
  RenovationStep s;
  s.id = op.entity;
  s.by = op.actor;
  if (auto st = p.number(F::reno_stage); st && renovation::is_stage(*st)) s.to = static_cast<Stage>(*st);
  set_number(p, F::at_ms, s.at_ms);
  set_text(p, F::note, s.note);
  s.refused = renovation::check_recorded_transition(r.stage, s.to);
  if (s.refused == renovation::TransitionError::none) {
    r.stage = s.to;
    switch (s.to) {
      case Stage::fees_paid:
        set_number(p, F::deposit_cents, r.deposit_cents);
        set_number(p, F::waste_fee_cents, r.waste_fee_cents);
        break;
      case Stage::completion_checked:
        r.completion_ms = s.at_ms;
        set_number(p, F::day, r.completion_day);
        break;
      case Stage::rechecked: r.recheck_ms = s.at_ms; break;
      case Stage::refunded:
        r.refunded_ms = s.at_ms;
        set_number(p, F::refund_cents, r.refund_cents);
        set_number(p, F::penalty_cents, r.penalty_cents);
        set_text(p, F::refund_signature, r.refund_signature);
        break;
      default: break;
    }
  }
  r.history.push_back(std::move(s));
}

void pass(Renovation& r, const Op& op) {
  const Payload& p = op.payload;
  RenovationPass& x = by_id(r.passes, op.entity);
  const std::int64_t at = p.number(F::at_ms).value_or(0);
  switch (static_cast<renovation::PassState>(p.number(F::pass_state).value_or(0))) {
    case renovation::PassState::issued:
      x.issued_by = op.actor;
      x.issued_ms = at;
      set_text(p, F::number, x.number);
      set_text(p, F::name, x.worker);
      break;
    case renovation::PassState::returned:
      // The first return counts (a second tap elsewhere changes nothing).
      if (x.returned_ms == 0 || at < x.returned_ms) {
        x.returned_ms = at;
        x.closed_by = op.actor;
      }
      break;
    case renovation::PassState::lost:
      if (x.lost_ms == 0 || at < x.lost_ms) {
        x.lost_ms = at;
        if (x.returned_ms == 0) x.closed_by = op.actor;
      }
      break;
  }
}

void notice(Renovation& r, const Op& op) {
  const Payload& p = op.payload;
  ViolationNotice& n = by_id(r.notices, op.entity);
  n.by = op.actor;
  set_text(p, F::note, n.what);
  set_text(p, F::record_no, n.number);
  if (auto a = p.number(F::action); a && renovation::is_action(*a)) n.action = static_cast<renovation::Action>(*a);
  // A notice from before the set carries its one action.
  n.actions = renovation::action_bit(n.action);
  if (auto set = p.number(F::actions); set && renovation::is_action_set(*set)) {
    n.actions = *set;
    n.action = renovation::first_action(*set);
  }
  set_number(p, F::rectify_by, n.rectify_by);
  set_number(p, F::deduct_cents, n.deduct_cents);
  set_id(p, F::finding, n.finding);
  set_number(p, F::at_ms, n.issued_ms);
}

void follow_up(Renovation& r, const Op& op) {
  const Payload& p = op.payload;
  Id id;
  if (auto v = p.text(F::notice); !v || !Id::from_hex(*v, &id)) return;
  ViolationNotice& n = by_id(r.notices, id);
  const std::int64_t at = p.number(F::at_ms).value_or(0);
  // Two tablets followed it up: the earlier follow-up is the record.
  if (n.followed_up() && at >= n.followed_ms) return;
  n.followed_ms = at;
  n.followed_by = op.actor;
  n.rectified_day = p.number(F::rectified_day).value_or(0);
  n.follow_note.assign(p.text(F::note).value_or(""));
}

}  // namespace

const RenovationPass* Renovation::pass(const Id& pid) const {
  for (const RenovationPass& x : passes) {
    if (x.id == pid) return &x;
  }
  return nullptr;
}

const ViolationNotice* Renovation::notice(const Id& nid) const {
  for (const ViolationNotice& n : notices) {
    if (n.id == nid) return &n;
  }
  return nullptr;
}

bool Renovation::has_paper(renovation::PaperKind kind) const {
  return std::any_of(papers.begin(), papers.end(), [kind](const RenovationPaper& x) { return x.kind == kind; });
}

std::int64_t Renovation::deductions_cents() const {
  std::int64_t sum = 0;
  for (const ViolationNotice& n : notices) {
    if (n.known() && n.orders(renovation::Action::deduct_deposit)) sum += n.deduct_cents;
  }
  return sum;
}

int Renovation::lost_passes() const {
  return static_cast<int>(std::count_if(passes.begin(), passes.end(), [](const RenovationPass& x) {
    return x.issued_ms != 0 && x.state() == renovation::PassState::lost;
  }));
}

int Renovation::passes_out() const {
  return static_cast<int>(std::count_if(passes.begin(), passes.end(), [](const RenovationPass& x) { return x.issued_ms != 0 && x.out(); }));
}

int Renovation::open_notices() const {
  return static_cast<int>(std::count_if(notices.begin(), notices.end(), [](const ViolationNotice& n) { return n.known() && !n.followed_up(); }));
}

bool unit_under_works(const RenovationData& d, const Id& unit) {
  if (unit.is_nil()) return false;
  for (const auto& [id, r] : d.renovations) {
    if (r.known() && r.unit == unit && renovation::works_under_way(r.stage)) return true;
  }
  return false;
}

Id unit_whose_status_may_change(const RenovationData& d, const Op& op) {
  Id id;
  if (op.kind == OpKind::renovation_applied) id = op.entity;
  else if (op.kind != OpKind::renovation_stepped) return Id{};
  else if (auto parent = op.payload.text(F::parent); !parent || !Id::from_hex(*parent, &id)) return Id{};
  auto it = d.renovations.find(id);
  return it == d.renovations.end() ? Id{} : it->second.unit;
}

void apply_renovation(RenovationData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::renovation_applied: {
      Renovation& r = d.renovations[op.entity];
      r.id = op.entity;
      r.applied_by = op.actor;
      set_id(p, F::unit, r.unit);
      set_text(p, F::name, r.owner);
      set_text(p, F::contractor, r.contractor);
      set_text(p, F::phone, r.contractor_phone);
      set_text(p, F::note, r.scope);
      set_number(p, F::planned_start, r.planned_start);
      set_number(p, F::planned_end, r.planned_end);
      set_number(p, F::at_ms, r.applied_ms);
      break;
    }
    case OpKind::renovation_paper:
      if (Renovation* r = parent_of(d, p)) {
        RenovationPaper& x = by_id(r->papers, op.entity);
        x.by = op.actor;
        if (auto k = p.number(F::paper_kind); k && renovation::is_paper_kind(*k)) x.kind = static_cast<renovation::PaperKind>(*k);
        set_text(p, F::photo, x.sha256);
        set_number(p, F::at_ms, x.at_ms);
      }
      break;
    case OpKind::renovation_stepped:
      if (Renovation* r = parent_of(d, p)) step(*r, op);
      break;
    case OpKind::renovation_pass:
      if (Renovation* r = parent_of(d, p)) pass(*r, op);
      break;
    case OpKind::renovation_violation:
      if (Renovation* r = parent_of(d, p)) notice(*r, op);
      break;
    case OpKind::renovation_followed_up:
      if (Renovation* r = parent_of(d, p)) follow_up(*r, op);
      break;
    case OpKind::renovation_settings_set:
      // Field by field, the later edit winning (as the ticket settings).
      if (op.entity != kRenovationSettingsEntity) break;
      set_number(p, F::pass_penalty_cents, d.settings.lost_pass_penalty_cents);
      if (auto v = p.number(F::penalty_from_deposit)) d.settings.penalty_from_deposit = *v != 0;
      break;
    default:
      break;
  }
}

}  // namespace app
