// The estate in a projection snapshot: the community, then buildings, units,
// residents, staff, zones, checkpoints and photos. Each entity's fields are
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

bool is_checkpoint_kind(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(CheckpointKind::gate); }

bool fields(auto& v, Of<Community> auto& x) { return v.id(x.id) && v.text(x.name) && v.text(x.city); }

bool fields(auto& v, Of<Building> auto& x) { return v.id(x.id) && v.text(x.name) && v.number(x.floors) && v.number(x.position); }

bool fields(auto& v, Of<Unit> auto& x) {
  return v.id(x.id) && v.id(x.building) && v.number(x.floor) && v.text(x.stairwell) && v.text(x.number) &&
         v.enumeration(x.status, is_unit_status);
}

// A resident's relation came in format 5; format 2 knew only the owner flag,
// and the relation follows it (as the fold does for the early ops that carry
// only F::is_owner).
bool relation(auto& v, Of<Resident> auto& x) {
  if (v.version() >= 5) return v.enumeration(x.relation, is_relation);
  if constexpr (!std::is_const_v<std::remove_reference_t<decltype(x)>>) x.relation = x.owner ? Relation::owner : Relation::family;
  return true;
}

// Owner and removed share one varint: bit 0, bit 1.
bool fields(auto& v, Of<Resident> auto& x) {
  return v.id(x.id) && v.id(x.unit) && v.text(x.name) && v.text(x.phone) && v.text(x.occupation) &&
         v.packed_varint(Bit{x.owner}, Bit{x.removed}) && relation(v, x) && v.number(x.moved_in) && v.number(x.moved_out);
}

bool fields(auto& v, Of<Staff> auto& x) {
  return v.id(x.id) && v.text(x.name) && v.text(x.code) && v.text(x.phone) && v.text(x.pin_hash) && v.enumeration(x.role, is_role);
}

// Retired zones and checkpoints came in format 5.
bool fields(auto& v, Of<Zone> auto& x) {
  return v.id(x.id) && v.text(x.name) && v.id(x.butler) && v.ids(x.buildings) && v.number(x.position) &&
         (v.version() < 5 || v.flag(x.retired));
}

bool fields(auto& v, Of<Checkpoint> auto& x) {
  return v.id(x.id) && v.id(x.building) && v.id(x.zone) && v.text(x.name) && v.enumeration(x.kind, is_checkpoint_kind) &&
         v.number(x.position) && (v.version() < 5 || v.flag(x.retired));
}

bool fields(auto& v, Of<Photo> auto& x) { return v.id(x.id) && v.id(x.subject) && v.text(x.sha256, is_sha256_hex) && v.number(x.taken_ms); }

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
}

}  // namespace app
