#pragma once
// app::RoundsService: inspection rounds (巡查) — starting a zone's round (or
// resuming today's), answering checklist items, "all pass", readings,
// findings and their verification, finishing; the gate greeting; the
// checklists a head butler edits; and the day's duties and the head
// butler's review. The rules live here and in the rounds folder, never in a
// screen. Reached as session.rounds().
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/meter_reading.hpp"
#include "app/rounds/route.hpp"
#include "app/rounds/rounds_api.hpp"
#include "app/schedule/daily_duties.hpp"

namespace app {

struct DutyLine {
  schedule::Duty duty;
  schedule::DutyWindow window;   // as the community's hours set it
  schedule::DutyOutcome outcome;
  const Round* round = nullptr;  // the round that did it (or is doing it)
  int stops = 0;                 // what its route walks
};

class RoundsService {
 public:
  explicit RoundsService(CommandContext& ctx) : ctx_(ctx) {}
  RoundsService(const RoundsService&) = delete;
  RoundsService& operator=(const RoundsService&) = delete;

  // Starting a zone's round resumes today's
  // unfinished one if there is one.
  Result<Id> start_round(const Id& zone, RoundKind kind = RoundKind::zone);
  // The morning greeting at the gate (早送宾, 003 "时间:每日七点半至八点半") is a
  // presence: the butler signs in on arrival (a gate round started) and out
  // when it ends (finished). Once a day for the estate; signing in again the
  // same day is today's round.
  Result<Id> sign_in_gate(const Id& zone);
  Status sign_out_gate(const Id& zone);
  // Today's gate round still signed in (nullptr: none, or signed out).
  const Round* gate_signed_in() const;
  Status answer_item(const Id& round, const Id& checkpoint, int item, ItemResult result, std::string_view note = {});
  Status record_reading(const Id& round, const Id& checkpoint, int item, std::int64_t value);
  // "All pass": every check item of the checkpoint not yet answered passes, in one save.
  Status pass_checkpoint(const Id& round, const Id& checkpoint);
  Result<Id> open_finding(const Id& round, const Id& checkpoint, int item, const NewFinding& finding);
  // The fix seen on a later visit: needs an "after" photo already stored here.
  Status verify_finding(const Id& finding, std::string_view after_photo_sha256, std::string_view note);
  // An owner notice (NewFinding::owner_notice) done: the butler told the
  // owner (by phone or at the door, in `note`). No photo: there is no fix to see.
  Status owner_told(const Id& finding, std::string_view note);
  // The owner notices not yet done, oldest first (Today lists them).
  std::vector<const Finding*> owner_notices_due() const;
  // Refused while a failed photo-required item's finding has no photo yet
  // (naming where), and while checkpoints are unchecked unless a reason is
  // given: the round is then recorded as incomplete with it.
  Status finish_round(const Id& round, std::string_view reason = {});
  // Choice and text items: the chosen label or the words, recorded as a pass.
  Status answer_choice(const Id& round, const Id& stop, int item, int choice);
  Status answer_text(const Id& round, const Id& stop, int item, std::string_view text);
  // A head butler saves an edited checklist as its next version (rounds
  // already started keep theirs). Returns the new version.
  Result<std::int64_t> save_checklist(const ChecklistTemplate& edited);
  // A finding's evidence: a photo already stored here.
  Result<Id> add_finding_photo(const Id& finding, std::string_view sha256);

  // --- queries ---
  const Round* round(const Id& id) const;
  const Round* todays_round(const Id& zone, RoundKind kind = RoundKind::zone) const;  // the latest started today
  // The latest round of this kind in the zone on a day (gate: in any zone).
  const Round* round_of_day(const Id& zone, RoundKind kind, std::int64_t day) const;
  // What a round of this kind walks in the zone, in walking order.
  const std::vector<RouteStop>& route(const Id& zone, RoundKind kind) const;
  const std::vector<RouteStop>& route_of(const Id& round) const;
  // "1栋 大堂入口" / "3栋 2单元 1502": a stop of a round, by name (empty if not on its route).
  std::string stop_label(const Id& round, const Id& stop) const;
  // Where a finding was raised and what failed: "1栋 大堂入口 · 地面无垃圾…".
  std::string finding_label(const Finding& f, i18n::Lang lang) const;
  // The checklist of a stop on a round; nullptr when the stop is not on its route.
  const ChecklistTemplate* checklist_at(const Id& round, const Id& stop) const;
  // The stop of a round's route (a checkpoint, unit, patrol log or repair site); nullptr when not on it.
  const RouteStop* stop_at(const Id& round, const Id& stop) const;
  // The latest version of every checklist, in a fixed order (the editor).
  std::vector<const ChecklistTemplate*> checklists() const;
  // The day's duties of a zone and how each stands (only those with
  // something to walk: no model-unit duties in a zone without model units).
  std::vector<DutyLine> duties_of(const Id& zone, std::int64_t day) const;
  RoundProgress round_progress(const Id& round) const;
  // The checkpoints of its route not yet checked (all items answered), in walking order.
  std::vector<const RouteStop*> unchecked_stops(const Id& round) const;
  // The duty's window, when the round was started before it opens (a start
  // after it closes is late, not outside); nothing otherwise.
  std::optional<schedule::DutyWindow> outside_window(const Id& round) const;
  CheckpointProgress checkpoint_progress(const Id& round, const Id& checkpoint) const;
  const Answer* answer(const Id& round, const Id& checkpoint, int item) const;
  std::vector<const Finding*> open_findings() const;          // oldest first
  std::vector<const Finding*> findings_of_round(const Id& round) const;
  // Every finding raised in the zone's rounds of a day, oldest first (the evidence).
  std::vector<const Finding*> findings_of_zone_day(const Id& zone, std::int64_t day) const;
  ZoneDayReport zone_day_report(const Id& zone, std::int64_t day) const;
  const Finding* finding_for(const Id& round, const Id& checkpoint, int item) const;
  // The last reading of this item at this checkpoint in an earlier round (to compare).
  std::optional<std::int64_t> previous_reading(const Id& round, const Id& checkpoint, int item) const;
  std::optional<PastReading> last_reading(const Id& round, const Id& checkpoint, int item) const;
  // The recorded reading against the last one: backwards, or a jump.
  ReadingFlag reading_flag(const Id& round, const Id& checkpoint, int item) const;

 private:
  CommandContext& ctx_;
  // Routes and the (zone, kind, day) → latest round index, rebuilt when the
  // replica changes, so the Today and supervision screens cost lookups only.
  void refresh_caches() const;
  mutable std::uint64_t caches_version_ = ~0ull;
  struct CachedRoute {
    std::vector<RouteStop> stops;
    std::unordered_map<Id, std::size_t, IdHash> index;  // stop → position in stops
  };
  // Key: zone, kind, and the pinned versions ("*": the latest).
  const CachedRoute& cached_route(const Id& zone, RoundKind kind, const std::string* pins,
                                  const std::vector<Id>* pinned = nullptr) const;
  mutable std::map<std::tuple<Id, int, std::string>, CachedRoute> routes_;
  mutable std::uint64_t routes_signature_ = 0;
  mutable std::map<std::tuple<Id, int, std::int64_t>, const Round*> round_index_;
  // A year of history holds thousands of findings and rounds: the screens'
  // per-frame queries look them up by round and by (zone, day) instead.
  mutable std::unordered_map<Id, std::vector<const Finding*>, IdHash> findings_by_round_;
  mutable std::map<std::pair<Id, std::int64_t>, std::vector<const Round*>> rounds_by_zone_day_;
  mutable std::vector<const Finding*> open_findings_;  // oldest first
  mutable std::unordered_map<Id, std::optional<PastReading>, IdHash> previous_readings_;  // by answer id
};

}  // namespace app
