#include "app/tickets/ticket_number.hpp"

#include <algorithm>

namespace app::tickets {

std::string next_ticket_number(const TicketsData& d, std::string_view prefix) {
  // One pass over the tickets on a save (not a frame): cheap next to the save.
  std::int64_t highest = 0;
  for (const auto& [id, t] : d.tickets) highest = std::max(highest, records::record_sequence(t.number, prefix));
  return records::format_record_number(prefix, highest + 1);
}

std::string ticket_number(const Ticket& t) {
  if (!t.number.empty()) return t.number;
  return records::unnumbered_name(t.id);
}

}  // namespace app::tickets
