#pragma once
// A deterministic demo estate for "Try the demo", tests and benchmarks: a
// realistic Chinese community (锦绣花园) with buildings, units, residents,
// staff, zones and the public checkpoints of each building. The same seed
// gives byte-identical ops on every platform (own PRNG, no std distributions),
// so two tablets that load the demo hold the same op ids.
#include <cstdint>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/ops/op.hpp"

namespace app {

// The demo's day: its records end at the midnight (Beijing time) that starts
// it. Fixed (2026-01-01) for tests and benchmarks, so the same seed gives the
// same bytes; "Try the demo" passes the day it is tried (demo_day_of(now)), so
// a key lent yesterday reads one day overdue, not a year.
inline constexpr std::int64_t kDemoDayMs = 1767196800000;  // 2026-01-01 00:00 +08:00
std::int64_t demo_day_of(std::int64_t now_ms);

struct DemoOptions {
  std::uint64_t seed = 20261124;
  int scale = 1;  // 10 makes ten times the buildings, units and people (benchmarks)
  // > 0: also a finished zone round per zone for each of the N days before the
  // demo's day, every item answered, ~2% failed with a finding,
  // most verified days later (scripts/bench rounds: a year of history).
  int history_days = 0;
  std::int64_t day_ms = kDemoDayMs;  // a Beijing midnight (demo_day_of)
};

struct DemoCommunity {
  std::vector<Op> ops;
  Id device;           // the demo's fixed device id
  Id duty_butler;      // the butler the demo signs in as
};

DemoCommunity generate_demo(const DemoOptions& options);
// The device id the demo's generated ops carry (the first draw of its seed):
// how a log, or a server, recognises the demo estate's records.
Id demo_device_id(std::uint64_t seed = DemoOptions{}.seed);

}  // namespace app
