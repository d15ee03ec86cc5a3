#include "app/renovation/renovation_ops.hpp"

#include "app/core/signature.hpp"
#include "app/renovation/renovation_rules.hpp"

namespace app {
namespace {

std::string_view text_of(const Payload& p, F key) { return p.text(key).value_or(""); }

Status check_applied(const Op& op) {
  const Payload& p = op.payload;
  if (p.has(F::planned_start) && p.has(F::planned_end) && *p.number(F::planned_end) < *p.number(F::planned_start)) {
    return invalid_op("planned end before start");
  }
  return ok_status();
}

Status check_stepped(const Op& op) {
  const Payload& p = op.payload;
  const auto stage = static_cast<renovation::Stage>(*p.number(F::reno_stage));
  if (stage == renovation::Stage::applied) return invalid_op("applying is its own record");
  if (stage == renovation::Stage::fees_paid && (!p.has(F::deposit_cents) || !p.has(F::waste_fee_cents))) return invalid_op("fees need both amounts");
  if (stage == renovation::Stage::completion_checked && !p.has(F::day)) return invalid_op("a completion check needs its day");
  if (stage == renovation::Stage::refunded && (!p.has(F::refund_signature) || !p.has(F::refund_cents))) {
    return invalid_op("a refund needs its amount and a signature");
  }
  return ok_status();
}

Status check_pass(const Op& op) {
  const Payload& p = op.payload;
  if (*p.number(F::pass_state) == 0 && (text_of(p, F::number).empty() || text_of(p, F::name).empty())) {
    return invalid_op("an issued pass needs its number and worker");
  }
  return ok_status();
}

Status check_violation(const Op& op) {
  const Payload& p = op.payload;
  if (text_of(p, F::note).empty()) return invalid_op("a notice needs its application, what was found and the action");
  const auto action = static_cast<renovation::Action>(*p.number(F::action));
  if (action == renovation::Action::rectify_by && !p.has(F::rectify_by)) return invalid_op("rectify-by needs its date");
  if (action == renovation::Action::deduct_deposit && p.number(F::deduct_cents).value_or(0) <= 0) return invalid_op("a deduction needs its amount");
  return ok_status();
}

bool is_amount(const Payload::Field& f) { return f.number >= 0 && f.number <= renovation::kMaxCents; }

// Engineering approves the plans (the Session checks which stage).
constexpr RoleSet kOfficeAndEngineering = kOfficeRoles | RoleSet{Role::engineering};

// Who takes which step: 工程维修部经理审批 / 物业经理负责装修申请的审批 (the
// approval: engineering or the manager); the refund is signed by a lead
// (RenovationService::refund_renovation_deposit); every other step the office
// or engineering.
Status stepped_by(const Op& op, std::int64_t role) {
  const auto stage = static_cast<renovation::Stage>(op.payload.number(F::reno_stage).value_or(0));
  if (stage == renovation::Stage::approved && !RoleSet{Role::engineering, Role::manager}.has(role)) {
    return role_refusal(i18n::S::err_renovation_approve_role);
  }
  if (stage == renovation::Stage::refunded && !kLeadRoles.has(role)) return role_refusal(i18n::S::err_renovation_refund_role);
  return ok_status();
}

// Deducting from the deposit and expelling a contractor are the head's decisions.
Status notice_by(const Op& op, std::int64_t role) {
  const auto action = static_cast<renovation::Action>(op.payload.number(F::action).value_or(0));
  if (renovation::action_needs_lead(action) && !kLeadRoles.has(role)) return role_refusal(i18n::S::err_violation_role);
  return ok_status();
}

// The service centre runs the application and issues the notices.
const OpSpec kSpecs[] = {
    {OpKind::renovation_applied, {F::unit, F::name, F::contractor, F::phone, F::note, F::planned_start, F::planned_end, F::at_ms},
     {F::unit, F::contractor, F::at_ms}, kOfficeRoles, check_applied},
    {OpKind::renovation_paper, {F::parent, F::paper_kind, F::photo, F::at_ms}, {F::parent, F::paper_kind, F::photo, F::at_ms}, kOfficeRoles},
    {OpKind::renovation_stepped,
     {F::parent, F::reno_stage, F::at_ms, F::note, F::deposit_cents, F::waste_fee_cents, F::day, F::refund_cents, F::penalty_cents,
      F::refund_signature},
     {F::parent, F::reno_stage, F::at_ms}, kOfficeAndEngineering, check_stepped, stepped_by},
    {OpKind::renovation_pass, {F::parent, F::pass_state, F::number, F::name, F::at_ms}, {F::parent, F::pass_state, F::at_ms}, kOfficeRoles,
     check_pass},
    {OpKind::renovation_violation, {F::parent, F::note, F::action, F::rectify_by, F::deduct_cents, F::finding, F::at_ms, F::record_no},
     {F::parent, F::note, F::action, F::at_ms}, kOfficeRoles, check_violation, notice_by},
    {OpKind::renovation_followed_up, {F::parent, F::notice, F::rectified_day, F::note, F::at_ms},
     {F::parent, F::notice, F::rectified_day, F::at_ms}, kOfficeRoles},
};

const FieldRule kRules[] = {
    {F::contractor, is_not_empty, "an application names its contractor"},
    {F::planned_start, is_calendar_day, "bad date"},
    {F::planned_end, is_calendar_day, "bad date"},
    {F::rectify_by, is_calendar_day, "bad date"},
    {F::rectified_day, is_calendar_day, "bad date"},
    {F::paper_kind, [](const Payload::Field& f) { return renovation::is_paper_kind(f.number); }, "unknown paper kind"},
    {F::reno_stage, [](const Payload::Field& f) { return renovation::is_stage(f.number); }, "unknown renovation stage"},
    {F::pass_state, [](const Payload::Field& f) { return renovation::is_pass_state(f.number); }, "unknown pass state"},
    {F::action, [](const Payload::Field& f) { return renovation::is_action(f.number); }, "unknown notice action"},
    {F::deposit_cents, is_amount, "amount out of range"},
    {F::waste_fee_cents, is_amount, "amount out of range"},
    {F::deduct_cents, is_amount, "amount out of range"},
    {F::penalty_cents, is_amount, "amount out of range"},
    {F::refund_cents, is_amount, "amount out of range"},
    {F::refund_signature, [](const Payload::Field& f) { return decode_signature(f.text).has_value(); }, "unreadable signature"},
};

}  // namespace

OpTable renovation_ops() { return {kSpecs, kRules}; }

}  // namespace app
