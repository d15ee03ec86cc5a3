#pragma once
// app::OutagesService: outage notices (停水、停电通知). The office (or
// engineering) announces an outage — what, why, the buildings and the window
// —, puts the notice up on the boards and photographs it there; while it is
// on, and the day before, Today says so, and a unit's record says its water
// or power is off, so a butler answering a call knows. Reached as session.outages().
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/outages/outages_data.hpp"

namespace app {

struct NewOutage {
  outages::Kind kind = outages::Kind::water;
  std::string reason;
  std::int64_t from_ms = 0, until_ms = 0;
  std::vector<Id> buildings;
};

class OutagesService {
 public:
  explicit OutagesService(CommandContext& ctx) : ctx_(ctx) {}
  OutagesService(const OutagesService&) = delete;
  OutagesService& operator=(const OutagesService&) = delete;

  // A notice. Refuses: no reason, no building or one not here, a window that
  // ends before it starts, lasts over a week, or is over already.
  Result<Id> announce(const NewOutage& notice);
  // Put up on the boards: the photo of the posted notice (already stored here)
  // lands with it. Refuses: unknown, withdrawn, no photo.
  Status post(const Id& notice, std::string_view photo_sha256);
  // The window as typed on the tablet: a day from today (0 today, 1
  // tomorrow…) and two local times "0900" / "9:00"; an end at or before the
  // start is on the next day (works overnight). Refuses a time that is not one.
  Result<std::pair<std::int64_t, std::int64_t>> window(int day, std::string_view from, std::string_view until) const;
  // Withdrawn, with why. Refuses: unknown, withdrawn already, no reason.
  Status cancel(const Id& notice, std::string_view reason);

  const Outage* notice(const Id& id) const;
  outages::Phase phase(const Outage& o) const;
  // What Today shows: on now or starting within a day, soonest first.
  std::vector<const Outage*> on_today() const;
  // Every notice, the newest window first (the register).
  std::vector<const Outage*> all() const;
  // The notices on Today that cover this unit (its building).
  std::vector<const Outage*> affecting(const Id& unit) const;
  // The units a notice covers, in the archive's order.
  std::vector<const UnitRow*> units_of(const Outage& o) const;

 private:
  CommandContext& ctx_;
};

}  // namespace app
