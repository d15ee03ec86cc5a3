#include "app/schedule/daily_duties.hpp"

#include <algorithm>
#include <cstdio>

namespace app::schedule {

namespace {
constexpr int hm(int h, int m) { return h * 60 + m; }
}  // namespace

std::vector<DutyWindow> daily_cadence(const EstateHours& community) {
  // Times are the manuals' own: gate greeting 07:30–08:30; the early shift
  // opens the model units and airs them before 07:50, and closes the windows
  // (air-con or heating on) before 09:00 — one round that starts by 07:50 and
  // ends by 09:00; model units are open 08:00–20:00 and the late shift closes
  // them at 20:00; every zone, and every vacant and renovation unit, once a
  // day within office hours. A community's own model-unit hours move the
  // opening and closing rounds with them: ready 10 minutes before the units
  // open, aired and shut within the hour, closed within 20 minutes of closing.
  const EstateHours h = plausible_hours(community) ? community : EstateHours{};
  const int opens = static_cast<int>(h.model_opens), closes = static_cast<int>(h.model_closes);
  std::vector<DutyWindow> cadence = {
      {Duty::model_open, opens - 40, opens - 10, opens + 60},
      {Duty::gate_greeting, static_cast<int>(h.greeting_from), static_cast<int>(h.greeting_until),
       static_cast<int>(h.greeting_until)},
      {Duty::zone_round, hm(9, 0), hm(17, 30), hm(17, 30)},
      {Duty::vacant_round, hm(9, 0), hm(17, 30), hm(17, 30)},
      {Duty::model_close, closes, closes + 20, closes + 30},
  };
  std::stable_sort(cadence.begin(), cadence.end(),
                   [](const DutyWindow& a, const DutyWindow& b) { return a.start_minute < b.start_minute; });
  return cadence;
}

DutyWindow window_of(Duty duty, const EstateHours& hours) {
  const std::vector<DutyWindow> cadence = daily_cadence(hours);
  for (const DutyWindow& w : cadence) {
    if (w.duty == duty) return w;
  }
  return cadence.front();
}

DutyWindow window_of_kind(RoundKind kind, const EstateHours& hours) {
  const std::vector<DutyWindow> cadence = daily_cadence(hours);
  for (const DutyWindow& w : cadence) {
    if (round_kind_of(w.duty) == kind) return w;
  }
  return cadence.front();
}

RoundKind round_kind_of(Duty duty) {
  switch (duty) {
    case Duty::gate_greeting: return RoundKind::gate;
    case Duty::model_open: return RoundKind::model_open;
    case Duty::zone_round: return RoundKind::zone;
    case Duty::vacant_round: return RoundKind::units;
    case Duty::model_close: return RoundKind::model_close;
  }
  return RoundKind::zone;
}

std::vector<DutyStatus> duties_at(int minute, const EstateHours& hours) {
  minute = std::clamp(minute, 0, 24 * 60 - 1);
  std::vector<DutyStatus> out;
  for (const DutyWindow& w : daily_cadence(hours)) {
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

DutyOutcome duty_outcome(const DutyWindow& w, const std::optional<RoundTimes>& round, std::int64_t day, std::int64_t today,
                         int now_minute) {
  if (round && round->finish_minute) {
    // What was not walked, or walked before its window opened, is not done
    // (a start after it closed is the late start below): 000 3.4 "样板间开放时间:
    // 早8:00-晚8:00" — the closing walked in the morning closed nothing.
    if (round->start_minute < w.start_minute) return DutyOutcome::outside;
    if (!round->all_checked) return DutyOutcome::incomplete;
    const bool in_time = round->start_minute <= w.start_by && *round->finish_minute <= w.end_minute;
    return in_time ? DutyOutcome::done : DutyOutcome::done_late;
  }
  if (day < today) return DutyOutcome::missed;  // the day is over and it was never finished
  if (day > today) return DutyOutcome::upcoming;
  if (round) {
    const bool started_late = round->start_minute > w.start_by;
    return started_late || now_minute > w.end_minute ? DutyOutcome::late : DutyOutcome::in_progress;
  }
  if (now_minute < w.start_minute) return DutyOutcome::upcoming;
  return now_minute > w.start_by ? DutyOutcome::late : DutyOutcome::due;
}

bool is_late_or_missed(DutyOutcome o) {
  return o == DutyOutcome::late || o == DutyOutcome::done_late || o == DutyOutcome::missed || o == DutyOutcome::incomplete ||
         o == DutyOutcome::outside;
}

void format_hhmm(int minute, char out[6]) {
  minute = std::clamp(minute, 0, 24 * 60);
  std::snprintf(out, 6, "%02d:%02d", (minute / 60) % 100, minute % 60);
}

std::optional<int> parse_hhmm(std::string_view text) {
  while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
  auto digits = [&](std::size_t max, int* out) {
    std::size_t n = 0;
    *out = 0;
    while (n < max && n < text.size() && text[n] >= '0' && text[n] <= '9') *out = *out * 10 + (text[n++] - '0');
    text.remove_prefix(n);
    return n;
  };
  int hour = 0, minute = 0;
  const std::size_t hour_digits = digits(2, &hour);
  if (hour_digits == 0) return std::nullopt;
  for (std::string_view sep : {":", "：", "点", "."}) {  // a separator, if any
    if (text.substr(0, sep.size()) == sep) {
      text.remove_prefix(sep.size());
      break;
    }
  }
  const std::size_t minute_digits = digits(2, &minute);
  if (text == "分") text = {};
  if (!text.empty() || minute_digits == 1 || hour > 23 || minute > 59) return std::nullopt;
  return hour * 60 + minute;
}

}  // namespace app::schedule
