#include "app/tickets/complaint_rules.hpp"

namespace app::tickets {

std::optional<Role> escalation_role(Severity severity) {
  switch (severity) {
    case Severity::major: return Role::manager;         // 000:265 "应当天呈送管理处主任进入处理程序"
    case Severity::important: return Role::head_butler;  // 000:265 "应在接待一小时内转呈部门主管进入处理程序"
    case Severity::minor: break;                         // 000:265 "应在2天内或在住户要求的期限内解决": handled, not handed up
  }
  return std::nullopt;
}

bool escalation_meets(Severity severity, Role to) {
  const auto named = escalation_role(severity);
  if (!named) return false;
  return to == *named || to == Role::manager;  // the manager is above the department head
}

bool may_escalate(std::int64_t by, Role to) {
  // The office below the role handed up to: butlers and the front desk hand
  // up to either; the head butler (the department head) to the manager only.
  if (by == static_cast<std::int64_t>(Role::butler) || by == static_cast<std::int64_t>(Role::front_desk)) return true;
  return by == static_cast<std::int64_t>(Role::head_butler) && to == Role::manager;
}

bool may_classify(std::int64_t role) { return kOfficeRoles.has(role); }

bool may_approve_later_date(std::int64_t role) { return role == static_cast<std::int64_t>(Role::manager); }

std::optional<Due> pending_due(const Deadlines& d, Status status, const Met& met) {
  std::optional<Due> next;
  auto consider = [&next](const std::optional<std::int64_t>& when, DeadlineKind kind) {
    if (when && (!next || *when < next->at)) next = Due{*when, kind};
  };
  if (status < Status::done) {
    if (!met.escalated) consider(d.escalate_by, DeadlineKind::escalate);
    // 000:265 "2天内给住户明确答复,10日内解决": the answer stops its own clock.
    if (!met.answered) consider(d.answer_by, DeadlineKind::answer);
    consider(d.resolve_by, DeadlineKind::resolve);
    if (!met.slip_received) consider(d.dispatch_by, DeadlineKind::dispatch);
  }
  if (status < Status::on_site) consider(d.onsite_by, DeadlineKind::onsite);
  return next;
}

}  // namespace app::tickets
