#pragma once
// Incidents' op specs and field rules (app/incidents/incidents_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable incidents_ops();

}  // namespace app
