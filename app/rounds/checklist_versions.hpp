#pragma once
// Which version of a checklist applies: a new round takes the latest (the head
// butler's newest save, else the built-in one); a round already started keeps
// the versions it pinned when it started, so an edit never changes a round
// being walked or one already done.
#include <string>
#include <string_view>
#include <vector>

#include "app/rounds/checklists.hpp"
#include "app/rounds/rounds_data.hpp"

namespace app {

// nullptr when no checklist has that key.
const ChecklistTemplate* latest_checklist(const RoundsData& d, std::string_view key);
// The version `pins` names for the key; a key not pinned was at its
// built-in version when the round started.
const ChecklistTemplate* pinned_checklist(const RoundsData& d, std::string_view key, std::string_view pins);
// Every edited checklist's latest version, as a round_started op pins them.
std::string current_pins(const RoundsData& d);
// The latest version of every checklist, in the built-in order (the editor's list).
std::vector<const ChecklistTemplate*> latest_checklists(const RoundsData& d);

}  // namespace app
