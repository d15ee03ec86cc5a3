#include "app/tickets/night_log.hpp"

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"

namespace app::tickets {
namespace {
constexpr std::int64_t kMinute = 60000, kDay = 1440 * kMinute;

// "23:40", "23：40" (a Chinese keyboard's colon), "2340", "7:05", "705": minutes after midnight; -1 if not a time.
int minute_of_day(std::string_view s) {
  int digits[4] = {0, 0, 0, 0};
  int n = 0, colon_at = -1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (n == 4) return -1;
      digits[n++] = c - '0';
    } else if ((c == ':' || c == '.') && colon_at < 0) {  // a numeric keyboard has a point, not a colon
      colon_at = n;
    } else if (s.substr(i, 3) == "\xEF\xBC\x9A" && colon_at < 0) {  // ：
      colon_at = n;
      i += 2;
    } else if (c != ' ') {
      return -1;
    }
  }
  // The hours are what comes before the colon, or all but the last two digits.
  const int hour_digits = colon_at >= 0 ? colon_at : n - 2;
  if (hour_digits < 1 || hour_digits > 2 || n - hour_digits != 2) return -1;
  const int hour = hour_digits == 2 ? digits[0] * 10 + digits[1] : digits[0];
  const int minute = digits[hour_digits] * 10 + digits[hour_digits + 1];
  if (hour > 23 || minute > 59) return -1;
  return hour * 60 + minute;
}
}  // namespace

Result<std::int64_t> night_log_time(std::string_view clock, std::int64_t now_ms, int utc_offset_minutes) {
  const int at = minute_of_day(clock);
  if (at < 0) return Error{"bad_night_time", i18n::tr(i18n::S::err_night_log_time)};
  const LocalTime now = local_time(now_ms, utc_offset_minutes);
  // Today's midnight (local), in ms, from now's minute of the day.
  const std::int64_t minute_start = now_ms - now_ms % kMinute;
  const std::int64_t midnight = minute_start - static_cast<std::int64_t>(now.minute) * kMinute;
  std::int64_t logged = midnight + static_cast<std::int64_t>(at) * kMinute;
  if (logged > now_ms) logged -= kDay;  // later than now today: last night's
  return logged;
}

std::int64_t night_handover_by(std::int64_t received_ms, int utc_offset_minutes) {
  const LocalTime at = local_time(received_ms, utc_offset_minutes);
  const std::int64_t minute_start = received_ms - received_ms % kMinute;
  const std::int64_t midnight = minute_start - static_cast<std::int64_t>(at.minute) * kMinute;
  const std::int64_t nine = midnight + kNightHandoverMinute * kMinute;
  return received_ms < nine ? nine : nine + kDay;
}

}  // namespace app::tickets
