#pragma once
// The units a picker's search found (tickets, keys, renovation: the same
// search everywhere, EstateService::search_units), as rows to tap.
#include <vector>

#include "app/domain/views.hpp"
#include "shell/screens/screens.hpp"

namespace shell {

// Up to `shown` rows ("<id_prefix>:<n>"), then, when more matched, a row
// saying how many more that shows them all ("<id_prefix>_more"). The unit
// tapped, or nullptr.
const app::UnitRow* draw_unit_matches(ScreenContext& ctx, const char* id_prefix, const std::vector<std::size_t>& matches, int shown);

}  // namespace shell
