#pragma once
// The projection the op log folds into: the estate (app/domain/estate.hpp)
// and each workflow's state, from that workflow's own folder. Plain fields are
// last-writer-wins in fold order; each workflow's fold is registered in
// app/domain/workflows.cpp.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/sha256.hpp"  // is_sha256_hex: how photos are named
#include "app/domain/estate.hpp"
#include "app/handover/handover_data.hpp"
#include "app/keys/keys_data.hpp"
#include "app/ops/id_list.hpp"  // join_ids, split_ids: kept here for the many readers of id lists
#include "app/ops/op.hpp"
#include "app/rounds/rounds_data.hpp"
#include "app/tickets/tickets_data.hpp"
#include "app/incidents/incidents_data.hpp"
#include "app/renovation/renovation_data.hpp"

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
  RoundsData rounds;  // rounds, answers, findings (app/rounds)
  TicketsData tickets;  // complaints, repairs, inquiries, suggestions (app/tickets)
  KeysData keys;        // the key cabinet: inventory, loans, lost keys, departures (app/keys)
  HandoverData handovers;  // shift handovers (app/handover)
  IncidentsData incidents;  // emergencies and their special incident reports (app/incidents)
  RenovationData renovation;  // renovation applications, passes, violation notices (app/renovation)
  bool operator==(const MasterData&) const = default;
};

// Folds one op into the projection. Total: an op that names something unknown
// still records what it says (ops can arrive before what they refer to).
void apply_master_data(MasterData& data, const Op& op);


}  // namespace app
