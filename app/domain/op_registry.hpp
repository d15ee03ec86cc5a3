#pragma once
// Every workflow's op table in one registry: validation (validate_op.hpp),
// the role check and the fold (apply_master_data) are lookups here. The
// workflows are listed once, in app/domain/workflows.cpp.
#include <span>
#include <string_view>

#include "app/domain/master_data.hpp"
#include "app/ops/op_spec.hpp"

namespace app {

// A workflow's ops and how they fold into the projection.
struct WorkflowOps {
  std::string_view name;  // "keys"
  OpTable table;
  void (*fold)(MasterData& data, const Op& op);
};
std::span<const WorkflowOps> registered_workflows();  // app/domain/workflows.cpp

// The spec of a kind, and the workflow that declared it; null for an unknown kind.
const OpSpec* find_op_spec(OpKind kind);
const WorkflowOps* workflow_of(OpKind kind);
// A field's value rule; null when the field has none.
const FieldRule* find_field_rule(F key);

}  // namespace app
