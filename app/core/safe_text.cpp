#include "app/core/safe_text.hpp"

#include "app/core/sheet.hpp"

namespace app {

bool is_safe_text(std::string_view s) {
  if (!is_utf8(s)) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
    // U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 are E2 81 A6..A9.
    if (c == 0xe2 && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) return false;
      if (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return false;
    }
  }
  return true;
}

}  // namespace app
