#pragma once
// How a ticket is numbered and named (issue 22): the rule for every numbered
// record is app/core/record_number.hpp; this is the tickets' use of it.
#include <string>
#include <string_view>

#include "app/core/record_number.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app::tickets {

// The next ticket number under `prefix`, after every one already here.
std::string next_ticket_number(const TicketsData& d, std::string_view prefix);
// How a ticket is named everywhere (tablet, handover, slips, CSVs): its
// number; a ticket opened before numbers, records::unnumbered_name (#1A2B3C4D).
std::string ticket_number(const Ticket& t);

}  // namespace app::tickets
