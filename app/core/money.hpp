#pragma once
// Money typed by a person: 元 as text, kept as fen (1/100 元) everywhere.
#include <cstdint>
#include <optional>
#include <string_view>

namespace app {

// "3000", "3000.5", "3000.50", ".5" → fen; nothing for anything else (a
// sign, a separator, a third decimal, more than 9 digits of 元). Range
// rules (a price, a deposit) are the commands' to check.
std::optional<std::int64_t> parse_yuan(std::string_view text);

}  // namespace app
