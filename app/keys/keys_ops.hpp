#pragma once
// The key cabinet's op specs and field rules (app/keys/keys_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable keys_ops();

}  // namespace app
