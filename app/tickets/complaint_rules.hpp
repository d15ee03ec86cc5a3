#pragma once
// A complaint's own acts beside its lifecycle, as 000 第二篇 (物业客服投诉接待)
// and 001 write them: who hands it up to whom (escalation), who may give it
// its class, the owner's answer, and who approves a later date. Pure
// functions of roles and a ticket's stamps: the tablet before a commit and
// the server before storing (tickets_ops.cpp) ask the same ones.
#include <cstdint>
#include <optional>

#include "app/core/roles.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app::tickets {

// Whom a complaint of this class is handed up to; nullopt: a minor one is not.
// 000:265 "重大投诉,应当天呈送管理处主任…重要投诉,应在接待一小时内转呈部门主管"
// (部门主管: the head of the customer-service department, the head butler).
std::optional<Role> escalation_role(Severity severity);
// Whether handing up to `to` meets the class's rule: the named role, or for an
// important complaint the manager above the department head.
bool escalation_meets(Severity severity, Role to);
// Who may hand up to `to`: someone below that role in the office — never the
// role itself (a manager does not hand up to the manager), never a role
// outside the office (engineering does not receive complaints).
bool may_escalate(std::int64_t by, Role to);
// The roles an escalation may name at all.
inline bool is_escalation_target(std::int64_t role) {
  return role == static_cast<std::int64_t>(Role::manager) || role == static_cast<std::int64_t>(Role::head_butler);
}
// Who gives a complaint its class: the office that receives and records it
// (000:257 "认真听取,在相关规范记录本上详细记录"), not the repairers.
bool may_classify(std::int64_t role);
// Who approves a later date for a minor complaint: the manager only.
// 001 "輕微投訴,不超過2天內或在住戶要求的期限內解決,超時需經小區主任批準"
// (小区主任 is the manager: docs/glossary.md).
bool may_approve_later_date(std::int64_t role);

// What a complaint has met so far, beside its status.
struct Met {
  bool escalated = false;  // by a ticket_escalated op meeting the class (or, for an older ticket, its classification)
  bool answered = false;   // the owner's answer is on record (ticket_answered)
  // A repair's slip is with engineering, signed for (000:627 "并请接收人签字接收")
  // or accepted there; for a ticket on the shared lifecycle, dispatched.
  bool slip_received = false;
};
// The earliest deadline still to meet, the callback aside: escalation until
// met (and not once done); the answer until given or done; dispatch until
// the slip is received (and not once done); on site before on site; resolve
// until done.
std::optional<Due> pending_due(const Deadlines& d, Status status, const Met& met);

}  // namespace app::tickets
