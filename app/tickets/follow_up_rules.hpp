#pragma once
// The rules of following up (shared/domain.md §3, seed 003 管家中心): the head
// butler re-checks a random 3–5% of the month's callbacks, drawn the same on
// every tablet; every household is visited by its butler at least once a
// quarter, spread over the quarter's weeks so the last week is not a rush.
#include <cstdint>
#include <vector>

#include "app/core/id.hpp"

namespace app::tickets {

// "大管家要对管家的上述行为定期进行3-5%的随机抽检" (003): how many of a period's
// `done` callbacks to re-check -- `percent` of them (a setting, default 4),
// rounded, and at least one as soon as there is one. With few callbacks that
// one is more than the share: the screen says the real share ("1 / 12, 8%").
std::size_t recheck_sample_size(std::size_t done, std::int64_t percent = 4);
// The sample itself: the callbacks whose ids rank first under a hash seeded
// by the community and the period's first month, so every tablet draws the
// same ones and nobody can choose which get checked. `ids` in any order;
// result sorted.
std::vector<Id> recheck_sample(const std::vector<Id>& ids, const Id& community, std::int64_t period_first_month,
                               std::int64_t percent = 4);
// "定期" -- the period a month (yyyymm) falls in when re-checks are drawn every
// `months` months (1 monthly, 3 quarterly; counted from January): its first
// and last month.
struct RecheckPeriod {
  std::int64_t first = 0, last = 0;
};
RecheckPeriod recheck_period(std::int64_t yyyymm, std::int64_t months);

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
