#pragma once
// Setting up a community: the op specs (app/setup/setup_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable setup_ops();

}  // namespace app
