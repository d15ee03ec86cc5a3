#include <catch2/catch.hpp>

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
  CHECK(find(at_0700, Duty::gate_greeting).minutes_to_start == 30);

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
  CHECK(find(duties_at(-5, EstateHours{}), Duty::gate_greeting).minutes_to_start == 7 * 60 + 30);
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
  CHECK(greet.start_minute == 8 * 60);
  CHECK(greet.end_minute == 9 * 60);
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
