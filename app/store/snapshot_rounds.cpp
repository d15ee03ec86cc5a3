// The rounds in a projection snapshot: rounds, answers, findings and the head
// butler's checklist versions. Each entity's fields are listed once, in stored
// order, for both the writer and the reader (snapshot_fields.hpp); a reader
// refuses any value its fold could not have produced.
#include "app/rounds/checklist_codec.hpp"
#include "app/rounds/rounds_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

// Format 2 had no round kinds (every round walked a zone on the built-in
// checklists); format 3 adds the kind and the pinned checklist versions,
// format 5 the pinned route, format 6 why a round finished incomplete.
bool fields(auto& v, Of<Round> auto& x) {
  return v.id(x.id) && v.id(x.zone) && v.id(x.butler) && v.number(x.day) && v.number(x.started_ms) && v.number(x.finished_ms) &&
         (v.version() < 3 || (v.enumeration(x.kind, is_round_kind) && v.text(x.pins))) && (v.version() < 5 || v.ids(x.route)) &&
         (v.version() < 6 || v.text(x.finish_note));
}

// The result and whether there is a reading share one number: bits 0–1, bit 2.
bool fields(auto& v, Of<Answer> auto& x) {
  return v.id(x.id) && v.id(x.round) && v.id(x.checkpoint) && v.number(x.item) &&
         v.packed_number(Bits{x.result, is_item_result, 2}, Bit{x.has_reading}) && v.text(x.note) && v.number(x.reading) &&
         v.text(x.checklist) && v.number(x.version) && v.number(x.at_ms);
}

bool fields(auto& v, Of<Finding> auto& x) {
  return v.id(x.id) && v.id(x.round) && v.id(x.checkpoint) && v.id(x.opened_by) && v.id(x.verified_by) && v.number(x.item) &&
         v.text(x.note) && v.flag(x.urgent) && v.text(x.told) && v.text(x.department) && v.number(x.opened_ms) &&
         v.number(x.verified_ms) && v.text(x.verify_note) && v.flag(x.owner_notice);
}

// A checklist version as its op carries it: key, version, name, items text
// (the name is the same in both languages).
bool fields(auto& v, Of<SavedChecklist> auto& x) {
  return v.id(x.id) && v.id(x.saved_by) && v.number(x.saved_ms) && v.text(x.checklist.key) && v.number(x.checklist.version) &&
         v.text(x.checklist.zh) && v.coded(x.checklist.items, encode_items, decode_items) &&
         v.derive(x.checklist, [](auto& c) { c.en = c.zh; });
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_rounds_sections(SnapshotSections& s) {
  s.map("rounds", 2, kFields, [](auto& d) -> auto& { return d.rounds.rounds; });
  s.map("answers", 2, kFields, [](auto& d) -> auto& { return d.rounds.answers; });
  s.map("findings", 2, kFields, [](auto& d) -> auto& { return d.rounds.findings; });
  s.map("checklist versions", 4, kFields, [](auto& d) -> auto& { return d.rounds.checklists; });
}

}  // namespace app
