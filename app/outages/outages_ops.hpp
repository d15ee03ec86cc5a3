#pragma once
// Outage notices' op specs: who may write each op and what it carries (app/ops/op_spec.hpp).
#include "app/ops/op_spec.hpp"

namespace app {

OpTable outages_ops();

}  // namespace app
