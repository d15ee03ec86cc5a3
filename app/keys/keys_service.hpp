#pragma once
// app::KeysService: the key cabinet (钥匙管理) — the board (unit keys floor →
// unit, public keys category → system in two sets), loans and returns, lost
// keys and their follow-up, and the departure that waits until every key is
// back. The rules are key_rules.hpp; this turns them into ops and messages a
// butler can read. Reached as session.keys().
//
// Commands refuse with a reason in the catalogue's language. Ops from other
// tablets that no longer fit (a second loan of a key, a return of a key not
// out) are kept and listed, never dropped.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/keys/keys_api.hpp"
#include "app/keys/keys_index.hpp"

namespace app {

class KeysService {
 public:
  explicit KeysService(CommandContext& ctx) : ctx_(ctx) {}
  KeysService(const KeysService&) = delete;
  KeysService& operator=(const KeysService&) = delete;

  // Adds a key to the board (head butler, manager or front desk). Refuses: unknown
  // unit or building, a public key without category and system, an empty label.
  Result<Id> add_key(const NewKey& key);
  // Whoever records now keeps the cabinet (head butler, manager or front desk):
  // adds, relabels and retires keys, and prints their labels.
  bool may_keep_cabinet() const;
  // A new label on a key (the same roles). Refuses: unknown or retired key, an
  // empty label, the label it has already.
  Status relabel_key(const Id& key, std::string_view label);
  // Takes a key out of use (the same roles): it is no longer lent, on the board
  // or in the loan picker, and stays in keys.csv and the history of the loans
  // that name it. Refuses: unknown key, retired already, a key out on loan
  // (it comes back first).
  Status retire_key(const Id& key);
  // Lends keys in one loan, out now. Refuses: no keys, a key twice, an unknown key,
  // a key out or lost, no borrower (staff unknown or left; outsider without name or
  // phone), no reason, no borrower's signature (000:425), due not after now, due
  // after today unless the manager records it (000:407; his approval is on the loan).
  Result<Id> lend(const NewLoan& loan);
  // The manager lets an open loan run to `due_ms` (000:407's exception, recorded on
  // the loan with who approved it and why). Refuses: anyone but the manager (the
  // head butler too), an unknown or returned loan, a time not later than its due
  // time and now, no reason.
  Status approve_overnight(const Id& loan, std::int64_t due_ms, std::string_view note);
  bool may_approve_overnight() const;  // the manager is signed in
  // Returns keys of a loan (none named: all still out on it). Refuses: unknown loan,
  // a key not in the loan, a key not out (returned or lost already), nothing left out.
  Status return_keys(const Id& loan, const std::vector<Id>& keys = {}, std::string_view note = {});
  // The same for one key, by the key (the keeper taps it on the board). Refuses a key not out.
  Status return_key(const Id& key, std::string_view note = {});
  // Refuses: unknown key, already lost, no note of how it was lost.
  Result<Id> report_key_lost(const Id& key, std::string_view note);
  // Refuses: unknown key, a key not lost, a note outcome without words, a
  // replacement (a new key cut, the lock changed) recorded by anyone but the manager.
  Result<Id> follow_up_lost_key(const Id& key, keys::FollowUp outcome, std::string_view note = {});
  // 调岗、离职 (head butler or manager). Refuses while the person still holds keys,
  // naming how many and which; refuses a second "leaves".
  Result<Id> record_departure(const Id& staff, keys::DepartureKind kind, std::string_view note = {});
  const KeyRecord* key(const Id& id) const;
  const std::vector<KeyRow>& filed_keys() const;  // the whole board, filed (keys in use)
  // Labels to print for the keys named, in filing order; retired and unknown keys are left out.
  std::vector<KeyLabel> key_labels(const std::vector<Id>& keys) const;
  // The keys in use of one building (its units' and the public keys filed under it), filed.
  std::vector<Id> keys_in_building(const Id& building) const;
  // The buildings in the estate's order with their keys in use.
  std::vector<KeyBuilding> key_buildings() const;
  const Loan* loan(const Id& id) const;
  std::vector<KeyOut> keys_out() const;           // due soonest first, overdue judged now
  std::vector<KeyOut> overdue_keys() const;       // still out after they were due (Today, the handover)
  std::int64_t loan_due(const Loan& l) const;     // its due time (the end of the day it went out, by default)
  bool loan_overdue(const Loan& l) const;         // some key still out past it, on a clock that cannot go back
  const std::vector<const KeyRecord*>& lost_keys() const;
  std::vector<const KeyEvent*> key_events_of(const Id& key) const;  // its lost reports and follow-ups, oldest first
  std::vector<KeyHistoryLine> key_history(const Id& key) const;
  std::vector<KeyHistoryLine> staff_key_history(const Id& staff) const;
  std::vector<KeyHistoryLine> outsider_key_history(std::string_view phone) const;
  std::vector<const KeyRecord*> keys_held_by(const Id& staff) const;  // what a leaver must hand back
  const Departure* departure_of(const Id& staff) const;              // their latest departure record
  const std::vector<KeyConflict>& key_conflicts() const;             // oldest first
  std::string borrower_name(const Loan& l) const;                    // "王芳" / "李师傅（施工单位）"
  std::string key_holder_name(const KeyOut& k) const;                // who has it now (after handovers)

 private:
  // The board, keys out, conflicts and each key's and person's loans,
  // rebuilt when the projection (or the language of the headings) changes.
  const KeysIndex& index() const;

  CommandContext& ctx_;
  mutable KeysIndex index_;
  mutable std::uint64_t index_version_ = ~0ull;
  mutable int index_lang_ = -1;
};

}  // namespace app
