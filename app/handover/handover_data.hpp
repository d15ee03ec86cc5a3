#pragma once
// Shift handovers (交接班, shared/domain.md §10 and seeds/000 §4.1.3) as folded
// state. The outgoing staff writes the handover: the open items as they were
// at that moment (a frozen copy, so it reads the same later), free notes, the
// keys physically handed over, and a signature. The incoming staff confirms
// with theirs: from then the items are theirs, and the keys handed over are
// held by them. A second confirmation of one handover (two tablets, offline)
// is kept and listed, never dropped.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/keys/keys_data.hpp"
#include "app/ops/op.hpp"

namespace app {
namespace handover {

// What a handover item is about. A new category of item is one more kind and
// one more source of lines (app/session/handover_sources.cpp).
enum class ItemKind : std::int64_t {
  key_out = 0,          // a key still out (ref: the key)
  key_lost = 1,         // a lost key not yet found or replaced (ref: the key)
  open_finding = 2,     // a round's finding not yet verified (ref: the finding)
  overdue_ticket = 3,   // a ticket past its deadline (ref: the ticket)
  callback_due = 4,     // a done ticket whose callback is due (ref: the ticket)
  model_unit_open = 5,  // a zone's model units not yet closed today (ref: the zone)
  incident = 6,         // an incident of the shift (ref: the incident)
  more = 7,             // "and N more": the items the op had no room for
  ticket_due = 8,       // an open ticket whose next deadline falls in the next shift (ref: the ticket)
  mail_waiting = 9,     // mail not yet collected (ref: the item)
  outage = 10,          // water or power off now or within a day (ref: the notice)
  visitor_in = 11,      // a visitor received and not yet left (ref: the visit)
};
// The last kind this build knows: the codec's check ends here.
inline constexpr std::int64_t kLastItemKind = static_cast<std::int64_t>(ItemKind::visitor_in);
bool is_item_kind(std::int64_t v);

enum class Refusal : std::int64_t { none = 0, not_written = 1, already_confirmed = 2, own_handover = 3 };
bool is_refusal(std::int64_t v);

}  // namespace handover

// One line of a handover, frozen as it read when the handover was written.
struct HandoverItem {
  handover::ItemKind kind = handover::ItemKind::key_out;
  Id ref;                  // what it is about (see ItemKind)
  std::int64_t due_ms = 0; // its deadline, if it has one
  bool overdue = false;    // past it when written
  std::string text;        // in the writer's language, e.g. "3栋 2单元 1502 · 李师傅（施工单位） · 应还 18:00"
  bool operator==(const HandoverItem&) const = default;
};

// A confirmation that did not fit (kept: it is what someone signed).
struct RefusedConfirmation {
  Id id, by, incoming;
  std::int64_t at_ms = 0;
  std::string signature;
  handover::Refusal reason = handover::Refusal::none;
  bool operator==(const RefusedConfirmation&) const = default;
};

struct Handover {
  Id id, outgoing;                 // outgoing: who wrote it (the op's actor)
  std::int64_t written_ms = 0;     // 0: only a confirmation is known here (a shell)
  std::string notes;               // the outgoing staff's own words
  std::vector<HandoverItem> items;
  std::int64_t item_count = 0;     // items when written (more than `items` when some had no room)
  std::vector<Id> keys_handed;     // the keys checked off as handed over
  std::string outgoing_signature;  // encoded strokes (decode_signature)
  // Taken over:
  Id incoming, confirmation;
  std::int64_t confirmed_ms = 0;   // 0: not yet
  std::string incoming_signature;
  std::vector<Id> keys_taken;      // now held by the incoming staff
  std::vector<Id> keys_not_taken;  // no longer out with the outgoing when confirmed (returned meanwhile)
  std::vector<RefusedConfirmation> refused;
  bool confirmed() const { return confirmed_ms != 0; }
  bool operator==(const Handover&) const = default;
};

struct HandoverData {
  std::unordered_map<Id, Handover, IdHash> handovers;
  bool operator==(const HandoverData&) const = default;
};

// A confirmation moves the keys handed over to the incoming staff: it folds
// into the keys too.
void apply_handover(HandoverData& d, KeysData& keys, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData): a confirmed handover hands the keys over too.
template <class Projection>
void fold_handover(Projection& d, const Op& op) {
  apply_handover(d.handover, d.keys, op);
}

}  // namespace app
