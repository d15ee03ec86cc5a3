// How a numeric cell reads as text: Excel stores every number, date and time
// as a double and only its style says which; these turn it into what the
// office sees in the cell.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "app/server/xlsx_reader.hpp"

namespace server::xlsx {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back
// (Howard Hinnant's civil calendar algorithms).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, long long* y, unsigned* m, unsigned* d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<long long>(yoe) + era * 400 + (*m <= 2);
}

}  // namespace

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool is_date_format(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    switch (code[i]) {
      case '"':  // "literal text", e.g. 0"天" or yyyy"年"
        i = code.find('"', i + 1);
        if (i == std::string_view::npos) return false;
        break;
      case '[':  // [Red], [$-804], [DBNum1], [>100]; [h] alone still has its :mm
        i = code.find(']', i + 1);
        if (i == std::string_view::npos) return false;
        break;
      case '\\':  // an escaped literal character
      case '_':   // a space as wide as the next character
      case '*':   // fill with the next character
        ++i;
        break;
      case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D':
      case 'h': case 'H': case 's': case 'S':
        return true;
      default:
        break;
    }
  }
  return false;
}

std::optional<std::string> date_text(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) return std::nullopt;
  auto whole = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(whole)) * 86400.0);
  if (seconds == 86400) {  // 23:59:59.6 rounds up into the next day
    ++whole;
    seconds = 0;
  }
  char time[64] = "";  // wide enough for any long long, so GCC sees no truncation
  if (seconds != 0 || whole == 0) {
    const long long h = seconds / 3600, mi = seconds / 60 % 60, s = seconds % 60;
    if (s != 0) std::snprintf(time, sizeof time, "%02lld:%02lld:%02lld", h, mi, s);
    else std::snprintf(time, sizeof time, "%02lld:%02lld", h, mi);
  }
  if (whole == 0) return std::string(time);  // a time of day with no date

  long long y = 0;
  unsigned m = 0, d = 0;
  if (date1904) {
    civil_from_days(days_from_civil(1904, 1, 1) + whole, &y, &m, &d);
  } else if (whole == 60) {
    // Lotus 1-2-3 took 1900 for a leap year and Excel kept it: serial 60 is
    // 29 February 1900, and every serial from 61 on is one day "late".
    y = 1900, m = 2, d = 29;
  } else {
    civil_from_days(days_from_civil(1899, 12, whole < 60 ? 31 : 30) + whole, &y, &m, &d);
  }
  if (y > 9999) return std::nullopt;
  char text[128];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u%s%s", y, m, d, *time ? " " : "", time);
  return std::string(text);
}

std::string number_text(double value) {
  if (value == 0) return "0";  // no "-0"
  char text[64];
  // General in the "C" locale whatever the server's, trailing zeros dropped:
  // printf's %.15g, which is as many digits as Excel shows.
  const auto r = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 15);
  std::string s(text, r.ptr);
  for (char& c : s) {
    if (c == 'e') c = 'E';  // Excel writes 1E+20
  }
  return s;
}

}  // namespace server::xlsx
