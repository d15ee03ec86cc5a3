#pragma once
// The rules of renovation supervision (装修管理), from shared/domain.md §5 and
// 000 §2.0 装修管理工作程序: the stages an application goes through and which
// may follow which, the re-check one calendar month after the completion
// check (经1个月再复验), and the deposit refund (装修保证金) less deductions and
// lost-pass penalties. Pure functions; money is integer fen, never floating.
#include <cstdint>
#include <optional>
#include <string_view>

#include "app/core/roles.hpp"
#include "app/domain/estate.hpp"  // UnitStatus: a type below the workflows

namespace app::renovation {

// Stored codes: never renumbered; the order is stage_position's, not the codes'.
// applied → pre-reviewed (客服中心) → works reviewed (工程维修部经理) →
// approved (物业经理) → fees paid (保证金, 垃圾清运费) → passes issued (出入证)
// → in progress → completion checked → re-checked (a month later) → deposit
// refunded. The works review came in later with code 9: it sits between the
// pre-review and the approval.
enum class Stage : std::int64_t {
  applied = 0, pre_reviewed = 1, approved = 2, fees_paid = 3, passes_issued = 4, in_progress = 5,
  completion_checked = 6, rechecked = 7, refunded = 8, works_reviewed = 9,
};
bool is_stage(std::int64_t v);
inline constexpr int kStageCount = 10;
// 0 … 9 in the order the stages follow one another.
int stage_position(Stage s);
// The stage after s (none after the refund).
std::optional<Stage> next_stage(Stage s);

enum class TransitionError { none, skips_a_step, goes_backwards, already_refunded };
// What a command may do now: only the next stage follows.
TransitionError check_transition(Stage from, Stage to);
// What the fold keeps as done: the same, except that an approval straight
// after the pre-review stands (recorded before the works review was its own
// step, when one approval by engineering or the manager was the whole of it).
TransitionError check_recorded_transition(Stage from, Stage to);

// Who takes which approval (the op table checks it, so does the server):
// 000:463 "2.4.1.3 工程维修部经理对有关装修项目进行审批" — the works review is engineering's;
// 000:453 "2.3.5 物业经理负责装修申请的审批" — the approval of the application is the manager's.
bool may_take_stage(Stage to, Role role);

// 000:469 "2.4.1.6 客服中心、工程维修部、秩序维护部人员在日常巡查时应对装修施工队的作业情况进行监督":
// the unit is 装修中, and on the daily round of the renovating units, from
// the works starting until the deposit is refunded (000:471 "经1个月再复验…
// 给予办理退回装修保证金手续"); then it is what the office recorded again.
bool works_under_way(Stage s);
UnitStatus unit_status_during_works(UnitStatus recorded, bool works_under_way);

enum class PaperKind : std::int64_t {
  licence = 0,    // 装修企业营业执照及资质证书
  insurance = 1,  // 装修保险购买证明文件 (根据实际情况确定是否购买: optional)
  worker_id = 2,  // 装修人员证件 (施工人员身份证)
  drawings = 3,   // 000:461 "客服中心预审装修内容、装修图纸及有关装修施工队资料"
  permit = 4,     // 装修许可证 (001:9 "室內裝修許可證復印件", kept with the renovation's papers)
};
bool is_paper_kind(std::int64_t v);

enum class PassState : std::int64_t { issued = 0, returned = 1, lost = 2 };
bool is_pass_state(std::int64_t v);

// What a 违规整改通知书 orders (004 4.5.4: 停止施工、限期整改并恢复、扣装修保证金、驱逐其施工单位离场).
enum class Action : std::int64_t { stop_work = 0, rectify_by = 1, deduct_deposit = 2, expel_contractor = 3 };
bool is_action(std::int64_t v);
// Deducting money and expelling a contractor are the head's decisions.
bool action_needs_lead(Action a);
// 装修出入证 are issued from the fees being paid until the works are done.
bool passes_may_be_issued(Stage s);

// A notice's actions as a set (F::actions): bit k is Action k. 004:167 lists
// them as a series ("停止施工、限期整改并恢复、扣裝修保證金、驅逐其施工單位離場"):
// one notice may order several.
inline constexpr std::int64_t action_bit(Action a) { return std::int64_t{1} << static_cast<int>(a); }
inline constexpr std::int64_t kAllActions = 0xF;
inline bool is_action_set(std::int64_t v) { return v > 0 && (v & ~kAllActions) == 0; }
bool actions_need_lead(std::int64_t actions);
// The first action of the set (what F::action carries for readers that know one).
Action first_action(std::int64_t actions);

// 000:487 "对丢失《出入证》的应按章处罚": the manual names no amount, and not
// whether it comes out of the 装修保证金. Both are the office's settings
// (renovation_settings_set, a lead's); the amount is unset until the office
// sets it, never a number shown as if it were the manual's.
inline constexpr std::int64_t kPenaltyNotSet = -1;
struct Settings {
  std::int64_t lost_pass_penalty_cents = kPenaltyNotSet;  // per lost 出入证 (fen)
  bool penalty_from_deposit = true;  // the team's reading: deducted at the refund, as the deductions are
  bool penalty_set() const { return lost_pass_penalty_cents >= 0; }
  bool operator==(const Settings&) const = default;
};
// The penalty the refund deducts per lost pass: 0 when it is collected apart or not set.
std::int64_t deposit_penalty_each(const Settings& s);

// The same day one calendar month later, clamped to that month's last day
// (2026-01-31 → 2026-02-28; 2028-01-31 → 2028-02-29). yyyymmdd in and out.
std::int64_t one_month_after(std::int64_t day);
// Overdue from the day after the due day (on the due day it is due, not late).
bool recheck_overdue(std::int64_t due_day, std::int64_t today);

struct Refund {
  std::int64_t deposit = 0, deductions = 0, lost_passes = 0, penalty_each = 0, penalties = 0, refund = 0;
};
// deposit − deductions − lost passes × penalty, never below zero.
Refund refund_for(std::int64_t deposit_cents, std::int64_t deductions_cents, std::int64_t lost_passes,
                  std::int64_t penalty_each_cents);

// Money bounds for validation: 0 … 10,000,000 元.
inline constexpr std::int64_t kMaxCents = 1000000000;
// "1234.50": yuan with two decimals (no separators: a CSV cell stays one number).
std::string_view format_yuan(std::int64_t cents, char (&buf)[32]);

}  // namespace app::renovation
