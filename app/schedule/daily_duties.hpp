#pragma once
// The butler's fixed daily cadence from the service-centre manuals
// (shared/domain.md §1): the morning greeting at the main gate, the model-unit
// routine, the zone round and the vacant/renovation units, each done as a
// round of its kind. Whether a duty was done, done late or missed follows
// from its window and the times of the round that did it.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "app/rounds/rounds_data.hpp"
#include "app/setup/estate_hours.hpp"

namespace app::schedule {

enum class Duty { gate_greeting, model_open, zone_round, vacant_round, model_close };

// 早送宾: a sign-in up to this long before 07:30 counts (standing there early
// is no fault); a sign-out is expected within this long after 08:30. The
// manual gives neither: the team's reading.
inline constexpr int kGreetingEarlyMinutes = 15, kSignOutGraceMinutes = 30;

struct DutyWindow {
  Duty duty;
  int start_minute;  // minutes after local midnight
  int start_by;      // started later than this: late (the model units open by 07:50)
  int end_minute;    // finished later than this: late
  // A presence (早送宾): signed out before this, it was not kept; 0: none.
  int stay_until = 0;
};

enum class DutyState { upcoming, now, past };

struct DutyStatus {
  DutyWindow window;
  DutyState state;
  int minutes_to_start;  // > 0 only when upcoming
  int minutes_left;      // > 0 only when now
};

// The cadence for a community's hours (the model units' and the greeting's;
// the manuals' times where the hours do not hold together), in the order of
// the day.
std::vector<DutyWindow> daily_cadence(const EstateHours& hours);
DutyWindow window_of(Duty duty, const EstateHours& hours);
RoundKind round_kind_of(Duty duty);
// The window of the duty a round of this kind does (every kind has one).
DutyWindow window_of_kind(RoundKind kind, const EstateHours& hours);

// Each duty's state at a local time of day (0..1439 minutes); "now" duties
// first, then upcoming by start, then past.
std::vector<DutyStatus> duties_at(int minute_of_day, const EstateHours& hours);

// How a duty on `day` stands, seen on `today` at `now_minute`.
enum class DutyOutcome {
  upcoming,     // its window has not opened
  due,          // open now, not started
  in_progress,  // started, not finished, still in time
  late,         // today, past its deadline, not finished
  done,         // finished in time
  done_late,    // finished, but started or finished after the deadline
  missed,       // a past day, never finished
  incomplete,   // finished with checkpoints left unchecked (with a reason)
  outside,      // walked, but started before the duty's window opened (the closing round at 09:20)
};
// A round's start and finish as minutes after the midnight of the duty's day
// (a finish after midnight is > 1440).
struct RoundTimes {
  int start_minute = 0;
  std::optional<int> finish_minute;
  bool all_checked = true;  // every checkpoint of its route checked
};
DutyOutcome duty_outcome(const DutyWindow& w, const std::optional<RoundTimes>& round, std::int64_t day, std::int64_t today,
                         int now_minute);
bool is_late_or_missed(DutyOutcome o);

// "07:30" style text for a minute of the day.
void format_hhmm(int minute_of_day, char out[6]);
// A time of day as typed: "8:00", "08:00", "0800", "8：30", "8点", "8点30";
// nothing when it is not a time of day (hours 0–23, minutes 0–59).
std::optional<int> parse_hhmm(std::string_view text);

}  // namespace app::schedule
