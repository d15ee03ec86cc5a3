#pragma once
// app::HandoverService: the shift handover (交接班) — the form pre-filled with
// what the product already knows, the outgoing staff's signed handover, and
// the incoming staff's confirmation that takes over its items and the keys
// handed over in person. Reached as session.handover().
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/handover/handover_api.hpp"
#include "app/keys/keys_data.hpp"

namespace app {

// What every pre-fill source is told: the moment, and the tablet's calendar.
struct HandoverMoment {
  std::int64_t now = 0;       // judged on a clock that cannot go back
  std::int64_t today = 0;     // local yyyymmdd
  std::int64_t midnight = 0;  // today's local midnight (wall ms)
  std::int64_t next_shift_end = 0;  // how far the incoming shift reaches: now + kShiftMs
  int offset = 480;
};
// A shift, for what the incoming one must meet: the manuals name no hours;
// two shifts a day (早班/晚班) is how the service centres in them run.
inline constexpr std::int64_t kShiftMs = 12 * 3600000LL;

class HandoverService {
 public:
  explicit HandoverService(CommandContext& ctx) : ctx_(ctx) {}
  HandoverService(const HandoverService&) = delete;
  HandoverService& operator=(const HandoverService&) = delete;

  // The handover form, gathered now from every source added: one typed line
  // each, in the current language. Call it when the form opens.
  std::vector<HandoverItem> handover_prefill() const;
  // A source of pre-filled lines (the keys out, open findings, overdue tickets…),
  // added once by the Session (app/session/handover_sources.cpp).
  using PrefillSource = std::function<void(const HandoverMoment&, std::vector<HandoverItem>&)>;
  void add_prefill_source(PrefillSource source) { sources_.push_back(std::move(source)); }
  // The outgoing staff (this tablet's actor) hands over. Refuses: no actor, a blank
  // signature, a key checked off that is not out with them, notes too long.
  Result<Id> write_handover(const NewHandover& handover);
  // The incoming staff takes it over: the items are theirs, the keys checked off
  // are held by them. Refuses: unknown handover, already confirmed (by whom, when),
  // the outgoing themselves, unknown or departed staff, a blank signature.
  Result<Id> confirm_handover(const Id& handover, const Id& incoming, const Signature& signature);
  const Handover* handover(const Id& id) const;
  const Handover* last_handover() const;             // what the incoming reads first; confirmed()?
  std::vector<const Handover*> handovers() const;    // newest first
  std::vector<std::pair<const Handover*, const RefusedConfirmation*>> handover_conflicts() const;

 private:
  CommandContext& ctx_;
  std::vector<PrefillSource> sources_;
};

}  // namespace app
