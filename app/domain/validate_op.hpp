#pragma once
// Whether one op is acceptable, judged the same way on the server (before
// anything is stored) and on a tablet (before a pulled op is applied): a known
// kind, only the fields that kind carries, each with the right type, and sane
// values (a unit status, a role, an id, a date). Commands build valid ops by
// construction; this guards the wire, where anything can arrive.
//
// Unknown field keys are refused too: a newer tablet talking to an older
// server must be told, not silently have fields dropped by an older fold.
#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app {

Status validate_op(const Op& op);

// Who may record what: butlers and the front desk keep the unit and resident
// archive; the estate's structure and its staff (community, buildings,
// zones, checkpoints, staff) are for the head butler and the manager. The
// server enforces it on every new op; the shell can use it to hide actions.
bool role_may_write(std::int64_t role, OpKind kind);

}  // namespace app
