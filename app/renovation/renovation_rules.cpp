#include "app/renovation/renovation_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace app::renovation {

bool is_stage(std::int64_t v) { return v >= 0 && v < kStageCount; }
bool is_paper_kind(std::int64_t v) { return v >= 0 && v <= 4; }
bool is_pass_state(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_action(std::int64_t v) { return v >= 0 && v <= 3; }
bool action_needs_lead(Action a) { return a == Action::deduct_deposit || a == Action::expel_contractor; }

bool actions_need_lead(std::int64_t actions) {
  return (actions & (action_bit(Action::deduct_deposit) | action_bit(Action::expel_contractor))) != 0;
}

Action first_action(std::int64_t actions) {
  for (int k = 0; k <= 3; ++k) {
    if (actions & (std::int64_t{1} << k)) return static_cast<Action>(k);
  }
  return Action::stop_work;
}

std::int64_t deposit_penalty_each(const Settings& s) { return s.penalty_from_deposit && s.penalty_set() ? s.lost_pass_penalty_cents : 0; }

namespace {
constexpr Stage kOrder[kStageCount] = {Stage::applied,       Stage::pre_reviewed,       Stage::works_reviewed, Stage::approved,
                                       Stage::fees_paid,     Stage::passes_issued,      Stage::in_progress,    Stage::completion_checked,
                                       Stage::rechecked,     Stage::refunded};
}  // namespace

int stage_position(Stage s) {
  for (int k = 0; k < kStageCount; ++k) {
    if (kOrder[k] == s) return k;
  }
  return 0;
}

std::optional<Stage> next_stage(Stage s) {
  const int k = stage_position(s) + 1;
  return k < kStageCount ? std::optional<Stage>(kOrder[k]) : std::nullopt;
}

bool passes_may_be_issued(Stage s) {
  return stage_position(s) >= stage_position(Stage::fees_paid) && stage_position(s) <= stage_position(Stage::in_progress);
}

bool works_under_way(Stage s) {
  return stage_position(s) >= stage_position(Stage::in_progress) && stage_position(s) <= stage_position(Stage::rechecked);
}

UnitStatus unit_status_during_works(UnitStatus recorded, bool works) { return works ? UnitStatus::renovating : recorded; }

TransitionError check_transition(Stage from, Stage to) {
  if (from == Stage::refunded) return TransitionError::already_refunded;
  const int f = stage_position(from), t = stage_position(to);
  if (t <= f) return TransitionError::goes_backwards;
  if (t != f + 1) return TransitionError::skips_a_step;
  return TransitionError::none;
}

TransitionError check_recorded_transition(Stage from, Stage to) {
  if (from == Stage::pre_reviewed && to == Stage::approved) return TransitionError::none;
  return check_transition(from, to);
}

bool may_take_stage(Stage to, Role role) {
  switch (to) {
    case Stage::works_reviewed: return role == Role::engineering;  // 000:463
    case Stage::approved: return role == Role::manager;            // 000:453
    case Stage::refunded: return kLeadRoles.has(role);
    default: return kOfficeRoles.has(role) || role == Role::engineering;
  }
}

std::int64_t one_month_after(std::int64_t day) {
  std::int64_t y = day / 10000, m = day / 100 % 100 + 1;
  const std::int64_t d = day % 100;
  if (m > 12) {
    m = 1;
    ++y;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const std::int64_t last = m == 2 && leap ? 29 : kDays[m - 1];
  return y * 10000 + m * 100 + std::min(d, last);
}

bool recheck_overdue(std::int64_t due_day, std::int64_t today) { return due_day > 0 && today > due_day; }

Refund refund_for(std::int64_t deposit, std::int64_t deductions, std::int64_t lost_passes, std::int64_t penalty_each) {
  Refund r;
  r.deposit = std::max<std::int64_t>(deposit, 0);
  r.deductions = std::max<std::int64_t>(deductions, 0);
  r.lost_passes = std::max<std::int64_t>(lost_passes, 0);
  r.penalty_each = std::max<std::int64_t>(penalty_each, 0);
  r.penalties = r.lost_passes * r.penalty_each;  // bounded: passes ≤ thousands, penalty ≤ kMaxCents
  r.refund = std::max<std::int64_t>(r.deposit - r.deductions - r.penalties, 0);
  return r;
}

std::string_view format_yuan(std::int64_t cents, char (&buf)[32]) {
  const bool negative = cents < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const int n = std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", static_cast<unsigned long long>(abs / 100),
                              static_cast<unsigned long long>(abs % 100));
  return std::string_view(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

}  // namespace app::renovation
