#pragma once
// The projection the op log folds into: the estate (app/domain/estate.hpp)
// and each workflow's state, from that workflow's own folder. Plain fields are
// last-writer-wins in fold order. The workflows are those of
// app/workflows.cmake; their folds are registered in app/domain/workflows.cpp.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/sha256.hpp"  // is_sha256_hex: how photos are named
#include "app/domain/estate.hpp"
#include "app/ops/id_list.hpp"  // join_ids, split_ids: kept here for the many readers of id lists
#include "app/ops/op.hpp"
#include "butler_workflows/data.hpp"  // each workflow's *_data.hpp (app/workflows.cmake)

namespace app {

struct MasterData {
  Community community;
  std::unordered_map<Id, Building, IdHash> buildings;
  std::unordered_map<Id, Unit, IdHash> units;
  std::unordered_map<Id, Resident, IdHash> residents;
  std::unordered_map<Id, Staff, IdHash> staff;
  std::unordered_map<Id, Zone, IdHash> zones;
  std::unordered_map<Id, Checkpoint, IdHash> checkpoints;
  std::unordered_map<Id, Photo, IdHash> photos;
  std::unordered_map<Id, HouseholdMove, IdHash> moves;  // 入住 / 迁出 records, by the move's id
  std::unordered_map<Id, ContactView, IdHash> contact_views;  // whole phones shown, by the look's id
  // Each workflow's state, from its own folder (app/<workflow>/<workflow>_data.hpp):
  // RoundsData rounds, TicketsData tickets, KeysData keys, …
#define BUTLER_WORKFLOW(name, Type) Type##Data name;
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW
  bool operator==(const MasterData&) const = default;
};

// Folds one op into the projection. Total: an op that names something unknown
// still records what it says (ops can arrive before what they refer to).
void apply_master_data(MasterData& data, const Op& op);


}  // namespace app
