#pragma once
// Whether one op is acceptable, judged the same way on the server (before
// anything is stored) and on a tablet (before a pulled op is applied): a known
// kind, only the fields its spec allows, each of its declared type and bound
// and passing its value rule, the fields it requires, and its spec's own
// check. Commands build valid ops by construction; this guards the wire,
// where anything can arrive. Specs live with their workflows
// (app/domain/op_registry.hpp).
//
// Unknown field keys are refused too: a newer tablet talking to an older
// server must be told, not silently have fields dropped by an older fold.
#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app {

Status validate_op(const Op& op);

// Who may record what, from the kind's spec: the server enforces it on every
// new op; the shell can use it to hide actions.
bool role_may_write(std::int64_t role, OpKind kind);

// Whether a person of `role` may record this op: its kind's writers and its
// spec's rule for particular values (OpSpec::rights). One table serves the
// tablet (Session::commit, before anything is stored) and the server (before
// a pushed op is stored, with the actor's role from its own staff table).
Status may_record(const Op& op, std::int64_t role);

}  // namespace app
