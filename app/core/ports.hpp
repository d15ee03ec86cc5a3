#pragma once
// What the core needs from the world, as interfaces: the shell (browser) and
// the tests (fakes that jump, crash and repeat) implement them.
#include <cstdint>

namespace app {

class ClockPort {
 public:
  virtual ~ClockPort() = default;
  // Wall-clock milliseconds since the Unix epoch; may jump backwards when the
  // tablet's clock is corrected.
  virtual std::int64_t now_ms() = 0;
  // Minutes east of UTC for local dates ("today's round"); China by default.
  virtual int utc_offset_minutes() { return 480; }
};

class RandomPort {
 public:
  virtual ~RandomPort() = default;
  virtual std::uint64_t next_u64() = 0;
};

}  // namespace app
