#include "app/core/id.hpp"

namespace app {

std::string Id::to_hex() const {
  static const char* digits = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = digits[(hi >> (4 * i)) & 0xF];
    out[31 - i] = digits[(lo >> (4 * i)) & 0xF];
  }
  return out;
}

bool Id::from_hex(std::string_view hex, Id* out) {
  if (hex.size() != 32) return false;
  Id id;
  for (std::size_t i = 0; i < 32; ++i) {
    const char c = hex[i];
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return false;
    std::uint64_t& half = i < 16 ? id.hi : id.lo;
    half = (half << 4) | static_cast<std::uint64_t>(v);
  }
  *out = id;
  return true;
}

Id Id::random(RandomPort& rng) {
  Id id{rng.next_u64(), rng.next_u64()};
  if (id.is_nil()) id.lo = 1;  // nil means "none"
  return id;
}

}  // namespace app
