#include "app/rounds/meter_reading.hpp"

#include <algorithm>

namespace app {

ReadingFlag check_reading(const std::optional<PastReading>& last, std::int64_t value, std::int64_t at_ms) {
  if (!last) return ReadingFlag::none;
  if (value < last->value) return ReadingFlag::backwards;
  // Whole days since, at least one: two rounds on the same day may differ by a day's use.
  const std::int64_t days = std::max<std::int64_t>(1, (at_ms - last->at_ms + 86399999) / 86400000);
  return value - last->value > kMaxReadingRisePerDay * days ? ReadingFlag::jump : ReadingFlag::none;
}

}  // namespace app
