#include "app/core/record_number.hpp"

#include <algorithm>
#include <cstdio>

namespace app::records {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

std::string record_prefix(char letter, std::int64_t tablet_no, const Id& device, bool demo) {
  const std::string head(1, letter);
  if (tablet_no > 0) return head + std::to_string(tablet_no);
  if (demo) return head + "0";
  return head + "D" + upper(device.to_hex().substr(0, 4));
}

std::string format_record_number(std::string_view prefix, std::int64_t sequence) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(std::max<std::int64_t>(sequence, 0)));
  return std::string(prefix) + "-" + digits;
}

std::int64_t record_sequence(std::string_view number, std::string_view prefix) {
  if (number.size() <= prefix.size() + 1 || number.substr(0, prefix.size()) != prefix || number[prefix.size()] != '-') return 0;
  const std::string_view digits = number.substr(prefix.size() + 1);
  if (digits.size() > 15 || !std::all_of(digits.begin(), digits.end(), is_digit)) return 0;  // 15 digits cannot overflow
  std::int64_t n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool valid_record_number(std::string_view number) {
  if (number.size() < 2 || number.size() > kMaxRecordNumberBytes || !is_upper(number.front())) return false;
  return std::all_of(number.begin(), number.end(), [](char c) { return is_upper(c) || is_digit(c) || c == '-'; });
}

std::string unnumbered_name(const Id& id) { return "#" + upper(id.to_hex().substr(0, 8)); }

}  // namespace app::records
