#include "app/schedule/daily_duties.hpp"

#include <algorithm>
#include <cstdio>

namespace app::schedule {

namespace {
constexpr int hm(int h, int m) { return h * 60 + m; }
}  // namespace

const std::vector<DutyWindow>& daily_cadence() {
  // Times are the manuals' own: gate greeting 07:30–08:30; the early shift opens
  // model units and ventilates before 07:50, closes windows (air-con/heating on)
  // before 09:00; model units open 08:00–20:00 and the late shift closes them
  // at 20:00; every zone, and every vacant and renovation unit, once a day.
  static const std::vector<DutyWindow> cadence = {
      {Duty::model_open, hm(7, 20), hm(7, 50)},
      {Duty::gate_greeting, hm(7, 30), hm(8, 30)},
      {Duty::model_windows, hm(8, 0), hm(9, 0)},
      {Duty::zone_round, hm(9, 0), hm(17, 30)},
      {Duty::vacant_round, hm(9, 0), hm(17, 30)},
      {Duty::model_close, hm(20, 0), hm(20, 20)},
  };
  return cadence;
}

std::vector<DutyStatus> duties_at(int minute) {
  minute = std::clamp(minute, 0, 24 * 60 - 1);
  std::vector<DutyStatus> out;
  for (const DutyWindow& w : daily_cadence()) {
    DutyStatus s{w, DutyState::past, 0, 0};
    if (minute < w.start_minute) {
      s.state = DutyState::upcoming;
      s.minutes_to_start = w.start_minute - minute;
    } else if (minute < w.end_minute) {
      s.state = DutyState::now;
      s.minutes_left = w.end_minute - minute;
    }
    out.push_back(s);
  }
  auto rank = [](DutyState st) { return st == DutyState::now ? 0 : st == DutyState::upcoming ? 1 : 2; };
  std::stable_sort(out.begin(), out.end(), [&](const DutyStatus& a, const DutyStatus& b) {
    if (rank(a.state) != rank(b.state)) return rank(a.state) < rank(b.state);
    return a.window.start_minute < b.window.start_minute;
  });
  return out;
}

void format_hhmm(int minute, char out[6]) {
  minute = std::clamp(minute, 0, 24 * 60);
  std::snprintf(out, 6, "%02d:%02d", (minute / 60) % 100, minute % 60);
}

}  // namespace app::schedule
