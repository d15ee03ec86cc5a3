#include "app/renovation/renovation_ops.hpp"

#include "app/core/signature.hpp"
#include "app/renovation/renovation_data.hpp"  // kRenovationSettingsEntity
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

// The actions a notice orders: its set (F::actions), else its one action.
std::int64_t actions_of(const Payload& p) {
  if (auto set = p.number(F::actions)) return *set;
  return renovation::action_bit(static_cast<renovation::Action>(p.number(F::action).value_or(0)));
}

Status check_violation(const Op& op) {
  const Payload& p = op.payload;
  if (text_of(p, F::note).empty()) return invalid_op("a notice needs its application, what was found and the action");
  const std::int64_t actions = actions_of(p);
  if (p.has(F::actions) && !(actions & renovation::action_bit(static_cast<renovation::Action>(*p.number(F::action))))) {
    return invalid_op("the action is one of the set");
  }
  if ((actions & renovation::action_bit(renovation::Action::rectify_by)) && !p.has(F::rectify_by)) return invalid_op("rectify-by needs its date");
  if ((actions & renovation::action_bit(renovation::Action::deduct_deposit)) && p.number(F::deduct_cents).value_or(0) <= 0) {
    return invalid_op("a deduction needs its amount");
  }
  return ok_status();
}

Status check_settings(const Op& op) {
  if (op.entity != kRenovationSettingsEntity) return invalid_op("the penalty settings are one record");
  if (op.payload.fields().empty()) return invalid_op("an update must change something");
  return ok_status();
}

bool is_amount(const Payload::Field& f) { return f.number >= 0 && f.number <= renovation::kMaxCents; }

// Engineering approves the plans (the Session checks which stage).
constexpr RoleSet kOfficeAndEngineering = kOfficeRoles | RoleSet{Role::engineering};

// Who takes which step (renovation::may_take_stage): 000:463 the works review
// is 工程维修部经理's, 000:453 the approval of the application 物业经理's; the
// refund is signed by a lead (RenovationService::refund_renovation_deposit);
// every other step the office or engineering.
Status stepped_by(const Op& op, std::int64_t role) {
  const auto stage = static_cast<renovation::Stage>(op.payload.number(F::reno_stage).value_or(0));
  if (!is_role(role) || renovation::may_take_stage(stage, static_cast<Role>(role))) return ok_status();
  if (stage == renovation::Stage::works_reviewed) return role_refusal(i18n::S::err_renovation_review_role);
  if (stage == renovation::Stage::approved) return role_refusal(i18n::S::err_renovation_approve_role);
  return role_refusal(i18n::S::err_renovation_refund_role);
}

// Deducting from the deposit and expelling a contractor are the head's decisions.
Status notice_by(const Op& op, std::int64_t role) {
  if (renovation::actions_need_lead(actions_of(op.payload)) && !kLeadRoles.has(role)) return role_refusal(i18n::S::err_violation_role);
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
    {OpKind::renovation_violation,
     {F::parent, F::note, F::action, F::actions, F::rectify_by, F::deduct_cents, F::finding, F::at_ms, F::record_no},
     {F::parent, F::note, F::action, F::at_ms}, kOfficeRoles, check_violation, notice_by},
    {OpKind::renovation_followed_up, {F::parent, F::notice, F::rectified_day, F::note, F::at_ms},
     {F::parent, F::notice, F::rectified_day, F::at_ms}, kOfficeRoles},
    // 000:487 按章处罚: the office's settings, a lead's (as the ticket deadlines).
    {OpKind::renovation_settings_set, {F::pass_penalty_cents, F::penalty_from_deposit}, {}, kLeadRoles, check_settings},
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
    {F::actions, [](const Payload::Field& f) { return renovation::is_action_set(f.number); }, "unknown notice actions"},
    {F::pass_penalty_cents, [](const Payload::Field& f) { return f.number >= renovation::kPenaltyNotSet && f.number <= renovation::kMaxCents; },
     "penalty out of range"},
    {F::penalty_from_deposit, [](const Payload::Field& f) { return f.number == 0 || f.number == 1; }, "not a yes or no"},
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
