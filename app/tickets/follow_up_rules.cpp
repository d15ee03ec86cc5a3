#include "app/tickets/follow_up_rules.hpp"

#include <algorithm>

#include "app/core/local_time.hpp"

namespace app::tickets {
namespace {

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

std::size_t recheck_sample_size(std::size_t done, std::int64_t percent) {
  if (done == 0) return 0;
  percent = std::clamp<std::int64_t>(percent, 1, 100);
  const std::size_t n = (done * static_cast<std::size_t>(percent) + 50) / 100;
  return std::clamp<std::size_t>(n, 1, done);
}

RecheckPeriod recheck_period(std::int64_t yyyymm, std::int64_t months) {
  months = std::clamp<std::int64_t>(months, 1, 12);
  const std::int64_t year = yyyymm / 100, month = yyyymm % 100;
  const std::int64_t first = (month - 1) / months * months + 1;
  return {year * 100 + first, year * 100 + std::min<std::int64_t>(first + months - 1, 12)};
}

std::vector<Id> recheck_sample(const std::vector<Id>& ids, const Id& community, std::int64_t period_first_month,
                               std::int64_t percent) {
  const std::uint64_t seed = mix(community.hi ^ mix(community.lo ^ static_cast<std::uint64_t>(period_first_month)));
  std::vector<std::pair<std::uint64_t, Id>> ranked;
  ranked.reserve(ids.size());
  for (const Id& id : ids) ranked.emplace_back(mix(id.hi ^ mix(id.lo ^ seed)), id);
  std::sort(ranked.begin(), ranked.end());
  ranked.erase(std::unique(ranked.begin(), ranked.end()), ranked.end());
  std::vector<Id> out;
  const std::size_t n = recheck_sample_size(ranked.size(), percent);
  for (std::size_t i = 0; i < n; ++i) out.push_back(ranked[i].second);
  std::sort(out.begin(), out.end());
  return out;
}

Quarter quarter_of(std::int64_t day) {
  const std::int64_t year = day / 10000, month = day / 100 % 100;
  const std::int64_t first_month = (month - 1) / 3 * 3 + 1;
  Quarter q;
  q.first = year * 10000 + first_month * 100 + 1;
  q.next = first_month == 10 ? (year + 1) * 10000 + 101 : year * 10000 + (first_month + 3) * 100 + 1;
  return q;
}

std::int64_t week_start(std::int64_t day, int weekday) { return add_days(day, -((weekday + 6) % 7)); }

int weeks_left(std::int64_t day, int weekday) {
  const std::int64_t next = quarter_of(day).next;
  int weeks = 0;
  for (std::int64_t monday = week_start(day, weekday); monday < next; monday = add_days(monday, 7)) ++weeks;
  return std::max(weeks, 1);
}

std::size_t visits_due_this_week(std::size_t unvisited_at_week_start, int weeks) {
  if (weeks < 1) weeks = 1;
  return (unvisited_at_week_start + static_cast<std::size_t>(weeks) - 1) / static_cast<std::size_t>(weeks);
}

}  // namespace app::tickets
