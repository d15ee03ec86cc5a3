#pragma once
// A unit as people say it: "3栋1502", "3-1-1502", "3 1502", "3栋1单元1502",
// "1502", "3号楼2单元1502室". Butlers and owners give the building, maybe the
// entrance (单元) and the room, with whatever separators come to hand; the
// unit's label is "3栋 2单元 1502" (or "3栋 1502" without entrances).
#include <string_view>

namespace app {

// True when the query is an address (numbers with address words or
// separators only) and names this unit: the room alone, building and room,
// or building, entrance and room; "3栋" alone is the building.
bool address_matches(std::string_view query, std::string_view unit_label);

}  // namespace app
