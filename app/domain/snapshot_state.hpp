#pragma once
// What a projection snapshot holds once read: the folded state and the ops it
// covers. The replica starts from one; how it is written and read is the
// store's (app/store/snapshot.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/ops/op.hpp"

namespace app {

// A stored record that could not be used: kept aside, listed in Settings.
struct QuarantinedRecord {
  std::size_t index;   // position in the stored log
  std::string reason;  // readable, in the language of the day it was found
};

struct Snapshot {
  std::uint64_t op_count = 0;
  std::uint64_t record_count = 0;  // stored records it covers (ops + damaged ones): where the tail starts
  FoldKey frontier;             // every covered op sorts at or before it
  std::vector<Id> op_ids;       // sorted (decode_snapshot sorts them)
  std::vector<QuarantinedRecord> quarantined;
  MasterData data;
};

}  // namespace app
