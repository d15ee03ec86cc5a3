#pragma once
// Outage notices' rules (停水、停电通知), free of any state. The manuals have no
// chapter of their own for them; what they ask is that those affected are
// told — 000:599 5.1.4.5 "有必要时,通知受影响单元或相关人士", and 001's leak
// procedure "檢查受影響範圍,通知受影響業主" — and that notices go up on the
// board the butlers check (000:365 "(3)检查公告栏"). The rest is the team's
// reading, said so in the README.
#include <cstdint>

namespace app::outages {

enum class Kind : std::int64_t { water = 0, power = 1, gas = 2, other = 3 };
inline constexpr int kKindCount = 4;
constexpr bool is_kind(std::int64_t v) { return v >= 0 && v < kKindCount; }

inline constexpr std::int64_t kHourMs = 3600000;
// A notice covers at most a week (a longer works is several notices, each
// posted): the team's bound, so a typo of a year does not sit on Today.
inline constexpr std::int64_t kMaxWindowMs = 7 * 24 * kHourMs;
// Shown on Today from a day before it starts: the butler answering a call
// about tomorrow's water knows too.
inline constexpr std::int64_t kAheadMs = 24 * kHourMs;

// Where a notice stands at `now`.
enum class Phase { upcoming, on, over, cancelled };

constexpr Phase phase_at(std::int64_t from_ms, std::int64_t until_ms, bool cancelled, std::int64_t now_ms) {
  if (cancelled) return Phase::cancelled;
  if (now_ms < from_ms) return Phase::upcoming;
  if (now_ms < until_ms) return Phase::on;
  return Phase::over;
}

// On Today: during its window and the day before it.
constexpr bool on_today(std::int64_t from_ms, std::int64_t until_ms, bool cancelled, std::int64_t now_ms) {
  return !cancelled && now_ms >= from_ms - kAheadMs && now_ms < until_ms;
}

}  // namespace app::outages
