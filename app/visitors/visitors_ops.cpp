#include "app/visitors/visitors_ops.hpp"

#include "app/visitors/visitors_rules.hpp"

namespace app {
namespace {

// 000:301 "前台的工作主要有…接待来访": whoever works the office (butlers, the
// front desk, their head and the manager) receives visitors.
const OpSpec kSpecs[] = {
    // 000:337 "①、问明来意;②、确认对方的身份": the purpose, the name and what identity was seen are required.
    {OpKind::visitor_received,
     {F::visit_purpose, F::name, F::id_seen, F::unit, F::phone, F::department, F::reception_place, F::place_text, F::note, F::at_ms},
     {F::visit_purpose, F::name, F::id_seen, F::reception_place, F::at_ms}, kOfficeRoles},
    // 000:337 "③、通报相关部门": which department, and when.
    {OpKind::visitor_told, {F::parent, F::department, F::at_ms}, {F::parent, F::department, F::at_ms}, kOfficeRoles},
    {OpKind::visitor_left, {F::parent, F::at_ms}, {F::parent, F::at_ms}, kOfficeRoles},
    {OpKind::visitor_ticket_opened, {F::parent, F::visit_ticket, F::at_ms}, {F::parent, F::visit_ticket, F::at_ms}, kOfficeRoles},
};

const FieldRule kRules[] = {
    {F::visit_purpose, is_not_empty, "empty purpose"},
    {F::id_seen, [](const Payload::Field& f) { return visitors::is_id_seen(f.number); }, "unknown identity seen"},
    {F::reception_place, [](const Payload::Field& f) { return visitors::is_place(f.number); }, "unknown reception place"},
    {F::place_text, is_not_empty, "empty place"},
};

}  // namespace

OpTable visitors_ops() { return {kSpecs, kRules}; }

}  // namespace app
