#include "app/core/phone_mask.hpp"

namespace app {

std::string mask_phone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  // 86 138… or 0086 138…: the mobile number behind the country code.
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  else if (digits.size() == 15 && digits.starts_with("0086")) digits.erase(0, 4);
  const std::size_t n = digits.size();
  if (n == 0) return phone.empty() ? std::string() : std::string("****");
  if (n <= 2) return digits;
  if (n < 7) return std::string(n - 2, '*') + digits.substr(n - 2);
  return digits.substr(0, 3) + "****" + digits.substr(n - 4);
}

}  // namespace app
