#pragma once
// Rounds' op specs and field rules (app/rounds/rounds_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable rounds_ops();

}  // namespace app
