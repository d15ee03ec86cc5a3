#include "app/core/pinyin.hpp"

#include <algorithm>
#include <iterator>

namespace app {
namespace {

struct Entry {
  char32_t cp;
  char initial;
};
// {codepoint, initial}, sorted by codepoint: generated at build time.
constexpr Entry kTable[] = {
#include "pinyin_initials.inc"
};

// The next UTF-8 character; an invalid byte comes back as itself, one byte on.
char32_t next_char(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (i + extra >= s.size()) extra = 0;  // cut short: take the byte alone
  char32_t c = extra == 0 ? b : b & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += 1 + extra;
  return c;
}

}  // namespace

char pinyin_initial(char32_t c) {
  const auto it = std::lower_bound(std::begin(kTable), std::end(kTable), c, [](const Entry& e, char32_t v) { return e.cp < v; });
  return it != std::end(kTable) && it->cp == c ? it->initial : 0;
}

std::string pinyin_initials(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_char(utf8, i);
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
    else if (char l = pinyin_initial(c)) out.push_back(l);
  }
  return out;
}

}  // namespace app
