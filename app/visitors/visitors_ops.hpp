#pragma once
// The visitors register's op specs and field rules (app/visitors/visitors_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable visitors_ops();

}  // namespace app
