#include "app/tickets/tickets_ops.hpp"

#include "app/core/signature.hpp"
#include "app/tickets/complaint_rules.hpp"
#include "app/tickets/repair_slip.hpp"
#include "app/tickets/ticket_rules.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app {
namespace {

Status check_ticket_kind(const Op& op) {
  if (auto k = op.payload.number(F::kind); k && !tickets::is_kind(*k)) return invalid_op("unknown ticket kind " + std::to_string(*k));
  return ok_status();
}

Status check_settings(const Op& op) {
  if (op.entity != kTicketSettingsEntity) return invalid_op("deadline settings are one record");
  if (op.payload.fields().size() < 2) return invalid_op("an update must change something");
  return ok_status();
}

bool plausible_days(const Payload::Field& f) { return tickets::plausible_days(f.number); }
bool plausible_minutes(const Payload::Field& f) { return tickets::plausible_minutes(f.number); }
bool plausible_percent(const Payload::Field& f) { return tickets::plausible_percent(f.number); }
bool plausible_period(const Payload::Field& f) { return tickets::plausible_period(f.number); }

const FieldSet kSettingsFields{F::major_resolve_days, F::major_answer_days, F::important_escalate_minutes,
                               F::important_resolve_days, F::minor_resolve_days, F::repair_dispatch_minutes,
                               F::onsite_minutes, F::callback_days, F::leak_callback_days, F::recheck_percent,
                               F::recheck_period_months, F::complaint_callback_days, F::at_ms};

// Engineering accepts the slip, is on site, prices it and finishes.
constexpr RoleSet kOfficeAndEngineering = kOfficeRoles | RoleSet{Role::engineering};

// A step's rights beyond the writers. The class is given by the office that
// receives the complaint (000:257 "认真听取,在相关规范记录本上详细记录"), not
// by engineering, who may write the later steps. The approved flag is how a
// ticket from before later_date_approved recorded a later date, granted by a
// lead; new tickets record it with later_date_approved, the manager's alone.
Status step_rights(const Op& op, std::int64_t role) {
  if (op.payload.number(F::stage) == static_cast<std::int64_t>(tickets::Status::classified) && !tickets::may_classify(role)) {
    return role_refusal(i18n::S::err_ticket_classify_role);
  }
  if (op.payload.number(F::approved).value_or(0) != 0 && !kLeadRoles.has(role)) {
    return role_refusal(i18n::S::err_ticket_approval_lead_only);
  }
  return ok_status();
}

// 000:265 "重大投诉,应当天呈送管理处主任…重要投诉,应在接待一小时内转呈部门主管":
// handed up to one of the two, by someone below it (complaint_rules.hpp).
Status check_escalation(const Op& op) {
  if (!tickets::is_escalation_target(op.payload.number(F::role).value_or(-1))) return invalid_op("a complaint is handed up to the manager or the head butler");
  return ok_status();
}
Status escalation_rights(const Op& op, std::int64_t role) {
  const auto to = static_cast<Role>(op.payload.number(F::role).value_or(0));
  if (!tickets::may_escalate(role, to)) return role_refusal(i18n::S::err_ticket_escalate_role);
  return ok_status();
}

Status check_later_date(const Op& op) {
  if (op.payload.number(F::requested_ms).value_or(0) <= 0) return invalid_op("a later date must be a date");
  return ok_status();
}

const OpSpec kSpecs[] = {
    {OpKind::ticket_opened,
     {F::parent, F::name, F::phone, F::channel, F::kind, F::severity, F::note, F::wants, F::requested_ms, F::at_ms, F::record_no,
      F::complained_person, F::complained_department, F::escalation_step, F::every_event_callback,
      F::handed_over_ms, F::own_lifecycle},
     {F::kind, F::note, F::at_ms}, kOfficeRoles, check_ticket_kind},
    {OpKind::ticket_stepped,
     {F::parent, F::stage, F::note, F::department, F::kind, F::severity, F::approved, F::failed, F::signature, F::method,
      F::result, F::at_ms, F::receiver},
     {F::parent, F::stage, F::at_ms}, kOfficeAndEngineering, check_ticket_kind, step_rights},
    {OpKind::ticket_handed_on, {F::parent, F::assignee, F::note, F::at_ms}, {F::parent, F::assignee}, kOfficeRoles},
    {OpKind::repair_slip_set, {F::parent, F::appointment_ms, F::category, F::lines, F::materials, F::at_ms}, {F::parent},
     kOfficeAndEngineering},
    // 000:619 "工程维修部经理负责…对《有偿维修服务项目表》以外的报修内容进行评审".
    {OpKind::slip_reviewed, {F::parent, F::result, F::note, F::at_ms}, {F::parent, F::result, F::at_ms}, RoleSet{Role::engineering}},
    {OpKind::leak_tested, {F::parent, F::note, F::result, F::at_ms}, {F::parent, F::at_ms}, kOfficeAndEngineering},
    {OpKind::callback_rechecked, {F::parent, F::method, F::result, F::note, F::at_ms}, {F::parent, F::at_ms, F::result}, kLeadRoles},
    {OpKind::price_item_set, {F::name, F::unit_label, F::price_cents, F::removed}, {}, kLeadRoles},
    {OpKind::visit_recorded, {F::parent, F::method, F::note, F::follow_ups, F::at_ms}, {F::parent, F::at_ms}, kOfficeRoles},
    {OpKind::ticket_settings_set, kSettingsFields, {}, kLeadRoles, check_settings},
    {OpKind::ticket_escalated, {F::parent, F::role, F::note, F::at_ms}, {F::parent, F::role, F::at_ms}, kOfficeRoles, check_escalation,
     escalation_rights},
    {OpKind::ticket_answered, {F::parent, F::method, F::note, F::at_ms}, {F::parent, F::note, F::at_ms}, kOfficeRoles},
    {OpKind::later_date_asked, {F::parent, F::requested_ms, F::note, F::at_ms}, {F::parent, F::requested_ms, F::at_ms}, kOfficeRoles,
     check_later_date},
    // 001 "超時需經小區主任批準": the manager (小区主任 = 管理处主任, docs/glossary.md).
    {OpKind::later_date_approved, {F::parent, F::requested_ms, F::note, F::at_ms}, {F::parent, F::requested_ms, F::at_ms},
     RoleSet{Role::manager}, check_later_date},
};

const FieldRule kRules[] = {
    {F::channel, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 4; }, "unknown channel"},
    {F::severity, [](const Payload::Field& f) { return tickets::is_severity(f.number); }, "unknown severity"},
    {F::stage, [](const Payload::Field& f) { return tickets::is_status(f.number); }, "unknown ticket stage"},
    {F::approved, is_flag, "a flag must be 0 or 1"},
    {F::escalation_step, is_flag, "a flag must be 0 or 1"},
    {F::every_event_callback, is_flag, "a flag must be 0 or 1"},
    {F::own_lifecycle, is_flag, "a flag must be 0 or 1"},
    {F::failed, is_flag, "a flag must be 0 or 1"},
    {F::removed, is_flag, "a flag must be 0 or 1"},
    {F::category, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 2; }, "unknown repair category"},
    {F::method, is_flag, "a callback or visit is in person (0) or by phone (1)"},
    {F::price_cents, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 100000000; }, "price out of range"},
    {F::lines, [](const Payload::Field& f) { return decode_slip_lines(f.text).has_value(); }, "unreadable repair slip lines"},
    {F::signature,
     [](const Payload::Field& f) {
       const auto s = decode_signature(f.text);
       return s && looks_signed(*s);
     },
     "a signature must be strokes that look signed"},
    {F::major_resolve_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::major_answer_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::important_resolve_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::minor_resolve_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::callback_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::leak_callback_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::complaint_callback_days, plausible_days, "a deadline of 1 to 60 days"},
    {F::important_escalate_minutes, plausible_minutes, "a deadline of 1 to 1440 minutes"},
    {F::repair_dispatch_minutes, plausible_minutes, "a deadline of 1 to 1440 minutes"},
    {F::onsite_minutes, plausible_minutes, "a deadline of 1 to 1440 minutes"},
    {F::recheck_percent, plausible_percent, "a re-check share of 1 to 20 percent"},
    {F::recheck_period_months, plausible_period, "a re-check every 1 or 3 months"},
};

}  // namespace

OpTable tickets_ops() { return {kSpecs, kRules}; }

}  // namespace app
