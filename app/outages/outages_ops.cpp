#include "app/outages/outages_ops.hpp"

#include "app/outages/outages_rules.hpp"

namespace app {
namespace {

// The office announces and posts them, and so does engineering, whose works
// the outages mostly are (000:599 5.1.4.5 "通知受影响单元或相关人士").
constexpr RoleSet kWriters = kOfficeRoles | RoleSet{Role::engineering};

Status check_window(const Op& op) {
  const auto from = op.payload.number(F::from_ms), until = op.payload.number(F::until_ms);
  if (from && until && (*until <= *from || *until - *from > outages::kMaxWindowMs)) return invalid_op("an outage's window must end after it starts, within a week");
  return ok_status();
}

const OpSpec kSpecs[] = {
    {OpKind::outage_announced, {F::outage_kind, F::note, F::from_ms, F::until_ms, F::buildings, F::at_ms},
     {F::outage_kind, F::from_ms, F::until_ms, F::buildings, F::at_ms}, kWriters, check_window},
    {OpKind::outage_posted, {F::at_ms}, {F::at_ms}, kWriters},
    {OpKind::outage_cancelled, {F::note, F::at_ms}, {F::note, F::at_ms}, kWriters},
};

const FieldRule kRules[] = {
    {F::outage_kind, [](const Payload::Field& f) { return outages::is_kind(f.number); }, "unknown outage kind"},
    {F::from_ms, [](const Payload::Field& f) { return f.number > 0; }, "an outage starts at a time"},
    {F::until_ms, [](const Payload::Field& f) { return f.number > 0; }, "an outage ends at a time"},
};

}  // namespace

OpTable outages_ops() { return {kSpecs, kRules}; }

}  // namespace app
