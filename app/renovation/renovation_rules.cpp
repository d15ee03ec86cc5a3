#include "app/renovation/renovation_rules.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace app::renovation {

bool is_stage(std::int64_t v) { return v >= 0 && v <= 8; }
bool is_paper_kind(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_pass_state(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_action(std::int64_t v) { return v >= 0 && v <= 3; }
bool action_needs_lead(Action a) { return a == Action::deduct_deposit || a == Action::expel_contractor; }

bool passes_may_be_issued(Stage s) { return s >= Stage::fees_paid && s <= Stage::in_progress; }

TransitionError check_transition(Stage from, Stage to) {
  if (from == Stage::refunded) return TransitionError::already_refunded;
  const auto f = static_cast<int>(from), t = static_cast<int>(to);
  if (t <= f) return TransitionError::goes_backwards;
  if (t != f + 1) return TransitionError::skips_a_step;
  return TransitionError::none;
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
