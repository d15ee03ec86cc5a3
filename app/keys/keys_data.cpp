#include "app/keys/keys_data.hpp"

#include "app/ops/payload_fold.hpp"
#include <algorithm>

#include "app/ops/id_list.hpp"

namespace app {
namespace {


// The act's own time; an op without one (never written by this code) falls
// back to its clock so that the fold stays total.
std::int64_t at_of(const Op& op) { return op.payload.number(F::at_ms).value_or(op.hlc.wall_ms); }

KeyRecord* known_key(KeysData& d, const Id& id) {
  auto it = d.keys.find(id);
  return it == d.keys.end() || it->second.added_ms == 0 ? nullptr : &it->second;
}

void apply_key_set(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  KeyRecord& k = d.keys[op.entity];
  k.id = op.entity;
  set_id(p, F::parent, k.place);
  if (auto v = p.number(F::key_kind); v && keys::is_key_kind(*v)) k.kind = static_cast<keys::KeyKind>(*v);
  if (auto v = p.number(F::custody); v && keys::is_custody(*v)) k.custody = static_cast<keys::Custody>(*v);
  set_text(p, F::name, k.label);
  set_text(p, F::equipment_category, k.category);
  set_text(p, F::system, k.system);
  if (auto v = p.number(F::retired)) k.retired = *v != 0;
  // Filed by the op that names its kind; a relabel or a retirement (checked to
  // come after it) only changes what it names.
  if (k.added_ms == 0 && p.has(F::key_kind)) k.added_ms = std::max<std::int64_t>(1, at_of(op));
}

void apply_lent(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  Loan& l = d.loans[op.entity];
  if (l.out_ms != 0) return;  // the same loan twice: the first stands
  l.id = op.entity;
  l.lent_by = op.actor;
  set_id(p, F::borrower, l.borrower);
  if (auto v = p.number(F::borrower_kind); v && keys::is_borrower_kind(*v)) l.borrower_kind = static_cast<keys::BorrowerKind>(*v);
  set_text(p, F::name, l.borrower_name);
  set_text(p, F::phone, l.phone);
  set_text(p, F::note, l.reason);
  l.out_ms = std::max<std::int64_t>(1, at_of(op));
  if (l.approved_by.is_nil()) set_number(p, F::due_ms, l.due_ms);  // an approval folded first keeps its time
  set_text(p, F::signature, l.signature);
  if (set_id(p, F::approved_by, l.approved_by)) l.approved_ms = l.out_ms;
  for (const Id& key : split_ids(p.text(F::keys).value_or(""))) {
    LoanKey lk;
    lk.key = key;
    lk.holder = l.borrower;
    KeyRecord* k = known_key(d, key);
    const keys::Step s = k ? keys::step(k->status, keys::Action::lend) : keys::Step{keys::KeyStatus::in, keys::KeyError::unknown_key};
    if (s.error != keys::KeyError::none) {
      lk.state = LoanKeyState::refused;  // kept: the head butler sorts out which loan really has it
      lk.refused = s.error;
    } else {
      k->status = s.to;
      k->loan = l.id;
      k->holder = l.borrower;
    }
    l.keys.push_back(lk);
  }
}

// The manager lets a loan run past its day: the later approval in fold order
// names the time (plain last-writer-wins; only the manager writes these).
void apply_overnight(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  Id loan_id;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &loan_id)) return;
  Loan& l = d.loans[loan_id];
  l.id = loan_id;
  set_number(p, F::due_ms, l.due_ms);
  l.approved_by = op.actor;
  l.approved_ms = at_of(op);
  l.approval_note = std::string(p.text(F::note).value_or(""));
}

void apply_returned(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  Id loan_id;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &loan_id)) return;
  Loan& l = d.loans[loan_id];
  l.id = loan_id;
  LoanReturn r;
  r.id = op.entity;
  r.by = op.actor;
  r.at_ms = at_of(op);
  set_text(p, F::note, r.note);
  for (const Id& key : split_ids(p.text(F::keys).value_or(""))) {
    auto lk = std::find_if(l.keys.begin(), l.keys.end(), [&](const LoanKey& x) { return x.key == key; });
    KeyRecord* k = known_key(d, key);
    if (lk == l.keys.end() || lk->state != LoanKeyState::out || !k || k->loan != l.id) {
      r.refused.push_back(key);  // not out on this loan (returned or lost already, or never lent here)
      continue;
    }
    lk->state = LoanKeyState::returned;
    lk->returned_ms = r.at_ms;
    lk->returned_to = op.actor;
    k->status = keys::step(k->status, keys::Action::give_back).to;
    k->loan = Id{};
    k->holder = Id{};
    r.keys.push_back(key);
  }
  l.returns.push_back(std::move(r));
}

void apply_lost(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  KeyEvent& e = d.events[op.entity];
  e.id = op.entity;
  e.by = op.actor;
  e.kind = KeyEventKind::lost;
  e.at_ms = at_of(op);
  set_id(p, F::parent, e.key);
  set_text(p, F::note, e.note);
  KeyRecord* k = known_key(d, e.key);
  if (!k) {
    e.refused = keys::KeyError::unknown_key;
    return;
  }
  const keys::Step s = keys::step(k->status, keys::Action::lose);
  e.refused = s.error;
  if (s.error != keys::KeyError::none) return;
  if (k->status == keys::KeyStatus::out) {
    // Lost by whoever had it: that key of the loan ends here, and is no longer overdue.
    e.loan = k->loan;
    Loan& l = d.loans[k->loan];
    for (LoanKey& lk : l.keys) {
      if (lk.key == k->id && lk.state == LoanKeyState::out) {
        lk.state = LoanKeyState::lost;
        lk.returned_ms = e.at_ms;
      }
    }
  }
  k->status = s.to;
  k->loan = Id{};
  k->holder = Id{};
  k->lost_report = e.id;
}

void apply_followed_up(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  KeyEvent& e = d.events[op.entity];
  e.id = op.entity;
  e.by = op.actor;
  e.at_ms = at_of(op);
  set_id(p, F::parent, e.key);
  set_text(p, F::note, e.note);
  keys::Action action = keys::Action::note;
  const std::int64_t outcome = p.number(F::outcome).value_or(0);
  switch (keys::is_follow_up(outcome) ? static_cast<keys::FollowUp>(outcome) : keys::FollowUp::note) {
    case keys::FollowUp::note: e.kind = KeyEventKind::note; action = keys::Action::note; break;
    case keys::FollowUp::found: e.kind = KeyEventKind::found; action = keys::Action::find; break;
    case keys::FollowUp::replaced: e.kind = KeyEventKind::replaced; action = keys::Action::replace; break;
  }
  KeyRecord* k = known_key(d, e.key);
  if (!k) {
    e.refused = keys::KeyError::unknown_key;
    return;
  }
  const keys::Step s = keys::step(k->status, action);
  e.refused = s.error;
  if (s.error != keys::KeyError::none) return;
  k->status = s.to;
  if (s.to != keys::KeyStatus::lost) k->lost_report = Id{};
}

void apply_departed(KeysData& d, const Op& op) {
  const Payload& p = op.payload;
  Departure& x = d.departures[op.entity];
  x.id = op.entity;
  x.by = op.actor;
  x.at_ms = at_of(op);
  set_id(p, F::parent, x.staff);
  if (auto v = p.number(F::departure); v && keys::is_departure_kind(*v)) x.kind = static_cast<keys::DepartureKind>(*v);
  set_text(p, F::note, x.note);
  x.keys_held = static_cast<std::int64_t>(keys_held_by(d, x.staff).size());
}

}  // namespace

bool Loan::open() const {
  return std::any_of(keys.begin(), keys.end(), [](const LoanKey& k) { return k.state == LoanKeyState::out; });
}

const LoanKey* Loan::key(const Id& id) const {
  for (const LoanKey& k : keys) {
    if (k.key == id) return &k;
  }
  return nullptr;
}

void apply_keys(KeysData& d, const Op& op) {
  switch (op.kind) {
    case OpKind::key_set: apply_key_set(d, op); break;
    case OpKind::key_lent: apply_lent(d, op); break;
    case OpKind::key_returned: apply_returned(d, op); break;
    case OpKind::key_overnight_approved: apply_overnight(d, op); break;
    case OpKind::key_lost: apply_lost(d, op); break;
    case OpKind::key_followed_up: apply_followed_up(d, op); break;
    case OpKind::staff_departed: apply_departed(d, op); break;
    default: break;
  }
}

bool transfer_key(KeysData& d, const Id& key, const Id& from, const Id& to, const Id& handover, std::int64_t at_ms) {
  KeyRecord* k = known_key(d, key);
  if (!k || k->status != keys::KeyStatus::out || k->holder != from || from.is_nil()) return false;
  Loan& l = d.loans[k->loan];
  for (LoanKey& lk : l.keys) {
    if (lk.key == key && lk.state == LoanKeyState::out) lk.holder = to;
  }
  l.transfers.push_back({key, from, to, handover, at_ms});
  k->holder = to;
  return true;
}

std::vector<const KeyRecord*> keys_held_by(const KeysData& d, const Id& staff) {
  std::vector<const KeyRecord*> out;
  if (staff.is_nil()) return out;
  for (const auto& [id, k] : d.keys) {
    if (k.status == keys::KeyStatus::out && k.holder == staff) out.push_back(&k);
  }
  std::sort(out.begin(), out.end(), [](const KeyRecord* a, const KeyRecord* b) {
    return a->label != b->label ? a->label < b->label : a->id < b->id;
  });
  return out;
}

bool has_left(const KeysData& d, const Id& staff) {
  return std::any_of(d.departures.begin(), d.departures.end(), [&](const auto& x) {
    return x.second.staff == staff && x.second.kind == keys::DepartureKind::leaves;
  });
}

const KeyRecord* filed_key(const KeysData& d, const Id& id) {
  auto it = d.keys.find(id);
  return it == d.keys.end() || it->second.added_ms == 0 ? nullptr : &it->second;
}

}  // namespace app
