// Setting up a community in a projection snapshot: the office files
// imported, the community's duty hours. The estate the set-up changes is the estate's own section.
#include "app/setup/setup_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool non_negative(std::int64_t v) { return v >= 0; }
bool minute_of_day(std::int64_t v) { return v >= 0 && v < 24 * 60; }

bool fields(auto& v, Of<ImportRecord> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.kind, is_import_kind) && v.text(x.file) && v.number(x.added, non_negative) &&
         v.number(x.changed, non_negative) && v.number(x.unchanged, non_negative) && v.number(x.at_ms);
}

bool grace_minutes(std::int64_t v) { return v >= 0 && v <= kMaxCloseGraceMinutes; }

// Each time as the fold could set it (op rules keep them in the day); hours
// that do not hold together are the fold's to keep, the schedule's to ignore.
bool fields(auto& v, Of<EstateHours> auto& x) {
  return v.number(x.model_opens, minute_of_day) && v.number(x.model_closes, minute_of_day) &&
         v.number(x.greeting_from, minute_of_day) && v.number(x.greeting_until, minute_of_day) && v.id(x.gate) &&
         v.number(x.zone_round_from, minute_of_day) && v.number(x.zone_round_until, minute_of_day) &&
         v.number(x.close_grace_minutes, grace_minutes);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_setup_sections(SnapshotSections& s) {
  s.map("imports", 5, kFields, [](auto& d) -> auto& { return d.setup.imports; });
  s.value("estate hours", 5, kFields, [](auto& d) -> auto& { return d.setup.hours; });
}

}  // namespace app
