#pragma once
// Buildings as chips that wrap, any number of them on: a zone's buildings
// (set-up), the buildings an outage covers. Tapped, a chip toggles its id in `on`.
#include <vector>

#include "app/core/id.hpp"
#include "app/domain/estate.hpp"

namespace shell {

void building_chips(const char* id, const std::vector<const app::Building*>& buildings, std::vector<app::Id>* on);

}  // namespace shell
