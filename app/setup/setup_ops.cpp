#include "app/setup/setup_ops.hpp"

#include "app/setup/sheet_columns.hpp"

namespace app {
namespace {

bool is_count(const Payload::Field& f) { return f.number >= 0 && f.number <= 1000000; }

const OpSpec kSpecs[] = {
    // Imports are the leads' (and the server's, on the office's behalf).
    {OpKind::import_recorded, {F::import_kind, F::name, F::added, F::changed, F::unchanged, F::at_ms},
     {F::import_kind, F::at_ms}, kLeadRoles},
};

const FieldRule kRules[] = {
    {F::import_kind, [](const Payload::Field& f) { return is_import_kind(f.number); }, "unknown import kind"},
    {F::added, is_count, "count out of range"},
    {F::changed, is_count, "count out of range"},
    {F::unchanged, is_count, "count out of range"},
};

}  // namespace

OpTable setup_ops() { return {kSpecs, kRules}; }

}  // namespace app
