#pragma once
// Ids stored in text fields: "a,b,c" of hex ids (FieldType::ids).
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"

namespace app {

std::string join_ids(const std::vector<Id>& ids);
// The ids in a list; a part that is not an id is skipped (validation refuses
// such a list before it is stored).
std::vector<Id> split_ids(std::string_view text);

}  // namespace app
