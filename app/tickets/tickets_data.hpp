#pragma once
// Tickets as folded state. Each step of a ticket is its own op, applied in
// fold order against the status the ticket has reached: a step that does not
// follow (two tablets accepted and closed the same ticket offline) is kept in
// the ticket's history and listed as a conflict for the head butler, never
// dropped — and every replica folds the same op set to the same result.
// Alongside: the paid-repair price list and the household visits (走访).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/tickets/repair_slip.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {

// What a history entry records: a step of the lifecycle, or one of the acts
// around it that leave the status alone.
// Stored in snapshots: append only.
enum class TicketEvent : std::int64_t {
  step = 0, handed_on = 1, slip = 2, leak_test = 3, recheck = 4,
  escalated = 5, answered = 6, later_asked = 7, later_approved = 8,  // a complaint's own acts (complaint_rules.hpp)
  slip_review = 9,  // the engineering manager's review of a slip's off-list lines (000:619)
};

struct TicketStep {
  Id id, by;
  TicketEvent event = TicketEvent::step;
  tickets::Status to = tickets::Status::received;
  std::int64_t at_ms = 0;
  std::string note, handed_to;   // handed_to: the department or person it went to
  Id assignee;                   // handed_on: the colleague who owns it now
  bool callback_failed = false;
  std::int64_t method = -1;      // a callback or recheck: 0 visit (上门), 1 phone (电话)
  std::int64_t result = -1;      // a callback or recheck: 0 satisfied / confirmed, 1 a problem
  std::int64_t role = -1;        // escalated: the role it was handed up to (app::Role)
  std::int64_t date_ms = 0;      // later_asked / later_approved: the later date
  tickets::TransitionError refused = tickets::TransitionError::none;  // none: applied
  bool operator==(const TicketStep&) const = default;
};

struct Ticket {
  Id id, unit, received_by;
  Id responsible;                 // 首问负责制: the receiver owns it until handing it on
  std::string owner, phone, what, wants, handler;  // owner: the resident (业主); handler: whom the work is with
  std::string number;             // T3-0042 (app/core/record_number.hpp); empty: opened before numbers
  std::int64_t channel = 0, received_ms = 0, requested_ms = 0, done_ms = 0, closed_ms = 0;
  tickets::Kind kind = tickets::Kind::valid_complaint;
  tickets::Severity severity = tickets::Severity::minor;
  bool approved_later = false;
  tickets::Status status = tickets::Status::received;
  RepairSlip slip;
  std::string signature;          // the owner's, on the done step (app/core/signature.hpp)
  std::int64_t leak_test_ms = 0;  // a leak repair's leak test (试漏)
  std::int64_t callback_ms = 0;   // the last callback (回访), and what it found
  bool callback_problem = false;
  std::int64_t rechecked_ms = 0;  // the head butler's spot-check of the callback
  bool recheck_problem = false;
  // The complaint record (000:257 "被投诉人及被投诉部门"): who and/or which department.
  std::string complained_person, complained_department;
  // Opened since escalation is its own op: classifying no longer counts as
  // escalating. False for a ticket from before, whose classification counted.
  bool escalation_step = false;
  // Opened since every service event is called back (needs_callback).
  bool every_event_callback = false;
  // A night log: when the customer-service centre registered it (the
  // hand-over of 001 "次日早上9:00前转交"); 0 for every other ticket.
  std::int64_t handed_over_ms = 0;
  // Runs its kind's lifecycle (tickets::Lifecycle); false: opened before, the shared one.
  bool own_lifecycle = false;
  // A repair's slip signed for at engineering (000:627 "请接收人签字接收"): when,
  // by whom, the receiver's strokes. 0: not signed for on the dispatching tablet.
  std::int64_t slip_signed_ms = 0;
  std::string slip_receiver, slip_receiver_signature;
  // The accepted step (000:629 "工程人员接到《维修单》后及时填写接单时间"): when and
  // by whom; accepted by engineering on its own tablet, the slip was received.
  std::int64_t accepted_ms = 0;
  Id accepted_by;
  std::int64_t escalated_ms = 0;  // handed up (the first time to the highest role reached)
  std::int64_t escalated_to = -1; // that role (app::Role); -1: not handed up
  std::int64_t answered_ms = 0;   // the owner's first clear answer (ticket_answered)
  std::int64_t later_asked_ms = 0;     // a later date asked for (minor), the latest ask
  std::int64_t later_approved_ms = 0;  // the later date the manager approved; 0: none
  Id later_approved_by;
  std::vector<TicketStep> history;  // in fold order, refused steps included
  bool open() const { return status != tickets::Status::closed; }
  // A repair between dispatch and done: its site is walked (000:595 5.1.4.3 "放置“正在维修”警示牌").
  bool repair_under_way() const {
    return kind == tickets::Kind::repair &&
           (status == tickets::Status::dispatched || status == tickets::Status::accepted || status == tickets::Status::on_site);
  }
  bool owes_callback() const { return tickets::needs_callback(kind, every_event_callback); }
  tickets::Lifecycle lifecycle() const { return tickets::lifecycle_of(kind, own_lifecycle); }
  bool operator==(const Ticket&) const = default;
};

// A household visit (走访) or call, by the unit's butler or anyone on duty.
struct Visit {
  Id id, unit, by;
  std::int64_t at_ms = 0, method = 0;  // 0 visit, 1 phone
  std::string note, follow_ups;
  bool operator==(const Visit&) const = default;
};

// The one entity the deadline settings are written to: every tablet's edit
// of a field lands on the same record, the later one winning.
inline constexpr Id kTicketSettingsEntity{0x5449434b45545345ull, 0x5454494e47530001ull};

// Each setting's field code, in Settings' order (tickets_data.cpp, snapshot).
struct SettingField {
  F key;
  std::int64_t tickets::Settings::*value;
};
const std::vector<SettingField>& setting_fields();

struct TicketsData {
  std::unordered_map<Id, Ticket, IdHash> tickets;
  tickets::Settings settings;  // the manuals' numbers until the head butler changes one
  std::unordered_map<Id, PriceItem, IdHash> prices;
  std::unordered_map<Id, Visit, IdHash> visits;
  bool operator==(const TicketsData&) const = default;
};

void apply_tickets(TicketsData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData, not included here: it is the layer above).
template <class Projection>
void fold_tickets(Projection& d, const Op& op) {
  apply_tickets(d.tickets, op);
}

}  // namespace app
