#include "app/handover/handover_ops.hpp"

#include "app/handover/handover_codec.hpp"

namespace app {
namespace {

const OpSpec kSpecs[] = {
    {OpKind::handover_written, {F::handover_items, F::item_count, F::note, F::keys, F::signature, F::at_ms},
     {F::signature, F::at_ms}, kOfficeRoles},
    {OpKind::handover_confirmed, {F::parent, F::incoming, F::signature, F::at_ms},
     {F::parent, F::incoming, F::signature, F::at_ms}, kOfficeRoles},
};

const FieldRule kRules[] = {
    {F::handover_items, [](const Payload::Field& f) { return decode_handover_items(f.text).has_value(); }, "unreadable handover items"},
    {F::item_count, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 100000; }, "item count out of range"},
};

}  // namespace

OpTable handover_ops() { return {kSpecs, kRules}; }

}  // namespace app
