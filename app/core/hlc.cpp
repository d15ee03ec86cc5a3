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

bool HybridClock::observe_remote(const Hlc& remote) {
  if (remote.wall_ms > clock_.now_ms() + kMaxAheadMs) return false;
  observe(remote);
  return true;
}

}  // namespace app
