#include "app/domain/op_registry.hpp"

#include <cstddef>

namespace app {
namespace {

constexpr std::size_t kMaxKindCode = 1024;

struct Index {
  const OpSpec* specs[kMaxKindCode] = {};
  const WorkflowOps* owners[kMaxKindCode] = {};
  const FieldRule* rules[FieldSet::kBits] = {};
};

// Built once from the registered tables. A kind or rule declared twice keeps
// the first: op_registry_test proves there are none.
const Index& index() {
  static const Index built = [] {
    Index ix;
    for (const WorkflowOps& w : registered_workflows()) {
      for (const OpSpec& s : w.table.specs) {
        const auto code = static_cast<std::size_t>(s.kind);
        if (code < kMaxKindCode && !ix.specs[code]) {
          ix.specs[code] = &s;
          ix.owners[code] = &w;
        }
      }
      for (const FieldRule& r : w.table.rules) {
        const auto key = static_cast<std::size_t>(r.key);
        if (key < FieldSet::kBits && !ix.rules[key]) ix.rules[key] = &r;
      }
    }
    return ix;
  }();
  return built;
}

}  // namespace

const OpSpec* find_op_spec(OpKind kind) {
  const auto code = static_cast<std::size_t>(kind);
  return code < kMaxKindCode ? index().specs[code] : nullptr;
}

const WorkflowOps* workflow_of(OpKind kind) {
  const auto code = static_cast<std::size_t>(kind);
  return code < kMaxKindCode ? index().owners[code] : nullptr;
}

const FieldRule* find_field_rule(F key) {
  const auto k = static_cast<std::size_t>(key);
  return k < FieldSet::kBits ? index().rules[k] : nullptr;
}

void apply_master_data(MasterData& data, const Op& op) {
  if (const WorkflowOps* w = workflow_of(op.kind)) w->fold(data, op);
}

}  // namespace app
