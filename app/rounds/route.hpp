#pragma once
// What a round of each kind walks, in walking order: a zone round the zone's
// public checkpoints (the head butler's route), each gate followed by its
// post's patrol log; a units round (巡楼) the zone's vacant and renovating
// units and the repairs under way in its buildings; the model-unit rounds the
// model units in the zone's buildings. A gate sign-in walks nothing.
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/domain/views.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/rounds_data.hpp"

namespace app {

// What a stop is, for the rules that depend on it (only a household has an
// owner to tell; only a checkpoint is on the head butler's route).
enum class StopKind {
  checkpoint,    // a public checkpoint (the id is the checkpoint's)
  unit,          // a unit on a units or model-unit round (the unit's id)
  security_log,  // the patrol log kept at a gate's post (a derived id: security_log_stop)
  repair_site,   // a repair under way (the ticket's id)
};

struct RouteStop {
  Id id;                 // a checkpoint, a unit, a ticket or a derived id (StopKind)
  std::string name;      // "大堂入口" / "2单元 1502"
  std::string place;     // "3栋"
  const ChecklistTemplate* checklist = nullptr;  // never null on a built route
  StopKind kind = StopKind::checkpoint;
  Id unit;               // the household of a unit or repair-site stop; nil otherwise
  // "3栋 大堂入口"; just the name for an estate-wide one (南大门), no stray space.
  std::string label() const { return place.empty() ? name : place + " " + name; }
};

// The stop that follows a gate on a zone round: the post's patrol log (000
// 篇2 日常巡查 "(4)、检查保安部巡逻情况表和记事本"). Derived from the gate's id,
// so every tablet answers it under the same id and no op creates it.
Id security_log_stop(const Id& gate);

// `pins`: the checklist versions a started round pinned; nullptr for the
// latest (what a round started now would walk). `pinned`: a started round's
// stops as they were when it started — a zone round's checkpoints and patrol
// logs, a units round's repair sites — so a checkpoint added, moved or taken
// off the route, or a repair begun, since does not change a round under way;
// nullptr for the route a round started now would walk.
std::vector<RouteStop> build_route(const MasterData& data, const Views& views, const Id& zone, RoundKind kind,
                                   const std::string* pins = nullptr, const std::vector<Id>* pinned = nullptr);

// The stops a round pins when it starts (F::route): a zone round's whole
// route, a units round's repair sites (its units follow their status).
std::vector<Id> stops_to_pin(RoundKind kind, const std::vector<RouteStop>& route);

}  // namespace app
