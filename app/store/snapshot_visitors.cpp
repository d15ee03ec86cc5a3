// The visitors register in a projection snapshot (format 13). Each visit's
// fields are listed once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include "app/store/snapshot_sections.hpp"
#include "app/visitors/visitors_data.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool is_id_seen(std::int64_t v) { return visitors::is_id_seen(v); }
bool is_place(std::int64_t v) { return visitors::is_place(v); }

bool fields(auto& v, Of<VisitorRecord> auto& x) {
  return v.id(x.id) && v.id(x.received_by) && v.text(x.purpose) && v.text(x.name) && v.text(x.phone) && v.text(x.note) &&
         v.enumeration(x.id_seen, is_id_seen) && v.id(x.unit) && v.text(x.department) && v.enumeration(x.place, is_place) &&
         v.text(x.place_text) && v.number(x.arrived_ms) && v.id(x.told_by) && v.number(x.told_ms) && v.id(x.left_by) &&
         v.number(x.left_ms) && v.id(x.ticket) && v.id(x.ticket_by);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_visitors_sections(SnapshotSections& s) {
  s.map("visitors", 13, kFields, [](auto& d) -> auto& { return d.visitors.visits; });
}

}  // namespace app
