#pragma once
// Shift handover's op specs and field rules (app/handover/handover_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable handover_ops();

}  // namespace app
