// Ticket rules, one table row per rule of shared/domain.md §2–3: the
// lifecycle's allowed steps (all 64 pairs), each class's deadlines from
// receipt, the minor class's requested date, callback windows, the 100%
// callback rule, and lateness judged by a clock that cannot go backwards.
#include <catch2/catch.hpp>

#include "app/tickets/ticket_rules.hpp"

using namespace app::tickets;

namespace {
constexpr std::int64_t kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;
constexpr std::int64_t kReceived = 1795500000000;        // 2026-11-24 14:00 Beijing
constexpr std::int64_t kMidnight = 1795536000000;        // 2026-11-25 00:00 Beijing
}  // namespace

TEST_CASE("every step of the lifecycle: forward one at a time, the class corrected before dispatch, a reopen only after a problem found") {
  for (int f = 0; f <= 7; ++f) {
    for (int t = 0; t <= 7; ++t) {
      const auto from = static_cast<Status>(f), to = static_cast<Status>(t);
      INFO(f << " -> " << t);
      const TransitionError e = check_transition(from, to);
      // A reopen: after a callback, or from done when a leak test still leaks.
      const bool reopen = to == Status::dispatched && (from == Status::done || from == Status::callback || from == Status::closed);
      if (reopen) {
        CHECK(e == TransitionError::reopen_needs_callback);
        CHECK(check_transition(from, to, true) == TransitionError::none);
      } else if (from == Status::closed) {
        CHECK(e == TransitionError::already_closed);
      } else if (t == f + 1 || (from == Status::classified && (to == Status::done || to == Status::classified))) {
        CHECK(e == TransitionError::none);
      } else if (t <= f) {
        CHECK(e == TransitionError::goes_backwards);
      } else {
        CHECK(e == TransitionError::skips_a_step);
      }
    }
  }
}

TEST_CASE("deadlines by class, from the moment of receipt") {
  struct Row { Kind kind; Severity severity; std::optional<std::int64_t> escalate, answer, dispatch, resolve; };
  const Row rows[] = {
      // major: the centre manager the same day, an answer within 2 days, resolved within 10.
      {Kind::valid_complaint, Severity::major, kMidnight, kReceived + 2 * kDay, std::nullopt, kReceived + 10 * kDay},
      // important: the department head within 1 hour, resolved within 3 days.
      {Kind::valid_complaint, Severity::important, kReceived + kHour, std::nullopt, std::nullopt, kReceived + 3 * kDay},
      // minor: within 2 days.
      {Kind::help_seeking, Severity::minor, std::nullopt, std::nullopt, std::nullopt, kReceived + 2 * kDay},
      // a repair runs on repair rules (000:627): the slip with engineering
      // within 10 minutes — no escalation, answer or resolve clock of the complaints', whatever its class.
      {Kind::repair, Severity::minor, std::nullopt, std::nullopt, kReceived + 10 * kMinute, std::nullopt},
      {Kind::repair, Severity::important, std::nullopt, std::nullopt, kReceived + 10 * kMinute, std::nullopt},
      {Kind::repair, Severity::major, std::nullopt, std::nullopt, kReceived + 10 * kMinute, std::nullopt},
      // inquiries and suggestions are answered, not resolved against a clock.
      {Kind::inquiry, Severity::minor, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
      {Kind::suggestion, Severity::major, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
  };
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.kind) << "/" << static_cast<int>(r.severity));
    const Deadlines d = deadlines_for(r.kind, r.severity, kReceived, kMidnight, 0, false);
    CHECK(d.escalate_by == r.escalate);
    CHECK(d.answer_by == r.answer);
    CHECK(d.dispatch_by == r.dispatch);
    CHECK(d.resolve_by == r.resolve);
  }
  // The settings move them: one manual's "within a week" for major tickets.
  Settings week;
  week.major_resolve_days = 7;
  CHECK(deadlines_for(Kind::valid_complaint, Severity::major, kReceived, kMidnight, 0, false, week).resolve_by == kReceived + 7 * kDay);
}

TEST_CASE("a minor ticket honours the owner's requested date — a later one needs the head's approval") {
  const std::int64_t sooner = kReceived + kDay, later = kReceived + 5 * kDay;
  CHECK(deadlines_for(Kind::help_seeking, Severity::minor, kReceived, kMidnight, sooner, false).resolve_by == sooner);
  CHECK(deadlines_for(Kind::help_seeking, Severity::minor, kReceived, kMidnight, later, false).resolve_by == kReceived + 2 * kDay);
  CHECK(deadlines_for(Kind::help_seeking, Severity::minor, kReceived, kMidnight, later, true).resolve_by == later);
  // Only the minor class: an important ticket keeps its 3 days whatever is asked.
  CHECK(deadlines_for(Kind::valid_complaint, Severity::important, kReceived, kMidnight, later, true).resolve_by == kReceived + 3 * kDay);
}

TEST_CASE("a repair's appointment is its on-site deadline (000:631), and none until one is made") {
  const std::int64_t appointment = kReceived + 20 * kHour;
  // 000:631 "维修人员应在预约维的时间前到达现场"
  CHECK(deadlines_for(Kind::repair, Severity::minor, kReceived, kMidnight, 0, false, {}, false, appointment).onsite_by == appointment);
  CHECK_FALSE(deadlines_for(Kind::repair, Severity::minor, kReceived, kMidnight, 0, false).onsite_by);
  // Made in person, a repair still has no complaint's 5-minute on-site rule.
  CHECK_FALSE(deadlines_for(Kind::repair, Severity::minor, kReceived, kMidnight, 0, false, {}, true).onsite_by);
  // A complaint ignores an appointment.
  CHECK_FALSE(deadlines_for(Kind::valid_complaint, Severity::minor, kReceived, kMidnight, 0, false, {}, false, appointment).onsite_by);
}

TEST_CASE("the repair lifecycle (000:625-635): every step in order, never classified straight to done") {
  for (int f = 0; f <= 7; ++f) {
    for (int t = 0; t <= 7; ++t) {
      const auto from = static_cast<Status>(f), to = static_cast<Status>(t);
      INFO(f << " -> " << t);
      const TransitionError e = check_transition(Lifecycle::repair, Kind::repair, from, to, false, true);
      // 000:627 the slip goes to engineering: the one skip the shared lifecycle allowed is gone.
      if (from == Status::classified && to == Status::done) CHECK(e == TransitionError::skips_a_step);
      else CHECK(e == check_transition(from, to));
    }
  }
  CHECK(check_transition(Lifecycle::repair, Kind::repair, Status::callback, Status::dispatched, true, true) == TransitionError::none);
  CHECK(reopen_status(Lifecycle::repair) == Status::dispatched);
}

TEST_CASE("the complaint lifecycle (000:321): received, classified, on site, handled, callback, closed — never dispatched or accepted") {
  struct Row { Kind kind; Status from, to; TransitionError e; };
  const Row rows[] = {
      {Kind::valid_complaint, Status::received, Status::classified, TransitionError::none},
      // ④ "带上负责部门的主管到现场了解情况"
      {Kind::valid_complaint, Status::classified, Status::on_site, TransitionError::none},
      {Kind::valid_complaint, Status::classified, Status::dispatched, TransitionError::not_for_kind},
      {Kind::valid_complaint, Status::on_site, Status::accepted, TransitionError::not_for_kind},
      {Kind::valid_complaint, Status::classified, Status::done, TransitionError::skips_a_step},
      {Kind::valid_complaint, Status::on_site, Status::done, TransitionError::none},
      {Kind::valid_complaint, Status::done, Status::callback, TransitionError::none},
      {Kind::valid_complaint, Status::callback, Status::closed, TransitionError::none},
      {Kind::valid_complaint, Status::received, Status::on_site, TransitionError::skips_a_step},
      // 沟通性投诉 ④ "通知相关部门去处理或给予解答": handled without going on site.
      {Kind::help_seeking, Status::classified, Status::done, TransitionError::none},
      {Kind::venting, Status::classified, Status::on_site, TransitionError::none},
      {Kind::inquiry, Status::classified, Status::done, TransitionError::none},
      {Kind::suggestion, Status::classified, Status::dispatched, TransitionError::not_for_kind},
      // a bad callback reopens it to be handled again, not to a repairer.
      {Kind::valid_complaint, Status::callback, Status::classified, TransitionError::reopen_needs_callback},
      {Kind::valid_complaint, Status::on_site, Status::classified, TransitionError::goes_backwards},
      {Kind::valid_complaint, Status::closed, Status::on_site, TransitionError::already_closed},
  };
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.kind) << ": " << static_cast<int>(r.from) << " -> " << static_cast<int>(r.to));
    CHECK(check_transition(Lifecycle::complaint, r.kind, r.from, r.to, false, true) == r.e);
  }
  CHECK(check_transition(Lifecycle::complaint, Kind::valid_complaint, Status::callback, Status::classified, true, true) == TransitionError::none);
  CHECK(reopen_status(Lifecycle::complaint) == Status::classified);
  // Which lifecycle: by kind, once the ticket was opened under them; else the shared one.
  CHECK(lifecycle_of(Kind::repair, true) == Lifecycle::repair);
  CHECK(lifecycle_of(Kind::inquiry, true) == Lifecycle::complaint);
  CHECK(lifecycle_of(Kind::repair, false) == Lifecycle::shared);
}

TEST_CASE("callbacks: 2 days after a repair, 3 days after the leak test — every valid complaint and repair gets one") {
  const std::int64_t done = kReceived + kDay;
  CHECK(callback_due(RepairCategory::safety_facility, done, 0) == done + 2 * kDay);
  CHECK(callback_due(RepairCategory::ordinary, done, 0) == done + 2 * kDay);
  CHECK_FALSE(callback_due(RepairCategory::leak, done, 0));  // not tested for leaks yet
  CHECK(callback_due(RepairCategory::leak, done, done + kDay) == done + 4 * kDay);
  CHECK(needs_callback(Kind::valid_complaint));
  CHECK(needs_callback(Kind::repair));
  // Under the rule a ticket opened before item 6 keeps: only those two.
  for (Kind k : {Kind::help_seeking, Kind::inquiry_complaint, Kind::venting, Kind::inquiry, Kind::suggestion}) CHECK_FALSE(needs_callback(k));
  // 003 "对所有与客户发生服务关系之事件需要回访"; 000:321 沟通性投诉 "⑤、回访";
  // 000:329 a phone enquiry "⑦、回访": every kind, once opened under that rule.
  for (Kind k : {Kind::valid_complaint, Kind::help_seeking, Kind::inquiry_complaint, Kind::venting, Kind::inquiry, Kind::suggestion,
                 Kind::repair}) {
    CHECK(needs_callback(k, true));
  }
  // The manuals give complaints no window: the team's 2 days, a setting.
  CHECK(complaint_callback_due(done) == done + 2 * kDay);
  Settings s;
  s.complaint_callback_days = 5;
  CHECK(complaint_callback_due(done, s) == done + 5 * kDay);
  CHECK(plausible(s));
  s.complaint_callback_days = 0;
  CHECK_FALSE(plausible(s));
  CHECK(is_communication_complaint(Kind::venting));
  CHECK_FALSE(is_communication_complaint(Kind::valid_complaint));
}

TEST_CASE("lateness is judged by a clock that never goes back") {
  const std::int64_t resolve_by = kReceived + 2 * kDay;
  const std::int64_t seen = resolve_by + kHour;       // the tablet already saw a later time
  const std::int64_t clock_set_back = kReceived;      // then someone set its clock back two days
  CHECK(lateness_now(clock_set_back, seen) > resolve_by);
  CHECK(lateness_now(seen + kMinute, seen) == seen + kMinute);
  CHECK(is_kind(6));
  CHECK_FALSE(is_kind(7));
  CHECK(is_severity(2));
  CHECK_FALSE(is_severity(-1));
  CHECK(is_status(7));
  CHECK_FALSE(is_status(8));
}
