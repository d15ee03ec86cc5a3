#pragma once
// What HandoverService's commands take (handover_service.hpp).
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"
#include "app/handover/handover_data.hpp"

namespace app {

// The outgoing staff's handover. `items` is normally handover_prefill() as the
// form showed it: what is signed is what was read.
struct NewHandover {
  std::vector<HandoverItem> items;
  std::string notes;              // free notes
  std::vector<Id> keys_handed;    // keys checked off: out with the outgoing staff, handed over in person
  Signature signature;            // the outgoing staff's; a blank pad is refused
};

}  // namespace app
