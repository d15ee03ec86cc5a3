#include "app/setup/setup_data.hpp"

#include "app/ops/payload_fold.hpp"

namespace app {

void apply_setup(SetupData& d, const Op& op) {
  if (op.kind != OpKind::import_recorded) return;
  const Payload& p = op.payload;
  ImportRecord& r = d.imports[op.entity];
  r.id = op.entity;
  r.by = op.actor;
  if (auto k = p.number(F::import_kind); k && is_import_kind(*k)) r.kind = static_cast<ImportKind>(*k);
  set_text(p, F::name, r.file);
  set_number(p, F::added, r.added);
  set_number(p, F::changed, r.changed);
  set_number(p, F::unchanged, r.unchanged);
  set_number(p, F::at_ms, r.at_ms);
}

}  // namespace app
