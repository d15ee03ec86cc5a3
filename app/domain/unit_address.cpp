#include "app/domain/unit_address.hpp"

#include <cstdint>
#include <vector>

namespace app {
namespace {

// The words and marks an address may carry between its numbers.
constexpr std::string_view kAddressWords[] = {"号楼", "栋", "幢", "座", "单元", "室", "号", "楼", "-", "—", "－", "/", "#", " ", "　", ","};

struct Parts {
  std::vector<std::int64_t> numbers;
  bool building_word_last = false;  // "3栋": the last thing said was a building
  bool ok = true;                   // only numbers and address words
};

Parts parse(std::string_view text) {
  Parts p;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] >= '0' && text[i] <= '9') {
      std::int64_t n = 0;
      std::size_t digits = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (++digits <= 9) n = n * 10 + (text[i] - '0');
        ++i;
      }
      if (digits > 9) p.ok = false;  // a phone number, not an address
      p.numbers.push_back(n);
      p.building_word_last = false;
      continue;
    }
    bool known = false;
    for (std::string_view w : kAddressWords) {
      if (text.substr(i, w.size()) == w) {
        p.building_word_last = w == "栋" || w == "幢" || w == "号楼" || w == "座";
        i += w.size();
        known = true;
        break;
      }
    }
    if (!known) {
      p.ok = false;
      return p;
    }
  }
  return p;
}

}  // namespace

bool address_matches(std::string_view query, std::string_view unit_label) {
  const Parts q = parse(query);
  if (!q.ok || q.numbers.empty() || q.numbers.size() > 3) return false;
  const Parts u = parse(unit_label);
  if (!u.ok || u.numbers.size() < 2) return false;
  const auto& n = q.numbers;
  const auto& l = u.numbers;
  switch (n.size()) {
    case 1: return q.building_word_last ? l.front() == n[0] : l.back() == n[0];
    case 2: return l.front() == n[0] && l.back() == n[1];
    default: return l.size() == 3 && l[0] == n[0] && l[1] == n[1] && l[2] == n[2];
  }
}

}  // namespace app
