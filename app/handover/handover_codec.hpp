#pragma once
// The text form a handover's items travel in (F::handover_items): one line per
// item, tab-separated kind, what it is about, deadline, overdue flag and the
// words. Parsed strictly: an op whose text does not parse is refused by
// validate_op, never half-applied.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/handover/handover_data.hpp"

namespace app {

inline constexpr std::size_t kMaxHandoverItems = 300;

// Tabs and newlines are the format's separators: a text has them replaced by spaces.
std::string clean_item_text(std::string_view text);
std::string encode_handover_items(const std::vector<HandoverItem>& items);
std::optional<std::vector<HandoverItem>> decode_handover_items(std::string_view text);

}  // namespace app
