#include "app/renovation/notice_number.hpp"

#include <algorithm>
#include <cstdint>

namespace app::renovation {

std::string next_notice_number(const RenovationData& d, std::string_view prefix) {
  // One pass over every notice on issuing one (not a frame): a few hundred at most.
  std::int64_t highest = 0;
  for (const auto& [id, r] : d.renovations) {
    for (const ViolationNotice& n : r.notices) highest = std::max(highest, records::record_sequence(n.number, prefix));
  }
  return records::format_record_number(prefix, highest + 1);
}

std::string notice_number(const ViolationNotice& n) { return n.number.empty() ? records::unnumbered_name(n.id) : n.number; }

}  // namespace app::renovation
