#pragma once
// Hybrid logical clock: wall-clock milliseconds with a logical counter, so
// timestamps from one device only ever grow (even when the tablet's clock is
// set back) and stay close to real time for people reading them.
#include <compare>
#include <cstdint>

#include "app/core/ports.hpp"

namespace app {

struct Hlc {
  std::int64_t wall_ms = 0;
  std::uint32_t logical = 0;
  auto operator<=>(const Hlc&) const = default;
};

class HybridClock {
 public:
  explicit HybridClock(ClockPort& clock) : clock_(clock) {}

  // A timestamp for a new local event: greater than every one issued or seen.
  Hlc tick();
  // Takes in a timestamp from this tablet's own log at start-up: its own
  // past, never bounded (a clock set back must not make new edits lose).
  void observe(const Hlc& remote);
  // Takes in a timestamp from elsewhere (a pull, a backup file): ignored when
  // it is more than kMaxAheadMs ahead of this clock, so one op stamped in
  // year 2100 cannot drag every later edit there. Returns whether it was
  // taken in.
  bool observe_remote(const Hlc& remote);
  static constexpr std::int64_t kMaxAheadMs = 24LL * 60 * 60 * 1000;
  const Hlc& last() const { return last_; }

 private:
  ClockPort& clock_;
  Hlc last_;
};

}  // namespace app
