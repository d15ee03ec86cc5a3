#include "app/setup/setup_data.hpp"

#include "app/ops/payload_fold.hpp"

namespace app {

bool plausible_hours(const EstateHours& h) {
  return h.model_opens >= kEarliestModelOpens && h.model_opens < h.model_closes && h.model_closes <= kLatestModelCloses &&
         h.greeting_from >= 0 && h.greeting_from < h.greeting_until && h.greeting_until < 24 * 60 && h.zone_round_from >= 0 &&
         h.zone_round_from < h.zone_round_until && h.zone_round_until < 24 * 60 && h.close_grace_minutes >= 0 &&
         h.close_grace_minutes <= kMaxCloseGraceMinutes && h.model_closes + h.close_grace_minutes < 24 * 60;
}

void apply_setup(SetupData& d, const Op& op) {
  if (op.kind == OpKind::estate_hours_set) {
    // Each field as the latest op set it; the schedule falls back to the
    // manuals' times if two leads' edits merged into hours that do not fit.
    const Payload& p = op.payload;
    set_number(p, F::model_opens, d.hours.model_opens);
    set_number(p, F::model_closes, d.hours.model_closes);
    set_number(p, F::greeting_from, d.hours.greeting_from);
    set_number(p, F::greeting_until, d.hours.greeting_until);
    set_id(p, F::gate, d.hours.gate);
    set_number(p, F::zone_round_from, d.hours.zone_round_from);
    set_number(p, F::zone_round_until, d.hours.zone_round_until);
    set_number(p, F::close_grace_minutes, d.hours.close_grace_minutes);
    return;
  }
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
