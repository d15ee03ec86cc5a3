#pragma once
// Outage notices as folded state. A notice is announced (and may be edited by
// a later announcement of the same entity: the later fields win), posted on
// the boards with a photo, and may be withdrawn; its window ends by the clock.
// Every replica folds the same ops to the same notices.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/outages/outages_rules.hpp"

namespace app {

struct Outage {
  Id id, announced_by;
  outages::Kind kind = outages::Kind::water;
  std::string reason;              // 原因 / 说明, as typed
  std::int64_t from_ms = 0, until_ms = 0;
  std::vector<Id> buildings;       // the buildings affected (every unit in them)
  std::int64_t announced_ms = 0;   // the first announcement
  std::int64_t posted_ms = 0;      // put up on the boards (0: not yet)
  Id posted_by;
  std::int64_t cancelled_ms = 0;   // withdrawn (0: not)
  Id cancelled_by;
  std::string cancel_note;
  bool known() const { return announced_ms != 0; }
  bool cancelled() const { return cancelled_ms != 0; }
  bool operator==(const Outage&) const = default;
};

struct OutagesData {
  std::unordered_map<Id, Outage, IdHash> notices;
  bool operator==(const OutagesData&) const = default;
};

void apply_outages(OutagesData& d, const Op& op);
template <class Projection>
void fold_outages(Projection& d, const Op& op) {
  apply_outages(d.outages, op);
}

}  // namespace app
