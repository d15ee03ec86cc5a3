#pragma once
// Local calendar time from wall-clock ms and the tablet's UTC offset. The
// estates are in China (UTC+8, no daylight saving), which is the default;
// the browser reports its own offset.
#include <cstdint>
#include <string>
#include <string_view>

namespace app {

struct LocalTime {
  std::int64_t day = 0;  // yyyymmdd
  int minute = 0;        // minutes after local midnight
  int weekday = 0;       // 0 Sunday … 6 Saturday
};

LocalTime local_time(std::int64_t wall_ms, int utc_offset_minutes = 480);
// The local day `days` after `day` (negative: before), yyyymmdd.
std::int64_t add_days(std::int64_t day, std::int64_t days);
// A date as people write it ("2026-12-04", "2026/12/4", "2026.12.04",
// "20261204", "2026年12月4日") as yyyymmdd; 0 when it is not a day of the calendar.
std::int64_t parse_day(std::string_view text);
// "2026-11-25 07:42" (or with seconds).
std::string format_local(std::int64_t wall_ms, int utc_offset_minutes = 480, bool seconds = false);
// "11-25 07:42": the day and time, as a line of a register shows them.
inline std::string short_local(std::int64_t wall_ms, int utc_offset_minutes = 480) {
  return format_local(wall_ms, utc_offset_minutes).substr(5);
}

}  // namespace app
