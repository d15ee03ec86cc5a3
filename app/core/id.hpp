#pragma once
// 128-bit random identifiers for ops, entities and devices: made offline on
// any tablet without coordination, compared and hashed cheaply.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "app/core/ports.hpp"

namespace app {

struct Id {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  bool is_nil() const { return hi == 0 && lo == 0; }
  auto operator<=>(const Id&) const = default;

  // 32 lowercase hex digits.
  std::string to_hex() const;
  static bool from_hex(std::string_view hex, Id* out);
  static Id random(RandomPort& rng);
};

struct IdHash {
  std::size_t operator()(const Id& id) const { return std::hash<std::uint64_t>{}(id.hi ^ (id.lo * 0x9E3779B97F4A7C15ull)); }
};

}  // namespace app
