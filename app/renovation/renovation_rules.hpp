#pragma once
// The rules of renovation supervision (装修管理), from shared/domain.md §5 and
// 000 §2.0 装修管理工作程序: the stages an application goes through and which
// may follow which, the re-check one calendar month after the completion
// check (经1个月再复验), and the deposit refund (装修保证金) less deductions and
// lost-pass penalties. Pure functions; money is integer fen, never floating.
#include <cstdint>
#include <optional>
#include <string_view>

namespace app::renovation {

// Stored codes: never renumbered.
// applied → pre-reviewed (客服中心) → approved (工程部) → fees paid (押金, 垃圾清运费)
// → passes issued (出入证) → in progress → completion checked → re-checked
// (a month later) → deposit refunded.
enum class Stage : std::int64_t {
  applied = 0, pre_reviewed = 1, approved = 2, fees_paid = 3, passes_issued = 4, in_progress = 5,
  completion_checked = 6, rechecked = 7, refunded = 8,
};
bool is_stage(std::int64_t v);

enum class TransitionError { none, skips_a_step, goes_backwards, already_refunded };
TransitionError check_transition(Stage from, Stage to);

enum class PaperKind : std::int64_t {
  licence = 0,    // 装修企业营业执照及资质证书
  insurance = 1,  // 装修保险购买证明文件 (根据实际情况确定是否购买: optional)
  worker_id = 2,  // 装修人员证件 (施工人员身份证)
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

struct Settings {
  std::int64_t lost_pass_penalty_cents = 5000;  // 50 元 per lost 出入证 (按章处罚)
};

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
