// The incidents in a projection snapshot (after the shift handovers). Each
// entity's fields are listed once, in stored order, for both the writer and
// the reader (snapshot_fields.hpp); a reader refuses any value its fold could
// not have produced.
#include "app/incidents/incidents_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool fields(auto& v, Of<IncidentStep> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.text(x.key) && v.text(x.note) && v.number(x.at_ms) && v.number(x.happened_ms) &&
         v.flag(x.corrected) && v.text(x.contact_name) && v.number(x.expected_arrival_ms);
}

bool is_form(std::int64_t v) { return incidents::is_report_form(v); }

bool fields(auto& v, Of<FiledReport> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.form, is_form) && v.number(x.at_ms) && v.text(x.text);
}

bool fields(auto& v, Of<IncidentNote> auto& x) { return v.id(x.id) && v.id(x.by) && v.number(x.at_ms) && v.text(x.text); }

bool fields(auto& v, Of<Incident> auto& x) {
  auto each = [&](auto& e) { return fields(v, e); };
  return v.id(x.id) && v.id(x.started_by) && v.id(x.closed_by) && v.id(x.unit) && v.id(x.building) &&
         v.enumeration(x.kind, incidents::is_kind) && v.text(x.place) && v.text(x.lift_number) && v.text(x.lift_location) &&
         v.text(x.outcome) && v.number(x.lift_floor) && v.flag(x.has_lift_floor) && v.number(x.started_ms) && v.number(x.closed_ms) &&
         v.list(x.steps, 32, each) && v.list(x.people, 1, [&](auto& p) { return v.text(p); }) && v.list(x.notes, 32, each) &&
         v.list(x.reports, 32, each);  // format 9
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_incidents_sections(SnapshotSections& s) {
  s.map("incidents", 4, kFields, [](auto& d) -> auto& { return d.incidents.incidents; });
}

}  // namespace app
