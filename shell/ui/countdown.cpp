#include "shell/ui/countdown.hpp"

#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "shell/ui/theme.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

std::string countdown_text(std::int64_t deadline_ms, std::int64_t now_ms) {
  const bool late = now_ms > deadline_ms;
  const std::int64_t minutes = (late ? now_ms - deadline_ms : deadline_ms - now_ms) / 60000;
  char span[64];
  if (minutes < 60) std::snprintf(span, sizeof span, tr(S::tickets_minutes), static_cast<int>(minutes));
  else if (minutes < 48 * 60) std::snprintf(span, sizeof span, tr(S::tickets_hours), static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  else std::snprintf(span, sizeof span, tr(S::tickets_days), static_cast<int>(minutes / 1440), static_cast<int>(minutes % 1440 / 60));
  char out[96];
  std::snprintf(out, sizeof out, tr(late ? S::tickets_overdue_by : S::tickets_left), span);
  return out;
}

ImU32 countdown_color(std::int64_t deadline_ms, std::int64_t now_ms) {
  if (now_ms > deadline_ms) return colors::danger;
  return deadline_ms - now_ms < 3600000 ? colors::warn : colors::primary;
}

std::string short_time(const app::LocalTime& t) {
  char out[32];
  std::snprintf(out, sizeof out, "%02d-%02d %02d:%02d", static_cast<int>(t.day / 100 % 100), static_cast<int>(t.day % 100), t.minute / 60,
                t.minute % 60);
  return out;
}

}  // namespace shell
