#include "app/outages/outages_data.hpp"

#include "app/ops/id_list.hpp"
#include "app/ops/payload_fold.hpp"

namespace app {

void apply_outages(OutagesData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::outage_announced: {
      Outage& o = d.notices[op.entity];
      o.id = op.entity;
      if (!o.known()) {
        o.announced_by = op.actor;
        o.announced_ms = p.number(F::at_ms).value_or(1);
        if (o.announced_ms == 0) o.announced_ms = 1;
      }
      if (auto k = p.number(F::outage_kind); k && outages::is_kind(*k)) o.kind = static_cast<outages::Kind>(*k);
      set_text(p, F::note, o.reason);
      set_number(p, F::from_ms, o.from_ms);
      set_number(p, F::until_ms, o.until_ms);
      if (auto b = p.text(F::buildings)) o.buildings = split_ids(*b);
      break;
    }
    case OpKind::outage_posted: {
      Outage& o = d.notices[op.entity];
      o.id = op.entity;
      // The first posting stands: a second tablet's is the same act.
      if (o.posted_ms == 0) {
        o.posted_ms = p.number(F::at_ms).value_or(1);
        o.posted_by = op.actor;
      }
      break;
    }
    case OpKind::outage_cancelled: {
      Outage& o = d.notices[op.entity];
      o.id = op.entity;
      if (o.cancelled_ms == 0) {
        o.cancelled_ms = p.number(F::at_ms).value_or(1);
        o.cancelled_by = op.actor;
        set_text(p, F::note, o.cancel_note);
      }
      break;
    }
    default: break;
  }
}

}  // namespace app
