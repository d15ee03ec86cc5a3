#pragma once
// What KeysService's commands take and its queries return
// (keys_service.hpp). Pointers returned by queries point into the
// projection: valid until the next command or merge.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"
#include "app/keys/keys_data.hpp"

namespace app {

// A key put on the board. Unit keys are the centre's and labelled with their
// unit unless given a label; a public key names its equipment category and
// system, and is put once for each set (engineering's and the centre's backup).
struct NewKey {
  keys::KeyKind kind = keys::KeyKind::unit;
  Id unit;                       // unit keys
  Id building;                   // public keys: the building its room is in (nil: estate-wide)
  keys::Custody custody = keys::Custody::centre;  // public keys; unit keys are always the centre's
  std::string label;             // empty: "3栋 2单元 1502", or "1栋 天台门" (building and system)
  std::string category, system;  // public keys: 设备类别 → 系统, both required
};

// 钥匙借用登记: who, which keys, why, when back (out time is now).
struct NewLoan {
  std::vector<Id> keys;
  keys::BorrowerKind borrower_kind = keys::BorrowerKind::staff;
  Id staff;                  // the borrower, when a staff member
  std::string name, phone;   // an outsider (contractor, owner…): both required
  std::string reason;        // 事由, required
  std::int64_t due_ms = 0;   // 0: the end of today (当天借用，当天归还); later needs the manager (000:407)
  Signature signature;       // the borrower's (000:425 使用人须签收); a blank pad is refused
};

// The board as filed: unit keys floor → unit (building by building), then
// public keys equipment category → system.
struct KeyRow {
  const KeyRecord* key = nullptr;
  std::string group;  // "3栋 15层" / "供配电 → 配电房": a heading where it changes
};

// A key's tag as printed (钥匙标签): its label, its kind (and set, for a
// public key), where it belongs (the unit, or category → system and its
// building), and a short number to read out over the radio: the label and
// the first 6 hex digits of its id ("1栋 1502-3FA9C1").
struct KeyLabel {
  Id key;
  std::string label, kind, place;
  std::string code;    // "3FA9C1"
  std::string number;  // "1栋 1502-3FA9C1"
};

// A building and how many keys in use belong to it (its units' and the
// public keys filed under it): a choice of the label sheet.
struct KeyBuilding {
  Id id;
  std::string name;
  int keys = 0;
};

// A key that is out, as Today and the handover show it.
struct KeyOut {
  const KeyRecord* key = nullptr;
  const Loan* loan = nullptr;
  Id holder;                 // staff holding it (nil: the loan's outsider)
  std::int64_t due_ms = 0;   // when it is due back
  bool overdue = false;      // still out after it (on a clock that cannot go back)
};

enum class KeyHistoryKind { lent, returned, handed_over, lost, note, found, replaced };

// One line of a key's or a person's key history, oldest first.
struct KeyHistoryLine {
  KeyHistoryKind kind = KeyHistoryKind::lent;
  std::int64_t at_ms = 0;
  const KeyRecord* key = nullptr;
  const Loan* loan = nullptr;  // lent, returned, handed over
  Id by;                       // who recorded it (returned: who took it back)
  Id from, to;                 // handed over: between whom
  std::string note;            // the loan's reason, the return's or the lost key's note
  bool refused = false;        // kept, but did not fit (a conflict: see key_conflicts)
};

// An act that no longer fitted the key's status when it was folded (made on
// another tablet offline): kept, and listed for the head butler.
enum class KeyConflictKind {
  double_loan,           // the key was already out (or lost) when this loan came
  return_not_out,        // a return of a key that was not out on that loan
  lost_refused,          // reported lost when it was already lost
  follow_up_refused,     // found, replaced or noted when it was not lost
  departure_with_keys,   // a departure recorded while the person still held keys
  handover_key_not_out,  // a key handed over at a handover was no longer out with the outgoing staff
};

struct KeyConflict {
  KeyConflictKind kind = KeyConflictKind::double_loan;
  std::int64_t at_ms = 0;
  Id by;                           // who recorded the act that did not fit
  Id record;                       // the loan, return, event, departure or handover
  const KeyRecord* key = nullptr;  // nullptr for a departure
  const Loan* loan = nullptr;      // double loans and returns
  keys::KeyError reason = keys::KeyError::none;
  Id staff;                        // departure: who; the count they held
  std::int64_t keys_held = 0;
};

}  // namespace app
