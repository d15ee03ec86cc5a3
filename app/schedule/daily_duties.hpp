#pragma once
// The butler's fixed daily cadence from the service-centre manuals
// (shared/domain.md §1): the morning greeting at the main gate, the model-unit
// routine and the daily rounds. Today shows them with countdowns; the Rounds
// feature later adds per-zone schedules on top of this cadence.
#include <vector>

namespace app::schedule {

enum class Duty { gate_greeting, model_open, model_windows, zone_round, vacant_round, model_close };

enum class DutyState { upcoming, now, past };

struct DutyWindow {
  Duty duty;
  int start_minute;  // minutes after local midnight
  int end_minute;    // exclusive
};

struct DutyStatus {
  DutyWindow window;
  DutyState state;
  int minutes_to_start;  // > 0 only when upcoming
  int minutes_left;      // > 0 only when now
};

// The cadence, in the order of the day.
const std::vector<DutyWindow>& daily_cadence();

// Each duty's state at a local time of day (0..1439 minutes); "now" duties
// first, then upcoming by start, then past.
std::vector<DutyStatus> duties_at(int minute_of_day);

// "07:30" style text for a minute of the day.
void format_hhmm(int minute_of_day, char out[6]);

}  // namespace app::schedule
