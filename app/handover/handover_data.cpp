#include "app/handover/handover_data.hpp"

#include <algorithm>

#include "app/ops/id_list.hpp"
#include "app/handover/handover_codec.hpp"

namespace app {
namespace handover {

bool is_item_kind(std::int64_t v) { return v >= 0 && v <= 10; }
bool is_refusal(std::int64_t v) { return v >= 0 && v <= 3; }

}  // namespace handover

namespace {

std::int64_t at_of(const Op& op) { return op.payload.number(F::at_ms).value_or(op.hlc.wall_ms); }

void apply_written(HandoverData& d, const Op& op) {
  const Payload& p = op.payload;
  Handover& h = d.handovers[op.entity];
  if (h.written_ms != 0) return;  // the same handover twice: the first stands
  h.id = op.entity;
  h.outgoing = op.actor;
  h.written_ms = std::max<std::int64_t>(1, at_of(op));
  if (auto v = p.text(F::note)) h.notes.assign(*v);
  if (auto items = decode_handover_items(p.text(F::handover_items).value_or(""))) h.items = std::move(*items);
  h.item_count = p.number(F::item_count).value_or(static_cast<std::int64_t>(h.items.size()));
  h.keys_handed = split_ids(p.text(F::keys).value_or(""));
  if (auto v = p.text(F::signature)) h.outgoing_signature.assign(*v);
}

void apply_confirmed(HandoverData& d, KeysData& keys, const Op& op) {
  const Payload& p = op.payload;
  Id id, incoming;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &id)) return;
  if (auto v = p.text(F::incoming)) Id::from_hex(*v, &incoming);
  Handover& h = d.handovers[id];
  h.id = id;
  const std::int64_t at = at_of(op);
  handover::Refusal why = handover::Refusal::none;
  if (h.written_ms == 0) why = handover::Refusal::not_written;
  else if (h.confirmed()) why = handover::Refusal::already_confirmed;  // the first to take it over has it
  else if (incoming == h.outgoing) why = handover::Refusal::own_handover;
  if (why != handover::Refusal::none) {
    h.refused.push_back({op.entity, op.actor, incoming, at, std::string(p.text(F::signature).value_or("")), why});
    return;
  }
  h.incoming = incoming;
  h.confirmation = op.entity;
  h.confirmed_ms = std::max<std::int64_t>(1, at);
  if (auto v = p.text(F::signature)) h.incoming_signature.assign(*v);
  for (const Id& key : h.keys_handed) {
    (transfer_key(keys, key, h.outgoing, incoming, h.id, h.confirmed_ms) ? h.keys_taken : h.keys_not_taken).push_back(key);
  }
}

}  // namespace


void apply_handover(HandoverData& d, KeysData& keys, const Op& op) {
  if (op.kind == OpKind::handover_written) apply_written(d, op);
  else if (op.kind == OpKind::handover_confirmed) apply_confirmed(d, keys, op);
}

}  // namespace app
