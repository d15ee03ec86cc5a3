#pragma once
// Mail and parcels' op specs and field rules (app/mail/mail_ops.inc declares the kinds and fields).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable mail_ops();

}  // namespace app
