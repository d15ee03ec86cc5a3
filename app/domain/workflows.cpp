// The registry's rows: the estate's, then one per workflow of
// app/workflows.cmake, each its op table and its fold (fold_<workflow>, in
// the workflow's *_data.hpp).
#include "app/domain/estate_ops.hpp"
#include "app/domain/op_registry.hpp"
#include "butler_workflows/op_tables.hpp"

namespace app {

std::span<const WorkflowOps> registered_workflows() {
  static const WorkflowOps kWorkflows[] = {
      {"estate", estate_ops(), apply_estate},
#define BUTLER_WORKFLOW(name, Type) {#name, name##_ops(), [](MasterData& d, const Op& op) { fold_##name(d, op); }},
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW
  };
  return kWorkflows;
}

}  // namespace app
