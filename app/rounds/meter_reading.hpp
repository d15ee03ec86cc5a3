#pragma once
// Is a meter reading plausible against the last one? A meter never runs
// backwards, and a vacant or renovating unit's electricity meter moves a few
// 度 a day: far more than a household's use since the last reading is a
// misread digit, a swapped meter or power being taken — worth a second look
// before it goes on record.
#include <cstdint>
#include <optional>

namespace app {

struct PastReading {
  std::int64_t value = 0;
  std::int64_t at_ms = 0;
};

enum class ReadingFlag { none, backwards, jump };

// More than this per day since the last reading is a jump (a busy household
// uses 10–20 度 a day).
inline constexpr std::int64_t kMaxReadingRisePerDay = 50;

ReadingFlag check_reading(const std::optional<PastReading>& last, std::int64_t value, std::int64_t at_ms);

}  // namespace app
