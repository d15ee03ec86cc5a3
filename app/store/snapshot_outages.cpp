// Outage notices in a projection snapshot (format 13). Each entity's fields
// are listed once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include "app/outages/outages_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool is_kind(std::int64_t v) { return outages::is_kind(v); }

bool fields(auto& v, Of<Outage> auto& x) {
  return v.id(x.id) && v.id(x.announced_by) && v.enumeration(x.kind, is_kind) && v.text(x.reason) && v.number(x.from_ms) &&
         v.number(x.until_ms) && v.ids(x.buildings) && v.number(x.announced_ms) && v.number(x.posted_ms) && v.id(x.posted_by) &&
         v.number(x.cancelled_ms) && v.id(x.cancelled_by) && v.text(x.cancel_note);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_outages_sections(SnapshotSections& s) {
  s.map("outages", 13, kFields, [](auto& d) -> auto& { return d.outages.notices; });
}

}  // namespace app
