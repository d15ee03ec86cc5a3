// The estate in a projection snapshot: the community, then buildings, units,
// residents, staff, zones, checkpoints, photos, the households' moves and the looks at whole phones. Each entity's fields are
// listed once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include <type_traits>

#include "app/core/sha256.hpp"
#include "app/domain/estate.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;


bool fields(auto& v, Of<Community> auto& x) { return v.id(x.id) && v.text(x.name) && v.text(x.city); }

bool fields(auto& v, Of<Building> auto& x) { return v.id(x.id) && v.text(x.name) && v.number(x.floors) && v.number(x.position); }

// The recorded status came in format 10 (the status is 装修中 while an
// application's works run); before, the status was only ever the recorded one.
bool fields(auto& v, Of<Unit> auto& x) {
  return v.id(x.id) && v.id(x.building) && v.number(x.floor) && v.text(x.stairwell) && v.text(x.number) &&
         v.enumeration(x.status, is_unit_status) &&
         (v.version() >= 10 ? v.enumeration(x.recorded_status, is_unit_status)
                            : v.derive(x, [](auto& u) { u.recorded_status = u.status; }));
}

// Owner and removed share one varint: bit 0, bit 1. The relation came in
// format 5; before, it follows the owner flag (as the fold of an op that
// carries only F::is_owner). The fold keeps the two in step.
bool fields(auto& v, Of<Resident> auto& x) {
  return v.id(x.id) && v.id(x.unit) && v.text(x.name) && v.text(x.phone) && v.text(x.occupation) &&
         v.packed_varint(Bit{x.owner}, Bit{x.removed}) && v.number(x.moved_in) && v.number(x.moved_out) &&
         (v.version() >= 5 ? v.enumeration(x.relation, is_relation)
                           : v.derive(x, [](auto& r) { r.relation = r.owner ? Relation::owner : Relation::family; })) &&
         v.check(x, [](const Resident& r) { return r.owner == (r.relation == Relation::owner); });
}

bool fields(auto& v, Of<Staff> auto& x) {
  return v.id(x.id) && v.text(x.name) && v.text(x.code) && v.text(x.phone) && v.text(x.pin_hash) && v.enumeration(x.role, is_role);
}

// Retired came in format 5 (before, nothing was).
bool fields(auto& v, Of<Zone> auto& x) {
  return v.id(x.id) && v.text(x.name) && v.id(x.butler) && v.ids(x.buildings) && v.number(x.position) &&
         (v.version() < 5 || v.flag(x.retired));
}

bool fields(auto& v, Of<Checkpoint> auto& x) {
  return v.id(x.id) && v.id(x.building) && v.id(x.zone) && v.text(x.name) && v.enumeration(x.kind, is_checkpoint_kind) &&
         v.number(x.position) && (v.version() < 5 || v.flag(x.retired));
}

bool fields(auto& v, Of<Photo> auto& x) { return v.id(x.id) && v.id(x.subject) && v.text(x.sha256, is_sha256_hex) && v.number(x.taken_ms); }

bool fields(auto& v, Of<HouseholdMove> auto& x) {
  return v.id(x.id) && v.id(x.unit) && v.id(x.recorded_by) && v.flag(x.out) && v.number(x.day) && v.ids(x.people) &&
         v.text(x.cards) && v.number(x.keys) && v.text(x.note) && v.number(x.recorded_ms);
}

bool fields(auto& v, Of<ContactView> auto& x) { return v.id(x.id) && v.id(x.resident) && v.id(x.viewer) && v.number(x.at_ms); }

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_estate_sections(SnapshotSections& s) {
  s.value("community", 2, kFields, [](auto& d) -> auto& { return d.community; });
  s.map("buildings", 2, kFields, [](auto& d) -> auto& { return d.buildings; });
  s.map("units", 2, kFields, [](auto& d) -> auto& { return d.units; });
  s.map("residents", 2, kFields, [](auto& d) -> auto& { return d.residents; });
  s.map("staff", 2, kFields, [](auto& d) -> auto& { return d.staff; });
  s.map("zones", 2, kFields, [](auto& d) -> auto& { return d.zones; });
  s.map("checkpoints", 2, kFields, [](auto& d) -> auto& { return d.checkpoints; });
  s.map("photos", 2, kFields, [](auto& d) -> auto& { return d.photos; });
  s.map("moves", 5, kFields, [](auto& d) -> auto& { return d.moves; });
  s.map("contact_views", 8, kFields, [](auto& d) -> auto& { return d.contact_views; });
}

}  // namespace app
