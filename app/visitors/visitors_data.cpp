#include "app/visitors/visitors_data.hpp"

#include <algorithm>

#include "app/ops/payload_fold.hpp"

namespace app {
namespace {

VisitorRecord* parent_of(VisitorsData& d, const Payload& p) {
  Id id;
  if (!set_id(p, F::parent, id)) return nullptr;
  VisitorRecord& v = d.visits[id];
  v.id = id;
  return &v;
}

// Never before the arrival (another tablet's clock may be behind the first's).
std::int64_t not_before_arrival(const VisitorRecord& v, std::int64_t at) { return v.known() ? std::max(at, v.arrived_ms) : at; }

}  // namespace

void apply_visitors(VisitorsData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::visitor_received: {
      VisitorRecord& v = d.visits[op.entity];
      v.id = op.entity;
      v.received_by = op.actor;
      set_text(p, F::visit_purpose, v.purpose);
      set_text(p, F::name, v.name);
      set_text(p, F::phone, v.phone);
      set_text(p, F::note, v.note);
      if (auto k = p.number(F::id_seen); k && visitors::is_id_seen(*k)) v.id_seen = static_cast<visitors::IdSeen>(*k);
      set_id(p, F::unit, v.unit);
      // A department told before this op folded (it cannot be: told follows the receipt) is kept.
      if (!v.told()) set_text(p, F::department, v.department);
      if (auto k = p.number(F::reception_place); k && visitors::is_place(*k)) v.place = static_cast<visitors::Place>(*k);
      set_text(p, F::place_text, v.place_text);
      v.arrived_ms = p.number(F::at_ms).value_or(0);
      break;
    }
    case OpKind::visitor_told: {
      VisitorRecord* v = parent_of(d, p);
      if (!v || v->told()) break;  // told once: the first in fold order stands
      v->told_by = op.actor;
      v->told_ms = not_before_arrival(*v, p.number(F::at_ms).value_or(0));
      set_text(p, F::department, v->department);
      break;
    }
    case OpKind::visitor_left: {
      VisitorRecord* v = parent_of(d, p);
      if (!v || v->left_ms != 0) break;  // left once: the first in fold order stands
      v->left_by = op.actor;
      v->left_ms = not_before_arrival(*v, p.number(F::at_ms).value_or(0));
      break;
    }
    case OpKind::visitor_ticket_opened: {
      VisitorRecord* v = parent_of(d, p);
      if (!v || !v->ticket.is_nil()) break;  // one ticket per visit: the first stands
      if (set_id(p, F::visit_ticket, v->ticket)) v->ticket_by = op.actor;
      break;
    }
    default:
      break;
  }
}

}  // namespace app
