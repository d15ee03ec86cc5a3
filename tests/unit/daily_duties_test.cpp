#include <catch2/catch.hpp>

#include <string>

#include "app/schedule/daily_duties.hpp"

using namespace app::schedule;

namespace {
const DutyStatus& find(const std::vector<DutyStatus>& v, Duty d) {
  for (const auto& s : v) if (s.window.duty == d) return s;
  FAIL("duty missing");
  return v.front();
}
}  // namespace

TEST_CASE("gate greeting runs 07:30 to 08:30 with countdowns") {
  auto at_0700 = duties_at(7 * 60);
  CHECK(find(at_0700, Duty::gate_greeting).state == DutyState::upcoming);
  CHECK(find(at_0700, Duty::gate_greeting).minutes_to_start == 30);

  auto at_0745 = duties_at(7 * 60 + 45);
  CHECK(find(at_0745, Duty::gate_greeting).state == DutyState::now);
  CHECK(find(at_0745, Duty::gate_greeting).minutes_left == 45);
  // Model units are opened and aired by 07:50, the windows shut by 09:00.
  CHECK(find(at_0745, Duty::model_open).state == DutyState::now);
  CHECK(find(at_0745, Duty::model_open).window.start_by == 7 * 60 + 50);
  CHECK(find(at_0745, Duty::model_open).minutes_left == 75);

  auto at_0830 = duties_at(8 * 60 + 30);
  CHECK(find(at_0830, Duty::gate_greeting).state == DutyState::past);
}

TEST_CASE("duties now come first, then upcoming by start time, then past") {
  auto v = duties_at(8 * 60 + 15);
  REQUIRE(v.size() == daily_cadence().size());
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
  CHECK(find(duties_at(20 * 60 + 5), Duty::model_close).state == DutyState::now);
  CHECK(find(duties_at(23 * 60 + 59), Duty::model_close).state == DutyState::past);
  CHECK(find(duties_at(-5), Duty::gate_greeting).minutes_to_start == 7 * 60 + 30);
  char buf[6];
  format_hhmm(7 * 60 + 5, buf);
  CHECK(std::string(buf) == "07:05");
}
