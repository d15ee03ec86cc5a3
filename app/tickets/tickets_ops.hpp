#pragma once
// Tickets' and follow-up's op specs and field rules (app/tickets/tickets_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable tickets_ops();

}  // namespace app
