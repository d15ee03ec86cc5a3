#pragma once
// Tickets as folded state. Each step of a ticket is its own op, applied in
// fold order against the status the ticket has reached: a step that does not
// follow (two tablets accepted and closed the same ticket offline) is kept in
// the ticket's history and listed as a conflict for the head butler, never
// dropped — and every replica folds the same op set to the same result.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {

struct TicketStep {
  Id id, by;
  tickets::Status to = tickets::Status::received;
  std::int64_t at_ms = 0;
  std::string note, handed_to;   // handed_to: the department or person it went to
  bool callback_failed = false;
  tickets::TransitionError refused = tickets::TransitionError::none;  // none: applied
  bool operator==(const TicketStep&) const = default;
};

struct Ticket {
  Id id, unit, received_by;
  std::string owner, phone, what, wants, handler;  // handler: whom it is with now
  std::int64_t channel = 0, received_ms = 0, requested_ms = 0, done_ms = 0, closed_ms = 0;
  tickets::Kind kind = tickets::Kind::valid_complaint;
  tickets::Severity severity = tickets::Severity::minor;
  bool approved_later = false;
  tickets::Status status = tickets::Status::received;
  std::vector<TicketStep> history;  // in fold order, refused steps included
  bool open() const { return status != tickets::Status::closed; }
  bool operator==(const Ticket&) const = default;
};

struct TicketsData {
  std::unordered_map<Id, Ticket, IdHash> tickets;
  bool operator==(const TicketsData&) const = default;
};

void apply_tickets(TicketsData& d, const Op& op);

}  // namespace app
