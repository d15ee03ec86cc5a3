#include "app/keys/key_rules.hpp"

#include "app/core/local_time.hpp"
#include "app/core/roles.hpp"

namespace app::keys {

bool is_key_kind(std::int64_t v) { return v == 0 || v == 1; }
bool is_custody(std::int64_t v) { return v == 0 || v == 1; }
bool is_key_status(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_borrower_kind(std::int64_t v) { return v >= 0 && v <= 3; }
bool is_follow_up(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_departure_kind(std::int64_t v) { return v == 0 || v == 1; }
bool is_key_error(std::int64_t v) { return v >= 0 && v <= 5; }

Step step(KeyStatus from, Action action) {
  switch (action) {
    case Action::lend:
      if (from == KeyStatus::in) return {KeyStatus::out, KeyError::none};
      return {from, from == KeyStatus::out ? KeyError::already_out : KeyError::lost};
    case Action::give_back:
      if (from == KeyStatus::out) return {KeyStatus::in, KeyError::none};
      // A lost key that turns up is recorded as found, not as a return.
      return {from, from == KeyStatus::lost ? KeyError::lost : KeyError::not_out};
    case Action::lose:
      if (from != KeyStatus::lost) return {KeyStatus::lost, KeyError::none};  // from the cabinet or from a borrower
      return {from, KeyError::lost};
    case Action::note:
      return {from, from == KeyStatus::lost ? KeyError::none : KeyError::not_lost};  // the search goes on
    case Action::find:
    case Action::replace:
      if (from == KeyStatus::lost) return {KeyStatus::in, KeyError::none};  // back on its hook
      return {from, KeyError::not_lost};
  }
  return {from, KeyError::none};
}

std::int64_t end_of_local_day(std::int64_t wall_ms, int utc_offset_minutes) {
  const LocalTime t = local_time(wall_ms, utc_offset_minutes);
  // Back to the local midnight that started the day, then a day on (the
  // estates' calendars have no daylight saving: a day is 24 hours).
  const std::int64_t into_day = static_cast<std::int64_t>(t.minute) * 60000 + ((wall_ms % 60000) + 60000) % 60000;
  return wall_ms - into_day + 24 * 3600000ll;
}

// 000:407 "所借钥匙均需当天借用,当天归还": past midnight only with the manager's approval.
DueError check_due(std::int64_t out_ms, std::int64_t due_ms, int utc_offset_minutes, bool manager_approved) {
  if (due_ms <= out_ms) return DueError::before_out;
  if (!manager_approved && due_ms > end_of_local_day(out_ms, utc_offset_minutes)) return DueError::after_today;
  return DueError::none;
}

bool may_approve_overnight(std::int64_t role) { return role == static_cast<std::int64_t>(Role::manager); }

bool overdue(std::int64_t out_ms, std::int64_t due_ms, std::int64_t now_ms, int utc_offset_minutes) {
  const std::int64_t due = due_ms > 0 ? due_ms : end_of_local_day(out_ms, utc_offset_minutes);
  return now_ms > due;
}

}  // namespace app::keys
