// HandoverService's commands and queries (handover_service.hpp).
#include "app/handover/handover_service.hpp"

#include <algorithm>
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/domain/command_errors.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/key_rules.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using handover::ItemKind;

constexpr std::size_t kMaxItemsText = 32768 - 512;  // F::handover_items' limit, with room for the "more" line
constexpr std::size_t kMaxNotes = 4096;
constexpr std::size_t kMaxSignature = 32768;
constexpr std::int64_t kDay = 86400000;

using i18n::format;

}  // namespace

std::vector<HandoverItem> HandoverService::handover_prefill() const {
  HandoverMoment m;
  m.now = ctx_.lateness_now_ms();
  m.offset = ctx_.utc_offset_minutes();
  m.today = ctx_.local(m.now).day;
  m.midnight = keys::end_of_local_day(m.now, m.offset) - kDay;
  m.next_shift_end = m.now + kShiftMs;
  std::vector<HandoverItem> items;
  for (const PrefillSource& source : sources_) source(m, items);
  for (HandoverItem& it : items) it.text = clean_item_text(it.text);
  return items;
}

Result<Id> HandoverService::write_handover(const NewHandover& h) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const auto me = ctx_.data().staff.find(ctx_.actor());
  if (me == ctx_.data().staff.end()) return error("who", S::err_handover_who);
  if (!looks_signed(h.signature)) return error("signature_required", S::err_handover_signature);
  const std::string signature = encode_signature(h.signature);
  if (signature.size() > kMaxSignature) return error("signature_too_long", S::err_handover_signature_long);
  // The notes keep their lines as written; only a blank one is no note.
  const std::string notes = h.notes.find_first_not_of(" \t\r\n") == std::string::npos ? std::string() : h.notes;
  if (notes.size() > kMaxNotes) return error("notes_too_long", S::err_handover_notes_long);
  std::vector<Id> sorted = h.keys_handed;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return error("key_twice", S::err_loan_key_twice);
  for (const Id& id : h.keys_handed) {
    const KeyRecord* k = filed_key(ctx_.data().keys, id);  // handed over: keys the outgoing staff holds
    if (!k) return error("unknown_key", S::err_key_unknown);
    // Handed over in person: only what the outgoing staff holds themselves.
    if (k->status != keys::KeyStatus::out || k->holder != ctx_.actor()) {
      return Error{"key_not_held", format(S::err_handover_key_not_held, k->label.c_str())};
    }
  }
  // The items as they read now, frozen in the op; what has no room is counted.
  std::vector<HandoverItem> kept;
  std::size_t total = 0, bytes = 0;
  bool full = false;
  for (const HandoverItem& it : h.items) {
    HandoverItem clean = it;
    clean.text = clean_item_text(it.text);
    if (clean.text.empty() || clean.kind == ItemKind::more) continue;
    ++total;
    const std::size_t line = encode_handover_items({clean}).size() + 1;
    if (full || kept.size() + 1 >= kMaxHandoverItems || bytes + line > kMaxItemsText) {
      full = true;
      continue;
    }
    bytes += line;
    kept.push_back(std::move(clean));
  }
  if (kept.size() < total) {
    kept.push_back({ItemKind::more, Id{}, 0, false, format(S::handover_item_more, static_cast<int>(total - kept.size()))});
  }
  Payload p;
  if (!kept.empty()) p.set(F::handover_items, encode_handover_items(kept));
  p.set(F::item_count, static_cast<std::int64_t>(total));
  if (!notes.empty()) p.set(F::note, notes);
  if (!h.keys_handed.empty()) p.set(F::keys, join_ids(h.keys_handed));
  p.set(F::signature, signature).set(F::at_ms, ctx_.now_ms());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::handover_written, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Result<Id> HandoverService::confirm_handover(const Id& id, const Id& incoming, const Signature& signature) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Handover* h = handover(id);
  if (!h) return error("unknown_handover", S::err_handover_unknown);
  if (h->confirmed()) {
    const std::string who = ctx_.staff_name(h->incoming), when = short_local(h->confirmed_ms, ctx_.utc_offset_minutes());
    return Error{"already_confirmed", format(S::err_handover_confirmed, who.c_str(), when.c_str())};
  }
  const auto person = ctx_.data().staff.find(incoming);
  if (person == ctx_.data().staff.end()) return error("unknown_staff", S::err_unknown_staff);
  if (incoming == h->outgoing) return error("own_handover", S::err_handover_own);
  if (has_left(ctx_.data().keys, incoming)) return Error{"staff_left", format(S::err_staff_left, person->second.name.c_str())};
  if (!looks_signed(signature)) return error("signature_required", S::err_handover_incoming_signature);
  std::string strokes = encode_signature(signature);
  if (strokes.size() > kMaxSignature) return error("signature_too_long", S::err_handover_signature_long);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::incoming, incoming.to_hex()).set(F::signature, std::move(strokes));
  p.set(F::at_ms, std::max(ctx_.now_ms(), h->written_ms));
  const Id event = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::handover_confirmed, event, std::move(p))}); !s.ok()) return s.error();
  return event;
}

const Handover* HandoverService::handover(const Id& id) const {
  const auto& m = ctx_.data().handover.handovers;
  auto it = m.find(id);
  return it == m.end() || it->second.written_ms == 0 ? nullptr : &it->second;
}

std::vector<const Handover*> HandoverService::handovers() const {
  std::vector<const Handover*> out;
  for (const auto& [id, h] : ctx_.data().handover.handovers) {
    if (h.written_ms != 0) out.push_back(&h);
  }
  std::sort(out.begin(), out.end(), [](const Handover* a, const Handover* b) {
    return a->written_ms != b->written_ms ? a->written_ms > b->written_ms : a->id > b->id;
  });
  return out;
}

const Handover* HandoverService::last_handover() const {
  const Handover* latest = nullptr;
  for (const auto& [id, h] : ctx_.data().handover.handovers) {
    if (h.written_ms == 0) continue;
    if (!latest || h.written_ms > latest->written_ms || (h.written_ms == latest->written_ms && h.id > latest->id)) latest = &h;
  }
  return latest;
}

std::vector<std::pair<const Handover*, const RefusedConfirmation*>> HandoverService::handover_conflicts() const {
  std::vector<std::pair<const Handover*, const RefusedConfirmation*>> out;
  for (const auto& [id, h] : ctx_.data().handover.handovers) {
    for (const RefusedConfirmation& c : h.refused) out.emplace_back(&h, &c);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second->at_ms != b.second->at_ms ? a.second->at_ms < b.second->at_ms : a.second->id < b.second->id;
  });
  return out;
}

}  // namespace app
