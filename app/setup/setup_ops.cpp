#include "app/setup/setup_ops.hpp"

#include "app/setup/estate_hours.hpp"
#include "app/setup/sheet_columns.hpp"

namespace app {
namespace {

bool is_count(const Payload::Field& f) { return f.number >= 0 && f.number <= 1000000; }
bool is_minute_of_day(const Payload::Field& f) { return f.number >= 0 && f.number < 24 * 60; }

Status check_hours(const Op& op) {
  if (op.entity != kEstateHoursEntity) return invalid_op("the duty hours are one record");
  if (op.payload.fields().size() < 2) return invalid_op("an update must change something");
  return ok_status();
}

const OpSpec kSpecs[] = {
    // Imports are the leads' (and the server's, on the office's behalf).
    {OpKind::import_recorded, {F::import_kind, F::name, F::added, F::changed, F::unchanged, F::at_ms},
     {F::import_kind, F::at_ms}, kLeadRoles},
    {OpKind::estate_hours_set, {F::model_opens, F::model_closes, F::greeting_from, F::greeting_until, F::gate, F::at_ms,
                                 F::zone_round_from, F::zone_round_until, F::close_grace_minutes},
     {F::at_ms}, kLeadRoles, check_hours},
};

const FieldRule kRules[] = {
    {F::import_kind, [](const Payload::Field& f) { return is_import_kind(f.number); }, "unknown import kind"},
    {F::added, is_count, "count out of range"},
    {F::changed, is_count, "count out of range"},
    {F::unchanged, is_count, "count out of range"},
    {F::model_opens, is_minute_of_day, "a time of day in minutes"},
    {F::model_closes, is_minute_of_day, "a time of day in minutes"},
    {F::greeting_from, is_minute_of_day, "a time of day in minutes"},
    {F::greeting_until, is_minute_of_day, "a time of day in minutes"},
    {F::zone_round_from, is_minute_of_day, "a time of day in minutes"},
    {F::zone_round_until, is_minute_of_day, "a time of day in minutes"},
    {F::close_grace_minutes, [](const Payload::Field& f) { return f.number >= 0 && f.number <= kMaxCloseGraceMinutes; },
     "a grace of 0 to 60 minutes"},
};

}  // namespace

OpTable setup_ops() { return {kSpecs, kRules}; }

}  // namespace app
