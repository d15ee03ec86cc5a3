// The workflows, one line each: their op tables and their folds. A new
// workflow adds its line here (and its *_ops.inc to app/ops/workflow_ops.inc).
#include "app/domain/estate_ops.hpp"
#include "app/domain/op_registry.hpp"
#include "app/handover/handover_ops.hpp"
#include "app/incidents/incidents_ops.hpp"
#include "app/keys/keys_ops.hpp"
#include "app/renovation/renovation_ops.hpp"
#include "app/rounds/rounds_ops.hpp"
#include "app/tickets/tickets_ops.hpp"

namespace app {

std::span<const WorkflowOps> registered_workflows() {
  static const WorkflowOps kWorkflows[] = {
      {"estate", estate_ops(), apply_estate},
      {"rounds", rounds_ops(), [](MasterData& d, const Op& op) { apply_rounds(d.rounds, op); }},
      {"tickets", tickets_ops(), [](MasterData& d, const Op& op) { apply_tickets(d.tickets, op); }},
      {"keys", keys_ops(), [](MasterData& d, const Op& op) { apply_keys(d.keys, op); }},
      {"handover", handover_ops(), [](MasterData& d, const Op& op) { apply_handover(d.handovers, d.keys, op); }},
      {"incidents", incidents_ops(), [](MasterData& d, const Op& op) { apply_incidents(d.incidents, op); }},
      {"renovation", renovation_ops(), [](MasterData& d, const Op& op) { apply_renovation(d.renovation, op); }},
  };
  return kWorkflows;
}

}  // namespace app
