// The shift handovers in a projection snapshot. Each entity's fields are
// listed once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include "app/handover/handover_codec.hpp"
#include "app/handover/handover_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool fields(auto& v, Of<RefusedConfirmation> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.id(x.incoming) && v.number(x.at_ms) && v.text(x.signature) &&
         v.enumeration(x.reason, handover::is_refusal);
}

// The items go in their op's own text form (a handover is read, not searched).
bool fields(auto& v, Of<Handover> auto& x) {
  return v.id(x.id) && v.id(x.outgoing) && v.number(x.written_ms) && v.text(x.notes) &&
         v.coded(x.items, encode_handover_items, decode_handover_items) && v.number(x.item_count) && v.ids(x.keys_handed) &&
         v.text(x.outgoing_signature) && v.id(x.incoming) && v.id(x.confirmation) && v.number(x.confirmed_ms) &&
         v.text(x.incoming_signature) && v.ids(x.keys_taken) && v.ids(x.keys_not_taken) &&
         v.list(x.refused, 16, [&](auto& c) { return fields(v, c); });
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_handover_sections(SnapshotSections& s) {
  s.map("handovers", 4, kFields, [](auto& d) -> auto& { return d.handover.handovers; });
}

}  // namespace app
