#pragma once
// The rules of a ticket (投诉 / 报修 / 咨询 / 建议), from shared/domain.md §2–3:
// its lifecycle and which steps may follow which, the deadlines each class
// carries from the moment it was received, and when its callback is due.
// Pure functions of a ticket's own stamps and the settings: the tablet
// computes them offline, and the same stamps give the same deadlines on every
// device. Every number here is the product's default and a setting.
#include <cstdint>
#include <optional>

namespace app::tickets {

enum class Kind : std::int64_t {
  valid_complaint = 0,  // 有效投诉: the management company failed
  help_seeking = 1,     // 沟通性投诉 · 求助型
  inquiry_complaint = 2,  // 沟通性投诉 · 咨询型
  venting = 3,          // 沟通性投诉 · 发泄型
  inquiry = 4,          // 咨询
  suggestion = 5,       // 建议
  repair = 6,           // 报修
};
bool is_kind(std::int64_t v);
bool is_communication_complaint(Kind k);
// A complaint of either sort (有效投诉 or 沟通性投诉), not a repair, enquiry or suggestion.
inline bool is_complaint(Kind k) { return k == Kind::valid_complaint || is_communication_complaint(k); }

enum class Severity : std::int64_t { major = 0, important = 1, minor = 2 };
bool is_severity(std::int64_t v);

// The statuses every ticket moves through, in order; which of them a ticket
// visits is its lifecycle's (below). A bad callback reopens it.
enum class Status : std::int64_t {
  received = 0, classified = 1, dispatched = 2, accepted = 3, on_site = 4, done = 5, callback = 6, closed = 7,
};
bool is_status(std::int64_t v);

// Stored as numbers in snapshots: append only.
enum class TransitionError { none, skips_a_step, goes_backwards, already_closed, reopen_needs_callback, after_done, not_for_kind };

// Which steps a ticket takes (issue 16 items 4–5). A ticket opened before the
// kinds had lifecycles of their own keeps the one they all shared (`shared`);
// since then:
// - repair, 000:625–635 (6.4): received → classified → dispatched (the slip at
//   engineering, "在10分钟内送达工程维修部,并请接收人签字接收") → accepted
//   ("工程人员接到《维修单》后及时填写接单时间") → on site → done (the owner signs,
//   "在《维修单上签名确认") → callback → closed. No step is skipped.
// - complaint (complaints, enquiries, suggestions), 000:321 "处理投诉的程序:
//   ①、做好投诉记录;②、准确判断投诉的性质;③、准确判断投诉事件的负责部门;
//   ④、带上负责部门的主管到现场了解情况;⑤、由负责部门主管为主要处理问题的中心人物;⑥、回访":
//   received → classified → on site → done (handled) → callback → closed. It is
//   never dispatched or accepted like a repair; escalation and the owner's
//   answer are its own acts beside the status (complaint_rules.hpp). A
//   communication complaint ("④、通知相关部门去处理或给予解答"), an enquiry or a
//   suggestion may be handled without going on site; a valid complaint may
//   not (④). A bad callback reopens it to classified: handled again.
enum class Lifecycle { shared, repair, complaint };
// Whether `to` may follow `from`. A reopen (done, callback or closed →
// dispatched) is allowed only when a problem was found: `callback_failed`
// (the callback's, or a leak test that still leaks — the fold admits the
// latter from done only for an untested leak repair). classified →
// classified is a correction of the class before the ticket is sent on.
// A ticket that owes no callback (`callback_owed` false: an inquiry, a
// communication complaint) closes straight from done.
TransitionError check_transition(Status from, Status to, bool callback_failed = false, bool callback_owed = true);
// The same for a ticket of `kind` on `lifecycle`.
TransitionError check_transition(Lifecycle lifecycle, Kind kind, Status from, Status to, bool callback_failed, bool callback_owed);
Lifecycle lifecycle_of(Kind kind, bool own_lifecycle);
// Where a reopened ticket goes back to: the repairer (dispatched) or, on the
// complaint lifecycle, handling again (classified).
Status reopen_status(Lifecycle lifecycle);

// The deadline settings; the defaults are the manuals' numbers.
struct Settings {
  std::int64_t major_resolve_days = 10;   // one manual says a week: make it 7 here
  std::int64_t major_answer_days = 2;
  std::int64_t important_escalate_minutes = 60;
  std::int64_t important_resolve_days = 3;
  std::int64_t minor_resolve_days = 2;
  std::int64_t repair_dispatch_minutes = 10;  // the slip is with engineering within 10 minutes
  std::int64_t onsite_minutes = 5;            // the handler is on site within 5 minutes (on-site complaints)
  std::int64_t callback_days = 2;             // safety-facility and other repairs
  std::int64_t leak_callback_days = 3;        // after the leak test
  // Complaints, enquiries and suggestions are called back too (issue 16 item
  // 6); the manuals give a window only for repairs (000:283), so 2 days, the
  // repairs' "其他维修项目2天内回访", is the team's reading, labelled as such.
  std::int64_t complaint_callback_days = 2;
  // The head butler's re-check of callbacks, "定期进行3-5%的随机抽检" (003):
  // the share and how often it is drawn -- the manual says neither exactly,
  // so 4% (the middle) every month is the team's reading.
  std::int64_t recheck_percent = 4;
  std::int64_t recheck_period_months = 1;  // 1 monthly, 3 quarterly
  bool operator==(const Settings&) const = default;
};
// A setting's sane range: days 1–60, minutes 1–1440 (a day). One place for
// the Session, op validation and the Settings steppers.
inline constexpr std::int64_t kMaxSettingDays = 60, kMaxSettingMinutes = 1440;
inline bool plausible_days(std::int64_t v) { return v >= 1 && v <= kMaxSettingDays; }
inline bool plausible_minutes(std::int64_t v) { return v >= 1 && v <= kMaxSettingMinutes; }
// The re-check share 1–20% (the manual's 3–5% and room either side), drawn monthly or quarterly.
inline constexpr std::int64_t kMaxRecheckPercent = 20;
inline bool plausible_percent(std::int64_t v) { return v >= 1 && v <= kMaxRecheckPercent; }
inline bool plausible_period(std::int64_t months) { return months == 1 || months == 3; }
bool plausible(const Settings& s);

// Wall-clock ms deadlines from the moment of receipt; nullopt: none applies.
struct Deadlines {
  std::optional<std::int64_t> escalate_by;  // major: to the centre manager the same day; important: the department head within 1 h
  std::optional<std::int64_t> answer_by;    // major: an answer to the owner
  std::optional<std::int64_t> dispatch_by;  // repairs: the slip at engineering, signed for
  std::optional<std::int64_t> onsite_by;    // a complaint made on the spot: the handler there; a repair: its appointment
  std::optional<std::int64_t> resolve_by;
};
// Which of a ticket's deadlines is next, as Today and the ticket page say it
// ("到场 剩 4 分钟"): the Deadlines above and the callback after the work.
enum class DeadlineKind { escalate, answer, dispatch, onsite, resolve, callback };
struct Due {
  std::int64_t at = 0;
  DeadlineKind kind = DeadlineKind::resolve;
};

// `requested_ms`: the owner's requested date for a minor ticket (0: none); a
// later date than the default needs the head's approval (`approved_later`).
// `end_of_day_ms`: the local midnight after receipt (the tablet's calendar).
// `on_the_spot`: the owner made it in person (`made_in_person(channel)`).
// A repair runs on repair rules only (000 6.4), whatever its class: the slip
// at engineering within 10 minutes (000:627) and the repairer on site before
// the appointment (`appointment_ms`, 0: none made yet; 000:631
// "维修人员应在预约维的时间前到达现场"). The complaints' escalation, answer and
// resolve clocks (000:265) are not the repairs'.
Deadlines deadlines_for(Kind kind, Severity severity, std::int64_t received_ms, std::int64_t end_of_day_ms,
                        std::int64_t requested_ms, bool approved_later, const Settings& s = {}, bool on_the_spot = false,
                        std::int64_t appointment_ms = 0);

// Channels: 0 phone, 1 visit, 2 letter, 3 found on rounds, 4 night log. A
// visit or rounds means the owner is there: the on-site rule applies.
inline bool made_in_person(std::int64_t channel) { return channel == 1 || channel == 3; }
// 监控中心夜间登记: received by the control room at night (app/tickets/night_log.hpp).
inline constexpr std::int64_t kNightLogChannel = 4;

enum class RepairCategory : std::int64_t { ordinary = 0, safety_facility = 1, leak = 2 };
// When the callback is due after the work was done; for a leak, after the
// leak test (`leak_test_ms`, 0 when not yet tested: nothing due yet).
std::optional<std::int64_t> callback_due(RepairCategory category, std::int64_t done_ms, std::int64_t leak_test_ms,
                                         const Settings& s = {});
// Who is called back after the work or the answer. Valid complaints and
// repairs, every one of them (100%), always did. `every_event`: a ticket
// opened since the rule of 003 "对所有与客户发生服务关系之事件需要回访" and
// 000:321 (沟通性投诉 "⑤、回访") was encoded: every kind is called back. A
// ticket opened before keeps the rule it was opened under (its closing
// without a callback stays valid on every replay).
bool needs_callback(Kind kind, bool every_event = false);
// When a callback is due after a complaint, an enquiry or a suggestion was
// handled (`done_ms`): the complaint window above.
std::int64_t complaint_callback_due(std::int64_t done_ms, const Settings& s = {});

// "Now" for lateness: never earlier than the latest time this tablet has
// seen (its hybrid clock), so a clock set backwards cannot make anything look
// less late.
inline std::int64_t lateness_now(std::int64_t wall_ms, std::int64_t latest_seen_ms) {
  return wall_ms > latest_seen_ms ? wall_ms : latest_seen_ms;
}

}  // namespace app::tickets
