#include "app/incidents/incidents_ops.hpp"

#include "app/incidents/incident_checklists.hpp"

namespace app {
namespace {

Status check_noted(const Op& op) {
  if (op.payload.fields().size() < 3) return invalid_op("a note needs its incident, its time and what it says");
  return ok_status();
}

// A report is its account (001 填写; 000:819 详细记录故障情况及处理经过): words, not blanks.
Status check_filed(const Op& op) {
  const auto text = op.payload.text(F::note);
  if (!text || text->find_first_not_of(" \t\r\n") == std::string_view::npos) return invalid_op("a report is filed with its account");
  return ok_status();
}

// 000:819 the major report is the department manager's (the manager): the role
// check shared by the tablet and the server (incidents::may_file_report).
Status report_rights(const Op& op, std::int64_t role) {
  const auto form = op.payload.number(F::report_form).value_or(0);
  if (!incidents::may_file_report(static_cast<incidents::ReportForm>(form), role)) {
    return role_refusal(i18n::S::err_incident_major_report_role);
  }
  return ok_status();
}

// Whoever is on duty meets an emergency: security and engineering record it too.
constexpr RoleSet kOnDuty = kOfficeRoles | RoleSet{Role::security, Role::engineering};

const FieldSet kPlace{F::unit, F::building, F::place, F::lift_number, F::lift_location, F::floor};

const OpSpec kSpecs[] = {
    {OpKind::incident_started, kPlace | FieldSet{F::incident_kind, F::at_ms, F::happened_ms, F::note}, {F::incident_kind, F::at_ms}, kOnDuty},
    // The lift call's step carries who took the call and the time they gave (001).
    {OpKind::incident_step, {F::parent, F::step, F::at_ms, F::happened_ms, F::corrects, F::note, F::contact_name, F::expected_arrival_ms},
     {F::parent, F::step, F::at_ms}, kOnDuty},
    {OpKind::incident_noted, kPlace | FieldSet{F::parent, F::person, F::note, F::at_ms}, {F::parent, F::at_ms}, kOnDuty, check_noted},
    {OpKind::incident_closed, {F::parent, F::incident_outcome, F::at_ms}, {F::parent, F::at_ms, F::incident_outcome}, kOnDuty},
    {OpKind::incident_report_filed, {F::parent, F::report_form, F::note, F::at_ms}, {F::parent, F::report_form, F::note, F::at_ms}, kOnDuty,
     check_filed, report_rights},
};

const FieldRule kRules[] = {
    {F::incident_kind, [](const Payload::Field& f) { return incidents::is_kind(f.number); }, "unknown incident kind"},
    {F::happened_ms, is_sane_time, "time out of range"},
    {F::corrects, is_flag, "a flag must be 0 or 1"},
    {F::step, is_not_empty, "bad step key"},
    {F::person, is_not_empty, "empty person"},
    {F::report_form, [](const Payload::Field& f) { return incidents::is_report_form(f.number); }, "unknown report form"},
    {F::expected_arrival_ms, is_sane_time, "time out of range"},
    {F::contact_name, is_not_empty, "empty name"},
    {F::incident_outcome, is_not_empty, "an incident is closed with its outcome"},
};

}  // namespace

OpTable incidents_ops() { return {kSpecs, kRules}; }

}  // namespace app
