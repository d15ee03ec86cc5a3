#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "app/schedule/daily_duties.hpp"

using namespace app::schedule;
using app::EstateHours;

namespace {
const DutyStatus& find(const std::vector<DutyStatus>& v, Duty d) {
  for (const auto& s : v) if (s.window.duty == d) return s;
  FAIL("duty missing");
  return v.front();
}
}  // namespace

TEST_CASE("gate greeting runs 07:30 to 08:30 with countdowns") {
  auto at_0700 = duties_at(7 * 60, EstateHours{});
  CHECK(find(at_0700, Duty::gate_greeting).state == DutyState::upcoming);
  // Signing in opens a quarter of an hour before 07:30 (standing there early is no fault).
  CHECK(find(at_0700, Duty::gate_greeting).minutes_to_start == 15);
  CHECK(find(at_0700, Duty::gate_greeting).window.start_by == 7 * 60 + 30);
  CHECK(find(at_0700, Duty::gate_greeting).window.stay_until == 8 * 60 + 30);

  auto at_0745 = duties_at(7 * 60 + 45, EstateHours{});
  CHECK(find(at_0745, Duty::gate_greeting).state == DutyState::now);
  CHECK(find(at_0745, Duty::gate_greeting).minutes_left == 45);
  // Model units are opened and aired by 07:50, the windows shut by 09:00.
  CHECK(find(at_0745, Duty::model_open).state == DutyState::now);
  CHECK(find(at_0745, Duty::model_open).window.start_by == 7 * 60 + 50);
  CHECK(find(at_0745, Duty::model_open).minutes_left == 75);

  auto at_0830 = duties_at(8 * 60 + 30, EstateHours{});
  CHECK(find(at_0830, Duty::gate_greeting).state == DutyState::past);
}

TEST_CASE("duties now come first, then upcoming by start time, then past") {
  auto v = duties_at(8 * 60 + 15, EstateHours{});
  REQUIRE(v.size() == daily_cadence(EstateHours{}).size());
  CHECK(v[0].state == DutyState::now);
  bool seen_upcoming = false, seen_past = false;
  int last_start = -1;
  for (const auto& s : v) {
    if (s.state == DutyState::upcoming) {
      CHECK_FALSE(seen_past);
      if (seen_upcoming) CHECK(s.window.start_minute >= last_start);
      seen_upcoming = true;
      last_start = s.window.start_minute;
    }
    if (s.state == DutyState::past) seen_past = true;
    if (s.state == DutyState::now) CHECK_FALSE(seen_upcoming);
  }
}

TEST_CASE("model units close at 20:00 and the clock is clamped to the day") {
  CHECK(find(duties_at(20 * 60 + 5, EstateHours{}), Duty::model_close).state == DutyState::now);
  CHECK(find(duties_at(23 * 60 + 59, EstateHours{}), Duty::model_close).state == DutyState::past);
  CHECK(find(duties_at(-5, EstateHours{}), Duty::gate_greeting).minutes_to_start == 7 * 60 + 15);
  char buf[6];
  format_hhmm(7 * 60 + 5, buf);
  CHECK(std::string(buf) == "07:05");
}

TEST_CASE("a community's own model-unit and greeting hours move the duty windows, and hours that do not fit fall back") {
  // A sales office open 09:00–18:00, the greeting 08:00–09:00.
  const EstateHours own{.model_opens = 9 * 60, .model_closes = 18 * 60, .greeting_from = 8 * 60, .greeting_until = 9 * 60};
  const DutyWindow open = window_of(Duty::model_open, own);
  CHECK(open.start_minute == 8 * 60 + 20);
  CHECK(open.start_by == 8 * 60 + 50);  // ready 10 minutes before the doors open, as 7:50 is to 8:00
  CHECK(open.end_minute == 10 * 60);    // aired and shut within the hour, as by 9:00
  const DutyWindow close = window_of(Duty::model_close, own);
  CHECK(close.start_minute == 18 * 60);
  CHECK(close.end_minute == 18 * 60 + 30);
  const DutyWindow greet = window_of(Duty::gate_greeting, own);
  CHECK(greet.start_by == 8 * 60);
  CHECK(greet.end_minute == 9 * 60);
  CHECK(greet.stay_until == 9 * 60);
  CHECK(find(duties_at(18 * 60 + 10, own), Duty::model_close).state == DutyState::now);
  CHECK(find(duties_at(18 * 60 + 10, EstateHours{}), Duty::model_close).state == DutyState::upcoming);
  // The cadence stays in the order of the day.
  const auto cadence = daily_cadence(own);
  for (std::size_t i = 1; i < cadence.size(); ++i) CHECK(cadence[i - 1].start_minute <= cadence[i].start_minute);

  // Two leads' edits merged into closing before opening: the manuals' times.
  const EstateHours tangled{.model_opens = 19 * 60, .model_closes = 9 * 60};
  CHECK_FALSE(app::plausible_hours(tangled));
  CHECK(window_of(Duty::model_close, tangled).start_minute == 20 * 60);
  CHECK(window_of(Duty::model_open, tangled).start_by == 7 * 60 + 50);
}

TEST_CASE("a time of day reads as the office types it") {
  CHECK(parse_hhmm("8:00") == 480);
  CHECK(parse_hhmm("08:00") == 480);
  CHECK(parse_hhmm(" 0800 ") == 480);
  CHECK(parse_hhmm("8：30") == 510);
  CHECK(parse_hhmm("8点") == 480);
  CHECK(parse_hhmm("20点30") == 1230);
  CHECK(parse_hhmm("20点30分") == 1230);
  CHECK(parse_hhmm("23:59") == 1439);
  for (const char* bad : {"", "abc", "24:00", "8:60", "8:5", "8:00pm", "123456", ":30"}) {
    INFO(bad);
    CHECK_FALSE(parse_hhmm(bad).has_value());
  }
}

// Issue 16 item 12, each row a rule: 003 "早送宾服务(位置:小区出入口,时间:每日七点半至八点半)"
// is a presence through the window; 000:565 "晚班人员在晚8:00关闭所有样板间" with the
// team's grace; the zone round's 09:00–17:30 a setting.
TEST_CASE("duty windows: the greeting is a presence 07:30-08:30, model units close at 20:00, the zone round's window is a setting") {
  constexpr std::int64_t kDay = 20261205;
  const EstateHours h{};
  const DutyWindow greet = window_of(Duty::gate_greeting, h);
  struct Row { int in; std::optional<int> out; DutyOutcome outcome; };
  const Row rows[] = {
      {7 * 60 + 25, 8 * 60 + 35, DutyOutcome::done},        // there before 07:30 and after 08:30
      {7 * 60 + 30, 8 * 60 + 30, DutyOutcome::done},
      {6 * 60, 8 * 60 + 40, DutyOutcome::outside},          // a sign-in at 06:00 is not the greeting
      {8 * 60 + 29, 8 * 60 + 29, DutyOutcome::incomplete},  // signed in and out at 08:29: not there
      {7 * 60 + 20, 8 * 60, DutyOutcome::incomplete},       // left at 08:00
      {7 * 60 + 50, 8 * 60 + 40, DutyOutcome::done_late},   // came at 07:50
  };
  for (const Row& r : rows) {
    INFO(r.in << " - " << (r.out ? *r.out : -1));
    CHECK(duty_outcome(greet, RoundTimes{r.in, r.out, true}, kDay, kDay + 1, 0) == r.outcome);
  }
  // Signed in, not yet out: in progress through 08:30 (and the half hour to sign out), late after.
  CHECK(duty_outcome(greet, RoundTimes{7 * 60 + 25, std::nullopt, true}, kDay, kDay, 8 * 60 + 45) == DutyOutcome::in_progress);
  CHECK(duty_outcome(greet, RoundTimes{7 * 60 + 25, std::nullopt, true}, kDay, kDay, 9 * 60 + 5) == DutyOutcome::late);

  // 000:565 the model units close at 20:00: from 20:00, within the team's 30 minutes.
  const DutyWindow close = window_of(Duty::model_close, h);
  CHECK(close.start_minute == 20 * 60);
  CHECK(close.start_by == 20 * 60 + 30);
  CHECK(duty_outcome(close, RoundTimes{20 * 60 + 5, 20 * 60 + 12, true}, kDay, kDay + 1, 0) == DutyOutcome::done);
  CHECK(duty_outcome(close, RoundTimes{9 * 60 + 20, 9 * 60 + 30, true}, kDay, kDay + 1, 0) == DutyOutcome::outside);
  CHECK(duty_outcome(close, RoundTimes{20 * 60 + 40, 20 * 60 + 50, true}, kDay, kDay + 1, 0) == DutyOutcome::done_late);
  EstateHours strict = h;
  strict.close_grace_minutes = 0;  // exactly at 20:00, as the manual says it
  CHECK(window_of(Duty::model_close, strict).start_by == 20 * 60);

  // The zone round's window is the team's setting, 09:00–17:30 by default.
  CHECK(window_of(Duty::zone_round, h).start_minute == 9 * 60);
  CHECK(window_of(Duty::zone_round, h).end_minute == 17 * 60 + 30);
  EstateHours longer = h;
  longer.zone_round_from = 8 * 60 + 30;
  longer.zone_round_until = 18 * 60;
  CHECK(window_of(Duty::zone_round, longer).start_minute == 8 * 60 + 30);
  CHECK(window_of(Duty::vacant_round, longer).end_minute == 18 * 60);
  // A window that does not hold together falls back to the defaults.
  EstateHours backwards = h;
  backwards.zone_round_from = 18 * 60;
  CHECK_FALSE(app::plausible_hours(backwards));
  CHECK(window_of(Duty::zone_round, backwards).start_minute == 9 * 60);
}
