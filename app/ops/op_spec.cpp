#include "app/ops/op_spec.hpp"

#include "app/i18n/catalogue.hpp"

namespace app {

Error role_refusal(i18n::S message) { return Error{"forbidden_role", std::string(i18n::tr(message))}; }

Error invalid_op(const std::string& detail) {
  return Error{"invalid_op", std::string(i18n::tr(i18n::S::err_op_invalid)) + " (" + detail + ")"};
}

// The same span as an op's own clock, 2000-01-01 to the end of 2100: a clock
// far outside means a broken tablet (or a hostile one), and a time in year
// 9999 would sort after everything forever. The server also refuses ops more
// than a day ahead of its own clock (app/server/op_checks.hpp).
bool is_sane_time_ms(std::int64_t ms) { return ms >= 946684800000 && ms < 4133980800000; }

bool is_calendar_day_number(std::int64_t d) {
  const std::int64_t y = d / 10000, m = d / 100 % 100, day = d % 100;
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

bool is_flag(const Payload::Field& f) { return f.number == 0 || f.number == 1; }
bool is_sane_time(const Payload::Field& f) { return is_sane_time_ms(f.number); }
bool is_calendar_day(const Payload::Field& f) { return is_calendar_day_number(f.number); }
bool is_not_empty(const Payload::Field& f) { return !f.text.empty(); }

}  // namespace app
