// Setting up a community in a projection snapshot: the office files
// imported. The estate the set-up changes is the estate's own section.
#include "app/setup/setup_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool non_negative(std::int64_t v) { return v >= 0; }

bool fields(auto& v, Of<ImportRecord> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.kind, is_import_kind) && v.text(x.file) && v.number(x.added, non_negative) &&
         v.number(x.changed, non_negative) && v.number(x.unchanged, non_negative) && v.number(x.at_ms);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_setup_sections(SnapshotSections& s) {
  s.map("imports", 5, kFields, [](auto& d) -> auto& { return d.setup.imports; });
}

}  // namespace app
