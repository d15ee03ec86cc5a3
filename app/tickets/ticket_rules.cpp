#include "app/tickets/ticket_rules.hpp"

#include <algorithm>

namespace app::tickets {
namespace {
constexpr std::int64_t kMinute = 60000, kDay = 86400000;
}  // namespace

bool is_kind(std::int64_t v) { return v >= 0 && v <= 6; }
bool is_severity(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_status(std::int64_t v) { return v >= 0 && v <= 7; }

bool is_communication_complaint(Kind k) {
  return k == Kind::help_seeking || k == Kind::inquiry_complaint || k == Kind::venting;
}

TransitionError check_transition(Status from, Status to, bool callback_failed, bool callback_owed) {
  const auto f = static_cast<int>(from), t = static_cast<int>(to);
  if (to == Status::dispatched && (from == Status::done || from == Status::callback || from == Status::closed)) {
    // A reopen: only a problem found — by the callback, or a leak test that
    // still leaks — sends it back to the repairer (回访中发现问题及时通知维修人员整改).
    return callback_failed ? TransitionError::none : TransitionError::reopen_needs_callback;
  }
  // The class given at receipt may be corrected until the ticket is sent on.
  if (from == Status::classified && to == Status::classified) return TransitionError::none;
  if (from == Status::closed) return TransitionError::already_closed;
  if (t <= f) return TransitionError::goes_backwards;
  if (t != f + 1) {
    // An inquiry or a suggestion answered at once has nothing to dispatch:
    // classified → done is the one skip allowed (the butler answered it).
    if (from == Status::classified && to == Status::done) return TransitionError::none;
    if (from == Status::done && to == Status::closed && !callback_owed) return TransitionError::none;
    return TransitionError::skips_a_step;
  }
  return TransitionError::none;
}

Lifecycle lifecycle_of(Kind kind, bool own_lifecycle) {
  if (!own_lifecycle) return Lifecycle::shared;
  return kind == Kind::repair ? Lifecycle::repair : Lifecycle::complaint;
}

Status reopen_status(Lifecycle lifecycle) { return lifecycle == Lifecycle::complaint ? Status::classified : Status::dispatched; }

TransitionError check_transition(Lifecycle lifecycle, Kind kind, Status from, Status to, bool callback_failed, bool callback_owed) {
  switch (lifecycle) {
    case Lifecycle::shared: return check_transition(from, to, callback_failed, callback_owed);
    case Lifecycle::repair:
      // 000:627 the slip goes to engineering: no repair is done from classified.
      if (from == Status::classified && to == Status::done) return TransitionError::skips_a_step;
      return check_transition(from, to, callback_failed, callback_owed);
    case Lifecycle::complaint: break;
  }
  // 000:321 a complaint is not dispatched or accepted like a repair.
  if (to == Status::dispatched || to == Status::accepted) return TransitionError::not_for_kind;
  const bool reopened = from == Status::done || from == Status::callback || from == Status::closed;
  if (to == Status::classified && reopened) return callback_failed ? TransitionError::none : TransitionError::reopen_needs_callback;
  if (from == Status::classified && to == Status::on_site) return TransitionError::none;
  if (from == Status::classified && to == Status::done) {
    // 000:321 ④ "带上负责部门的主管到现场了解情况": a valid complaint is seen on site first.
    return kind == Kind::valid_complaint ? TransitionError::skips_a_step : TransitionError::none;
  }
  if (from == Status::on_site && to == Status::done) return TransitionError::none;
  return check_transition(from, to, callback_failed, callback_owed);
}

bool plausible(const Settings& s) {
  const auto days = plausible_days;
  const auto minutes = plausible_minutes;
  return days(s.major_resolve_days) && days(s.major_answer_days) && minutes(s.important_escalate_minutes) && days(s.important_resolve_days) &&
         days(s.minor_resolve_days) && minutes(s.repair_dispatch_minutes) && minutes(s.onsite_minutes) && days(s.callback_days) &&
         days(s.leak_callback_days) && days(s.complaint_callback_days) && plausible_percent(s.recheck_percent) && plausible_period(s.recheck_period_months);
}

Deadlines deadlines_for(Kind kind, Severity severity, std::int64_t received_ms, std::int64_t end_of_day_ms,
                        std::int64_t requested_ms, bool approved_later, const Settings& s, bool on_the_spot,
                        std::int64_t appointment_ms) {
  Deadlines d;
  if (kind == Kind::repair) {
    // 000:627 "在10分钟内送达工程维修部,并请接收人签字接收"
    d.dispatch_by = received_ms + s.repair_dispatch_minutes * kMinute;
    // 000:631 "维修人员应在预约维的时间前到达现场"
    if (appointment_ms > 0) d.onsite_by = appointment_ms;
    return d;
  }
  // 现场投诉: the complaint handler is on site within 5 minutes.
  if (on_the_spot && (kind == Kind::valid_complaint || is_communication_complaint(kind))) d.onsite_by = received_ms + s.onsite_minutes * kMinute;
  if (kind == Kind::inquiry || kind == Kind::suggestion) return d;  // answered, not resolved against a clock
  switch (severity) {
    case Severity::major:
      d.escalate_by = std::max(received_ms, end_of_day_ms);
      d.answer_by = received_ms + s.major_answer_days * kDay;
      d.resolve_by = received_ms + s.major_resolve_days * kDay;
      break;
    case Severity::important:
      d.escalate_by = received_ms + s.important_escalate_minutes * kMinute;
      d.resolve_by = received_ms + s.important_resolve_days * kDay;
      break;
    case Severity::minor: {
      const std::int64_t standard = received_ms + s.minor_resolve_days * kDay;
      // The owner's own date counts when it is sooner; a later one only with the head's approval.
      if (requested_ms > 0 && (requested_ms <= standard || approved_later)) d.resolve_by = requested_ms;
      else d.resolve_by = standard;
      break;
    }
  }
  return d;
}

std::optional<std::int64_t> callback_due(RepairCategory category, std::int64_t done_ms, std::int64_t leak_test_ms,
                                         const Settings& s) {
  switch (category) {
    case RepairCategory::leak:
      if (leak_test_ms <= 0) return std::nullopt;
      return leak_test_ms + s.leak_callback_days * kDay;
    case RepairCategory::safety_facility:
    case RepairCategory::ordinary:
      return done_ms + s.callback_days * kDay;
  }
  return std::nullopt;
}

bool needs_callback(Kind kind, bool every_event) {
  return every_event || kind == Kind::valid_complaint || kind == Kind::repair;
}

std::int64_t complaint_callback_due(std::int64_t done_ms, const Settings& s) { return done_ms + s.complaint_callback_days * kDay; }

}  // namespace app::tickets
