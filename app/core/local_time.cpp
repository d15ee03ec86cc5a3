#include "app/core/local_time.hpp"

#include <cstdio>
#include <string>

namespace app {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void civil(std::int64_t days, std::int64_t* y, std::int64_t* m, std::int64_t* d) {
  days += 719468;
  const std::int64_t era = floor_div(days, 146097);
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

// Days since 1970-01-01 of a civil date (the inverse of civil()).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::int64_t add_days(std::int64_t day, std::int64_t days) {
  std::int64_t y = 0, m = 0, d = 0;
  civil(days_from_civil(day / 10000, day / 100 % 100, day % 100) + days, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

std::int64_t parse_day(std::string_view written) {
  // 2026年3月1日 as 2026-3-1: the office's sheets write dates the Chinese way too.
  std::string text(written);
  for (std::string_view mark : {"年", "月"}) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark)) text.replace(at, mark.size(), "-");
  }
  if (text.size() >= 3 && text.compare(text.size() - 3, 3, "日") == 0) text.resize(text.size() - 3);
  // Up to three runs of digits, split by '-', '/' or '.' (or one run of eight).
  std::int64_t parts[3] = {0, 0, 0};
  int n = 0, digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (n == 3 || ++digits > 8) return 0;
      parts[n] = parts[n] * 10 + (c - '0');
    } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && n < 2) {
      ++n;
      digits = 0;
    } else if (c != ' ') {
      return 0;
    }
  }
  if (digits == 0) return 0;
  std::int64_t day = 0;
  if (n == 0) day = parts[0];
  else if (n == 2 && parts[1] <= 12 && parts[2] <= 31) day = parts[0] * 10000 + parts[1] * 100 + parts[2];
  else return 0;
  const std::int64_t y = day / 10000, m = day / 100 % 100, d = day % 100;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return add_days(day, 0) == day ? day : 0;  // 2026-02-30 is not a day
}

LocalTime local_time(std::int64_t wall_ms, int utc_offset_minutes) {
  const std::int64_t minutes = floor_div(wall_ms, 60000) + utc_offset_minutes;
  std::int64_t y = 0, m = 0, d = 0;
  const std::int64_t days = floor_div(minutes, 1440);
  civil(days, &y, &m, &d);
  // 1970-01-01 was a Thursday.
  const int weekday = static_cast<int>(days - floor_div(days + 4, 7) * 7 + 4);
  return LocalTime{y * 10000 + m * 100 + d, static_cast<int>(minutes - days * 1440), weekday};
}

std::string format_local(std::int64_t wall_ms, int utc_offset_minutes, bool seconds) {
  const LocalTime t = local_time(wall_ms, utc_offset_minutes);
  char buf[64];
  const long long sec = static_cast<long long>(floor_div(wall_ms, 1000) - floor_div(wall_ms, 60000) * 60);
  if (seconds) {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02d:%02d:%02lld", static_cast<long long>(t.day / 10000),
                  static_cast<long long>(t.day / 100 % 100), static_cast<long long>(t.day % 100), t.minute / 60, t.minute % 60, sec);
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02d:%02d", static_cast<long long>(t.day / 10000),
                  static_cast<long long>(t.day / 100 % 100), static_cast<long long>(t.day % 100), t.minute / 60, t.minute % 60);
  }
  return buf;
}

}  // namespace app
