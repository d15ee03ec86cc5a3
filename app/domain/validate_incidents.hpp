#pragma once
// validate_op for the incident (应急) and renovation (装修管理) kinds, codes
// 40–49: the same checks (known fields only, right types, sane values, what
// each record needs to mean something), kept apart because their field codes
// (90–119) lie beyond the 64-bit field mask of the older kinds.
#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app {

bool is_incident_or_renovation_kind(OpKind kind);
// Only for those kinds; validate_op has already checked ids and the clock.
Status validate_incident_or_renovation_op(const Op& op);

}  // namespace app
