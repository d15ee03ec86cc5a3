#pragma once
// Keys as folded state: the inventory, every loan with what became of each of
// its keys, lost keys and their follow-ups, and staff departures. Each act is
// its own op, applied in fold order against the status the key has reached:
// a loan of a key another tablet lent first, or a return of a key that is not
// out, is kept (in the loan, marked refused) and listed as a conflict for the
// head butler, never dropped — and every replica folds the same op set to the
// same result.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/keys/key_rules.hpp"
#include "app/ops/op.hpp"

namespace app {

struct KeyRecord {
  Id id;
  Id place;  // unit keys: the unit; public keys: the building (nil: estate-wide, e.g. the pump room)
  keys::KeyKind kind = keys::KeyKind::unit;
  keys::Custody custody = keys::Custody::centre;
  std::string label;             // the tag: building and unit, or the plant room's name
  std::string category, system;  // public keys: equipment category → system
  std::int64_t added_ms = 0;     // 0: not (yet) in the inventory here
  bool retired = false;          // out of use: off the board, kept for the loans that name it
  keys::KeyStatus status = keys::KeyStatus::in;
  Id loan;    // out: the loan it is out on
  Id holder;  // out: the staff member holding it (nil: the loan's outsider)
  Id lost_report;  // lost: the report it is lost since
  bool operator==(const KeyRecord&) const = default;
};

// One key of a loan: out, back, lost while out, or refused (the key was not
// in the cabinet when the loan was folded: another loan or a loss came first).
enum class LoanKeyState : std::int64_t { out = 0, returned = 1, lost = 2, refused = 3 };

struct LoanKey {
  Id key;
  LoanKeyState state = LoanKeyState::out;
  keys::KeyError refused = keys::KeyError::none;  // refused: why
  Id holder;                     // who holds it now (a staff id; nil: the loan's outsider)
  std::int64_t returned_ms = 0;  // returned or lost: when
  Id returned_to;                // who took it back (the return's recorder)
  bool operator==(const LoanKey&) const = default;
};

// A return as recorded; keys it named that were not out on the loan when it
// was folded are kept in `refused` (a conflict).
struct LoanReturn {
  Id id, by;
  std::int64_t at_ms = 0;
  std::string note;
  std::vector<Id> keys, refused;
  bool operator==(const LoanReturn&) const = default;
};

// A key passing from the outgoing staff to the incoming one at a handover.
struct KeyTransfer {
  Id key, from, to, handover;
  std::int64_t at_ms = 0;
  bool operator==(const KeyTransfer&) const = default;
};

struct Loan {
  Id id, lent_by;  // lent_by: who recorded it (the keeper at the desk)
  Id borrower;     // a staff member; nil for an outsider
  keys::BorrowerKind borrower_kind = keys::BorrowerKind::staff;
  std::string borrower_name, phone, reason;  // outsider's name and phone; 事由
  std::int64_t out_ms = 0;  // 0: only its returns are known here (a shell)
  std::int64_t due_ms = 0;
  // 000:425 使用人须签收: the borrower's signature (encoded strokes; empty on
  // loans recorded before it was asked for).
  std::string signature;
  // 000:407 当天借用，当天归还: a loan due past its day names the manager who
  // allowed it, when, and why (nil: a same-day loan).
  Id approved_by;
  std::int64_t approved_ms = 0;
  std::string approval_note;
  std::vector<LoanKey> keys;
  std::vector<LoanReturn> returns;     // in fold order, refused keys included
  std::vector<KeyTransfer> transfers;  // handovers it went through
  bool open() const;                   // some key still out
  const LoanKey* key(const Id& key) const;
  bool operator==(const Loan&) const = default;
};

// A lost report or a follow-up of one.
enum class KeyEventKind : std::int64_t { lost = 0, note = 1, found = 2, replaced = 3 };

struct KeyEvent {
  Id id, key, by;
  KeyEventKind kind = KeyEventKind::lost;
  std::int64_t at_ms = 0;
  std::string note;
  Id loan;  // lost while out: the loan it was out on
  keys::KeyError refused = keys::KeyError::none;  // none: applied
  bool operator==(const KeyEvent&) const = default;
};

// A staff member leaving or changing post. Recorded only once they hold no
// key (the command refuses); one recorded elsewhere while they still held
// keys here is kept with the count (a conflict).
struct Departure {
  Id id, staff, by;
  keys::DepartureKind kind = keys::DepartureKind::leaves;
  std::int64_t at_ms = 0;
  std::string note;
  std::int64_t keys_held = 0;  // keys they held when it was folded
  bool operator==(const Departure&) const = default;
};

struct KeysData {
  std::unordered_map<Id, KeyRecord, IdHash> keys;
  std::unordered_map<Id, Loan, IdHash> loans;
  std::unordered_map<Id, KeyEvent, IdHash> events;
  std::unordered_map<Id, Departure, IdHash> departures;
  bool operator==(const KeysData&) const = default;
};

// A key on the board (nullptr: unknown, or only heard of in a later op).
const KeyRecord* filed_key(const KeysData& d, const Id& id);
void apply_keys(KeysData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData, not included here: it is the layer above).
template <class Projection>
void fold_keys(Projection& d, const Op& op) {
  apply_keys(d.keys, op);
}

// A handover's confirmation passes a key held by `from` to `to`; false (and
// nothing changes) when the key is no longer out with `from`.
bool transfer_key(KeysData& d, const Id& key, const Id& from, const Id& to, const Id& handover, std::int64_t at_ms);

// What a staff member still holds (a leaver must hand these back first), by label.
std::vector<const KeyRecord*> keys_held_by(const KeysData& d, const Id& staff);

// Whether a staff member has left (a post change does not stop them borrowing).
bool has_left(const KeysData& d, const Id& staff);

}  // namespace app
