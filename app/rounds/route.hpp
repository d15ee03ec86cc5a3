#pragma once
// What a round of each kind walks, in walking order: a zone round the zone's
// public checkpoints (the head butler's route); a units round (巡楼) the
// zone's vacant and renovating units; the model-unit rounds the model units
// in the zone's buildings. A gate sign-in walks nothing.
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/domain/views.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/rounds_data.hpp"

namespace app {

struct RouteStop {
  Id id;                 // a checkpoint (zone rounds) or a unit (the others)
  std::string name;      // "大堂入口" / "2单元 1502"
  std::string place;     // "3栋"
  const ChecklistTemplate* checklist = nullptr;  // never null on a built route
  // "3栋 大堂入口"; just the name for an estate-wide one (南大门), no stray space.
  std::string label() const { return place.empty() ? name : place + " " + name; }
};

// `pins`: the checklist versions a started round pinned; nullptr for the
// latest (what a round started now would walk). `pinned`: a started zone
// round's checkpoints, walked as they were (a checkpoint added, moved or
// taken off the route since does not change a round under way).
std::vector<RouteStop> build_route(const MasterData& data, const Views& views, const Id& zone, RoundKind kind,
                                   const std::string* pins = nullptr, const std::vector<Id>* pinned = nullptr);

}  // namespace app
