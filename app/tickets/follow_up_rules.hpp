#pragma once
// The rules of following up (shared/domain.md §3, seed 003 管家中心): the head
// butler re-checks a random 3–5% of the month's callbacks, drawn the same on
// every tablet; every household is visited by its butler at least once a
// quarter, spread over the quarter's weeks so the last week is not a rush.
#include <cstdint>
#include <vector>

#include "app/core/id.hpp"

namespace app::tickets {

// How many of `done` callbacks to re-check: 4%, kept within 3–5%, and at
// least one as soon as there is one (3% of fewer than 34 is under one).
std::size_t recheck_sample_size(std::size_t done);
// The sample itself: the callbacks whose ids rank first under a hash seeded
// by the community and the month, so every tablet draws the same ones and
// nobody can choose which get checked. `ids` in any order; result sorted.
std::vector<Id> recheck_sample(const std::vector<Id>& ids, const Id& community, std::int64_t yyyymm);

// The local calendar quarter of a day (yyyymmdd): its first day and the first
// day of the next quarter.
struct Quarter {
  std::int64_t first = 0, next = 0;
};
Quarter quarter_of(std::int64_t day);
// The Monday starting the week of `day` (weekday: 0 Sunday … 6 Saturday).
std::int64_t week_start(std::int64_t day, int weekday);
// Weeks of the quarter from the week of `day` on, this one included (≥ 1).
int weeks_left(std::int64_t day, int weekday);

// How many households still unvisited at the start of this week must be
// visited this week to finish by the quarter's end: an even share.
std::size_t visits_due_this_week(std::size_t unvisited_at_week_start, int weeks_left);

}  // namespace app::tickets
