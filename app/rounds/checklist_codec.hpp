#pragma once
// The text forms a checklist edit travels in: its items (one per line, fields
// separated by tabs) and a round's pinned versions ("lift:3,lobby:2"). Both
// are parsed strictly: an op whose text does not parse is refused by
// validate_op, never half-applied.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/rounds/checklist_types.hpp"

namespace app {

// Tabs, newlines and '|' inside texts are the format's separators: a user's
// text has them replaced by spaces before it is encoded.
std::string clean_checklist_text(std::string_view text);
std::string encode_items(const std::vector<ChecklistItem>& items);
std::optional<std::vector<ChecklistItem>> decode_items(std::string_view text);

struct PinnedVersion {
  std::string key;
  std::int64_t version = 1;
};
std::string encode_pins(const std::vector<PinnedVersion>& pins);
std::optional<std::vector<PinnedVersion>> decode_pins(std::string_view text);

}  // namespace app
