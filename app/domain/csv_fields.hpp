#pragma once
// Cells every office export writes the same way: Beijing time, dates, the
// names behind ids, and where a unit is (楼栋, 单元, 房号).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"

namespace app::office {

// Units in archive order: building, stairwell, floor, room (as on site).
std::vector<const app::Unit*> ordered_units(const app::MasterData& d);
// Wall time as the office reads it: China Standard Time (UTC+8, no daylight saving).
std::string beijing_time(std::int64_t ms);
std::string date_text(std::int64_t yyyymmdd);  // "2026-12-01", empty for 0
std::string building_name(const app::MasterData& d, const app::Id& id);
std::string staff_name(const app::MasterData& d, const app::Id& id);
std::string zone_name(const app::MasterData& d, const app::Id& id);
// 楼栋, 单元, 房号 of a unit; empty cells for a public area or an unknown unit.
std::array<std::string, 3> unit_place(const app::MasterData& d, const app::Id& unit);
std::string yuan_text(std::int64_t cents);  // "12.50": the header says 元

}  // namespace app::office
