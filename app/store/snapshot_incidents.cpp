#include "app/store/snapshot_incidents.hpp"

#include "app/store/snapshot_fields.hpp"

namespace app {

using namespace snapshot_fields;

void write_snapshot_entity(std::string& o, const Incident& x) {
  for (const Id* id : {&x.id, &x.started_by, &x.closed_by, &x.unit, &x.building}) put_id(o, *id);
  put_number(o, static_cast<std::int64_t>(x.kind));
  for (const std::string* t : {&x.place, &x.lift_number, &x.lift_location, &x.outcome}) put_text(o, *t);
  for (std::int64_t n : {x.lift_floor, static_cast<std::int64_t>(x.has_lift_floor), x.started_ms, x.closed_ms}) put_number(o, n);
  put_varint(o, x.steps.size());
  for (const IncidentStep& s : x.steps) {
    put_id(o, s.id);
    put_id(o, s.by);
    put_text(o, s.key);
    put_text(o, s.note);
    put_number(o, s.at_ms);
    put_number(o, s.happened_ms);
    put_number(o, s.corrected ? 1 : 0);
  }
  put_varint(o, x.people.size());
  for (const std::string& p : x.people) put_text(o, p);
  put_varint(o, x.notes.size());
  for (const IncidentNote& n : x.notes) {
    put_id(o, n.id);
    put_id(o, n.by);
    put_number(o, n.at_ms);
    put_text(o, n.text);
  }
}

bool read_snapshot_entity(bytes::Reader& r, Incident& x) {
  std::int64_t kind = 0, has_floor = 0;
  std::uint64_t n = 0;
  if (!(r.id(&x.id) && r.id(&x.started_by) && r.id(&x.closed_by) && r.id(&x.unit) && r.id(&x.building) && r.number(&kind) &&
        r.text(&x.place) && r.text(&x.lift_number) && r.text(&x.lift_location) && r.text(&x.outcome) && r.number(&x.lift_floor) &&
        r.number(&has_floor) && r.number(&x.started_ms) && r.number(&x.closed_ms))) {
    return false;
  }
  if (!incidents::is_kind(kind)) return false;
  x.kind = static_cast<incidents::Kind>(kind);
  x.has_lift_floor = has_floor != 0;
  if (!count(r, &n, 32)) return false;
  x.steps.resize(static_cast<std::size_t>(n));
  for (IncidentStep& s : x.steps) {
    std::int64_t corrected = 0;
    if (!(r.id(&s.id) && r.id(&s.by) && r.text(&s.key) && r.text(&s.note) && r.number(&s.at_ms) && r.number(&s.happened_ms) &&
          r.number(&corrected))) {
      return false;
    }
    s.corrected = corrected != 0;
  }
  if (!count(r, &n, 1)) return false;
  x.people.resize(static_cast<std::size_t>(n));
  for (std::string& p : x.people) {
    if (!r.text(&p)) return false;
  }
  if (!count(r, &n, 32)) return false;
  x.notes.resize(static_cast<std::size_t>(n));
  for (IncidentNote& note : x.notes) {
    if (!(r.id(&note.id) && r.id(&note.by) && r.number(&note.at_ms) && r.text(&note.text))) return false;
  }
  return true;
}

}  // namespace app
