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
  const int from = static_cast<int>(h.greeting_from), until = static_cast<int>(h.greeting_until);
  const int round_from = static_cast<int>(h.zone_round_from), round_until = static_cast<int>(h.zone_round_until);
  const int grace = static_cast<int>(h.close_grace_minutes);
  std::vector<DutyWindow> cadence = {
      {Duty::model_open, opens - 40, opens - 10, opens + 60},
      // 003 "早送宾服务(位置:小区出入口,时间:每日七点半至八点半)": a presence, signed
      // in by its start (up to a quarter of an hour early) and out at its end or later.
      {Duty::gate_greeting, from - kGreetingEarlyMinutes, from, until, until},
      {Duty::zone_round, round_from, round_until, round_until},
      {Duty::vacant_round, round_from, round_until, round_until},
      // 000:565 "晚班人员在晚8:00关闭所有样板间": from the closing time, within the grace.
      {Duty::model_close, closes, closes + grace, closes + grace},
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
    // A presence signed out before its window ended was not kept (the 08:29 sign-in and out).
    if (w.stay_until > 0 && *round->finish_minute < w.stay_until) return DutyOutcome::incomplete;
    // A presence ends when it is signed out, after its window: only its start can be late.
    const bool finished_in_time = w.stay_until > 0 || *round->finish_minute <= w.end_minute;
    const bool in_time = round->start_minute <= w.start_by && finished_in_time;
    return in_time ? DutyOutcome::done : DutyOutcome::done_late;
  }
  if (day < today) return DutyOutcome::missed;  // the day is over and it was never finished
  if (day > today) return DutyOutcome::upcoming;
  if (round) {
    const bool started_late = round->start_minute > w.start_by;
    // A presence stays in progress until its window ends: then it is signed out.
    const int ends = w.stay_until > 0 ? w.stay_until + kSignOutGraceMinutes : w.end_minute;
    return started_late || now_minute > ends ? DutyOutcome::late : DutyOutcome::in_progress;
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
