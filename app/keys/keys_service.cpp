// KeysService's commands and queries (keys_service.hpp).
#include <algorithm>
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/core/signature.hpp"
#include "app/core/text.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/keys_service.hpp"
#include "app/domain/command_errors.hpp"
#include "app/domain/estate_service.hpp"  // plausible_phone

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using command_detail::errorf;


const Staff* staff_of(const MasterData& d, const Id& id) {
  auto it = d.staff.find(id);
  return it == d.staff.end() ? nullptr : &it->second;
}

S borrower_kind_name(keys::BorrowerKind k) {
  switch (k) {
    case keys::BorrowerKind::staff: return S::key_borrower_staff;
    case keys::BorrowerKind::contractor: return S::key_borrower_contractor;
    case keys::BorrowerKind::owner: return S::key_borrower_owner;
    case keys::BorrowerKind::other: return S::key_borrower_other;
  }
  return S::key_borrower_other;
}

}  // namespace

const KeysIndex& KeysService::index() const {
  const int lang = static_cast<int>(i18n::current_language());
  if (index_version_ != ctx_.version() || index_lang_ != lang) {
    index_ = build_keys_index(ctx_.data(), i18n::current_language(), ctx_.utc_offset_minutes());
    index_version_ = ctx_.version();
    index_lang_ = lang;
  }
  return index_;
}

Result<Id> KeysService::lend(const NewLoan& loan) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const MasterData& d = ctx_.data();
  if (loan.keys.empty()) return error("no_keys", S::err_loan_no_keys);
  std::vector<Id> sorted = loan.keys;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return error("key_twice", S::err_loan_key_twice);
  const int offset = ctx_.utc_offset_minutes();
  for (const Id& id : loan.keys) {
    const KeyRecord* k = key(id);
    if (!k) return error("unknown_key", S::err_key_unknown);
    if (k->retired) return errorf("key_retired", S::err_key_retired, k->label.c_str());
    if (k->status == keys::KeyStatus::lost) return errorf("key_lost", S::err_key_is_lost, k->label.c_str());
    if (k->status == keys::KeyStatus::out) {
      // Who has it and since when: the keeper can chase it, not lend it twice.
      const Loan* l = this->loan(k->loan);
      const std::string who = l ? key_holder_name({k, l, k->holder, 0, false}) : std::string();
      const std::string since = l ? short_local(l->out_ms, offset) : std::string();
      return errorf("already_out", S::err_key_already_out, k->label.c_str(), who.c_str(), since.c_str());
    }
  }
  const std::string reason = trimmed(loan.reason), name = trimmed(loan.name), phone = trimmed(loan.phone);
  Payload p;
  p.set(F::keys, join_ids(loan.keys)).set(F::borrower_kind, static_cast<std::int64_t>(loan.borrower_kind));
  if (loan.borrower_kind == keys::BorrowerKind::staff) {
    const Staff* who = staff_of(d, loan.staff);
    if (!who) return error("unknown_staff", S::err_unknown_staff);
    if (has_left(d.keys, loan.staff)) return errorf("staff_left", S::err_staff_left, who->name.c_str());
    p.set(F::borrower, loan.staff.to_hex());
  } else {
    if (name.empty()) return error("borrower_required", S::err_loan_who);
    if (!plausible_phone(phone)) return error("phone_required", S::err_loan_phone);
    p.set(F::name, name).set(F::phone, phone);
  }
  if (reason.empty()) return error("reason_required", S::err_loan_reason);
  // 000:425 "1.1.4.8 …使用人须签收《钥匙发放表》": the borrower signs for the keys.
  if (!looks_signed(loan.signature)) return error("signature_required", S::err_loan_signature);
  const std::int64_t now = ctx_.now_ms();
  // 000:407 "所借钥匙均需当天借用,当天归还": due at the end of today unless a
  // time is chosen; a later day is the manager's exception, and only the
  // manager signed in here records one (his approval is on the loan). Stored
  // resolved, so every tablet (whatever its calendar) judges the same deadline.
  const std::int64_t due = loan.due_ms > 0 ? loan.due_ms : keys::end_of_local_day(now, offset);
  const Staff* me = ctx_.actor_staff();
  const bool manager = me && keys::may_approve_overnight(static_cast<std::int64_t>(me->role));
  const bool overnight = due > keys::end_of_local_day(now, offset);
  switch (keys::check_due(now, due, offset, manager)) {
    case keys::DueError::before_out: return error("due_past", S::err_loan_due_past);
    case keys::DueError::after_today: return error("due_after_today", S::err_loan_due_today);
    case keys::DueError::none: break;
  }
  p.set(F::note, reason).set(F::due_ms, due).set(F::signature, encode_signature(loan.signature));
  if (overnight) p.set(F::approved_by, ctx_.actor().to_hex());
  p.set(F::at_ms, now);
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::key_lent, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status KeysService::approve_overnight(const Id& loan_id, std::int64_t due_ms, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  // 000:407: the exception to 当天归还 is the manager's, not the head butler's.
  const Staff* me = ctx_.actor_staff();
  if (!me || !keys::may_approve_overnight(static_cast<std::int64_t>(me->role))) return error("not_allowed", S::err_key_overnight_manager);
  const Loan* l = loan(loan_id);
  if (!l) return error("unknown_loan", S::err_loan_unknown);
  if (!l->open()) return error("all_back", S::err_loan_all_back);
  const std::int64_t now = ctx_.now_ms();
  if (due_ms <= std::max(now, loan_due(*l))) return error("due_past", S::err_key_overnight_later);
  std::string words = trimmed(note);
  if (words.empty()) return error("note_required", S::err_key_overnight_note);
  Payload p;
  p.set(F::parent, loan_id.to_hex()).set(F::due_ms, due_ms).set(F::note, std::move(words)).set(F::at_ms, now);
  return ctx_.commit({ctx_.make_op(OpKind::key_overnight_approved, ctx_.new_id(), std::move(p))});
}

bool KeysService::may_approve_overnight() const {
  const Staff* me = ctx_.actor_staff();
  return me && keys::may_approve_overnight(static_cast<std::int64_t>(me->role));
}

Status KeysService::return_keys(const Id& loan_id, const std::vector<Id>& keys, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Loan* l = loan(loan_id);
  if (!l) return error("unknown_loan", S::err_loan_unknown);
  std::vector<Id> back = keys;
  if (back.empty()) {
    for (const LoanKey& lk : l->keys) {
      if (lk.state == LoanKeyState::out) back.push_back(lk.key);
    }
    if (back.empty()) return error("all_back", S::err_loan_all_back);
  }
  std::vector<Id> sorted = back;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return error("key_twice", S::err_loan_key_twice);
  for (const Id& id : back) {
    const KeyRecord* k = key(id);
    const LoanKey* lk = l->key(id);
    const char* label = k ? k->label.c_str() : "";
    if (!k) return error("unknown_key", S::err_key_unknown);
    if (!lk) return errorf("not_in_loan", S::err_key_not_in_loan, label);
    if (lk->state == LoanKeyState::lost) return errorf("key_lost", S::err_key_lost_not_return, label);
    if (lk->state != LoanKeyState::out) return errorf("not_out", S::err_key_not_out, label);
  }
  Payload p;
  p.set(F::parent, loan_id.to_hex()).set(F::keys, join_ids(back));
  if (std::string words = trimmed(note); !words.empty()) p.set(F::note, std::move(words));
  p.set(F::at_ms, std::max(ctx_.now_ms(), l->out_ms));
  return ctx_.commit({ctx_.make_op(OpKind::key_returned, ctx_.new_id(), std::move(p))});
}

Status KeysService::return_key(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const KeyRecord* k = key(id);
  if (!k) return error("unknown_key", S::err_key_unknown);
  if (k->status == keys::KeyStatus::lost) return errorf("key_lost", S::err_key_lost_not_return, k->label.c_str());
  if (k->status != keys::KeyStatus::out) return errorf("not_out", S::err_key_not_out, k->label.c_str());
  return return_keys(k->loan, {id}, note);
}

Result<Id> KeysService::report_key_lost(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const KeyRecord* k = key(id);
  if (!k) return error("unknown_key", S::err_key_unknown);
  if (k->status == keys::KeyStatus::lost) return errorf("already_lost", S::err_key_already_lost, k->label.c_str());
  std::string words = trimmed(note);
  if (words.empty()) return error("note_required", S::err_key_lost_note);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::note, std::move(words)).set(F::at_ms, ctx_.now_ms());
  const Id event = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::key_lost, event, std::move(p))}); !s.ok()) return s.error();
  return event;
}

Result<Id> KeysService::follow_up_lost_key(const Id& id, keys::FollowUp outcome, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const KeyRecord* k = key(id);
  if (!k) return error("unknown_key", S::err_key_unknown);
  if (k->status != keys::KeyStatus::lost) return errorf("not_lost", S::err_key_not_lost, k->label.c_str());
  std::string words = trimmed(note);
  if (outcome == keys::FollowUp::note && words.empty()) return error("note_required", S::err_key_follow_note);
  // 未经公司经理同意，任何人均不得私配钥匙: a new key is the manager's to record.
  const Staff* me = staff_of(ctx_.data(), ctx_.actor());
  if (outcome == keys::FollowUp::replaced && !(me && me->role == Role::manager)) {
    return error("not_allowed", S::err_key_replace_manager);
  }
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::outcome, static_cast<std::int64_t>(outcome));
  if (!words.empty()) p.set(F::note, std::move(words));
  p.set(F::at_ms, ctx_.now_ms());
  const Id event = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::key_followed_up, event, std::move(p))}); !s.ok()) return s.error();
  return event;
}

Result<Id> KeysService::record_departure(const Id& staff, keys::DepartureKind kind, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_departure_lead_only);
  const Staff* who = staff_of(ctx_.data(), staff);
  if (!who) return error("unknown_staff", S::err_unknown_staff);
  if (has_left(ctx_.data().keys, staff)) return errorf("already_left", S::err_already_left, who->name.c_str());
  // 钥匙使用人有调岗、离职等变动时，需将钥匙上交由钥匙保管员签收后方可办理人事变动手续.
  const std::vector<const KeyRecord*> held = keys_held_by(staff);
  if (!held.empty()) {
    std::string which;
    const char* comma = i18n::current_language() == i18n::Lang::en ? ", " : "、";
    for (std::size_t i = 0; i < held.size() && i < 6; ++i) which += (i ? comma : "") + held[i]->label;
    if (held.size() > 6) which += "…";
    return errorf("keys_not_back", S::err_departure_keys, who->name.c_str(), static_cast<int>(held.size()), which.c_str());
  }
  Payload p;
  p.set(F::parent, staff.to_hex()).set(F::departure, static_cast<std::int64_t>(kind));
  if (std::string words = trimmed(note); !words.empty()) p.set(F::note, std::move(words));
  p.set(F::at_ms, ctx_.now_ms());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::staff_departed, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

const KeyRecord* KeysService::key(const Id& id) const { return filed_key(ctx_.data().keys, id); }

const std::vector<KeyRow>& KeysService::filed_keys() const { return index().filed; }

const Loan* KeysService::loan(const Id& id) const {
  const auto& m = ctx_.data().keys.loans;
  auto it = m.find(id);
  return it == m.end() || it->second.out_ms == 0 ? nullptr : &it->second;
}

std::vector<KeyOut> KeysService::keys_out() const {
  std::vector<KeyOut> out = index().out;
  const std::int64_t now = ctx_.lateness_now_ms();
  for (KeyOut& k : out) k.overdue = now > k.due_ms;
  return out;
}

std::vector<KeyOut> KeysService::overdue_keys() const {
  std::vector<KeyOut> out = keys_out();
  out.erase(std::remove_if(out.begin(), out.end(), [](const KeyOut& k) { return !k.overdue; }), out.end());
  return out;
}

std::int64_t KeysService::loan_due(const Loan& l) const {
  return l.due_ms > 0 ? l.due_ms : keys::end_of_local_day(l.out_ms, ctx_.utc_offset_minutes());
}

bool KeysService::loan_overdue(const Loan& l) const {
  return l.open() && keys::overdue(l.out_ms, l.due_ms, ctx_.lateness_now_ms(), ctx_.utc_offset_minutes());
}

const std::vector<const KeyRecord*>& KeysService::lost_keys() const { return index().lost; }

std::vector<const KeyEvent*> KeysService::key_events_of(const Id& id) const {
  const auto& m = index().events_by_key;
  auto it = m.find(id);
  return it == m.end() ? std::vector<const KeyEvent*>() : it->second;
}

std::vector<KeyHistoryLine> KeysService::key_history(const Id& id) const {
  return history_of_key(index(), ctx_.data().keys, id);
}

std::vector<KeyHistoryLine> KeysService::staff_key_history(const Id& staff) const {
  return history_of_staff(index(), ctx_.data().keys, staff);
}

std::vector<KeyHistoryLine> KeysService::outsider_key_history(std::string_view phone) const {
  return history_of_outsider(index(), ctx_.data().keys, trimmed(phone));
}

std::vector<const KeyRecord*> KeysService::keys_held_by(const Id& staff) const { return app::keys_held_by(ctx_.data().keys, staff); }

const Departure* KeysService::departure_of(const Id& staff) const {
  const Departure* latest = nullptr;
  for (const auto& [id, x] : ctx_.data().keys.departures) {
    if (x.staff != staff) continue;
    if (!latest || x.at_ms > latest->at_ms || (x.at_ms == latest->at_ms && x.id > latest->id)) latest = &x;
  }
  return latest;
}

const std::vector<KeyConflict>& KeysService::key_conflicts() const { return index().conflicts; }

std::string KeysService::borrower_name(const Loan& l) const {
  if (!l.borrower.is_nil()) return ctx_.staff_name(l.borrower);
  char text[256];
  std::snprintf(text, sizeof text, i18n::tr(S::key_outsider), l.borrower_name.c_str(), i18n::tr(borrower_kind_name(l.borrower_kind)));
  return text;
}

std::string KeysService::key_holder_name(const KeyOut& k) const {
  if (!k.holder.is_nil()) return ctx_.staff_name(k.holder);
  return k.loan ? borrower_name(*k.loan) : std::string();
}

}  // namespace app
