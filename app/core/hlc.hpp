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
  // Takes in a timestamp from another device (or from the log at start-up).
  void observe(const Hlc& remote);
  const Hlc& last() const { return last_; }

 private:
  ClockPort& clock_;
  Hlc last_;
};

}  // namespace app
