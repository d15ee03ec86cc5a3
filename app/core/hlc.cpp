#include "app/core/hlc.hpp"

namespace app {

Hlc HybridClock::tick() {
  const std::int64_t wall = clock_.now_ms();
  if (wall > last_.wall_ms) {
    last_ = {wall, 0};
  } else {
    // The wall clock stood still or went back: keep the last wall time and count.
    ++last_.logical;
  }
  return last_;
}

void HybridClock::observe(const Hlc& remote) {
  if (remote > last_) last_ = remote;
}

}  // namespace app
