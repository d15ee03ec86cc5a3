#pragma once
// Renovation supervision's op specs and field rules (app/renovation/renovation_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable renovation_ops();

}  // namespace app
