#include "app/core/money.hpp"

namespace app {

std::optional<std::int64_t> parse_yuan(std::string_view text) {
  std::int64_t whole = 0, frac = 0;
  int digits = 0, frac_digits = -1;  // -1: no point yet
  for (char c : text) {
    if (c == '.') {
      if (frac_digits >= 0) return std::nullopt;
      frac_digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (frac_digits >= 0) {
        if (++frac_digits > 2) return std::nullopt;
        frac = frac * 10 + (c - '0');
      } else {
        if (++digits > 9) return std::nullopt;
        whole = whole * 10 + (c - '0');
      }
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 && frac_digits <= 0) return std::nullopt;  // "", ".", "abc"
  if (frac_digits == 1) frac *= 10;
  return whole * 100 + frac;
}

}  // namespace app
