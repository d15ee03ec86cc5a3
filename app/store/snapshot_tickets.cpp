// The tickets in a projection snapshot: tickets with their whole history, the
// paid-repair price list, household visits and the deadline settings. Each
// entity's fields are listed once, in stored order, for both the writer and
// the reader (snapshot_fields.hpp); a reader refuses any value its fold could
// not have produced.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/store/snapshot_sections.hpp"
#include "app/core/record_number.hpp"
#include "app/core/roles.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool is_ticket_event(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(TicketEvent::slip_review); }
bool role_or_none(std::int64_t v) { return v == -1 || is_role(v); }
bool is_ticket_refusal(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(tickets::TransitionError::not_for_kind); }
bool is_repair_category(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(tickets::RepairCategory::leak); }

// A ticket opened before record numbers has none.
bool ticket_number_text(std::string_view n) { return n.empty() || records::valid_record_number(n); }

// A free repair's slip has no lines: an empty text, not the codec's.
std::string slip_text(const std::vector<SlipLine>& lines) { return lines.empty() ? std::string() : encode_slip_lines(lines); }
std::optional<std::vector<SlipLine>> slip_lines(std::string_view text) {
  if (text.empty()) return std::vector<SlipLine>{};
  return decode_slip_lines(text);
}

// Whether the callback failed and the refusal share one number: bit 0, the rest.
bool fields(auto& v, Of<TicketStep> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.id(x.assignee) && v.enumeration(x.event, is_ticket_event) &&
         v.enumeration(x.to, tickets::is_status) && v.number(x.at_ms) && v.number(x.method) && v.number(x.result) && v.text(x.note) &&
         v.text(x.handed_to) && v.packed_number(Bit{x.callback_failed}, Bits{x.refused, is_ticket_refusal, 0}) &&
         v.number(x.role, role_or_none) && v.number(x.date_ms);
}

// The history's length is a (signed) number, not a varint like other lists.
bool fields(auto& v, Of<Ticket> auto& x) {
  return v.id(x.id) && v.id(x.unit) && v.id(x.received_by) && v.id(x.responsible) && v.text(x.owner) && v.text(x.phone) &&
         v.text(x.what) && v.text(x.wants) && v.text(x.handler) && v.text(x.signature) && v.text(x.slip.materials) &&
         v.number(x.channel) && v.number(x.received_ms) && v.number(x.requested_ms) && v.number(x.done_ms) && v.number(x.closed_ms) &&
         v.enumeration(x.kind, tickets::is_kind) && v.enumeration(x.severity, tickets::is_severity) && v.flag(x.approved_later) &&
         v.enumeration(x.status, tickets::is_status) && v.number(x.leak_test_ms) && v.number(x.callback_ms) &&
         v.flag(x.callback_problem) && v.number(x.rechecked_ms) && v.flag(x.recheck_problem) && v.flag(x.slip.set) &&
         v.number(x.slip.appointment_ms) && v.enumeration(x.slip.category, is_repair_category) &&
         v.coded(x.slip.lines, slip_text, slip_lines) && v.list(x.history, Count::as_number(16), [&](auto& s) { return fields(v, s); }) &&
         v.text(x.number, ticket_number_text) && v.text(x.complained_person) && v.text(x.complained_department) &&
         v.flag(x.escalation_step) && v.number(x.escalated_ms) && v.number(x.escalated_to, role_or_none) && v.number(x.answered_ms) &&
         v.number(x.later_asked_ms) && v.number(x.later_approved_ms) && v.id(x.later_approved_by) &&
         v.flag(x.every_event_callback) && v.number(x.handed_over_ms) && v.flag(x.own_lifecycle) && v.number(x.slip_signed_ms) &&
         v.text(x.slip_receiver) && v.text(x.slip_receiver_signature) && v.number(x.accepted_ms) && v.id(x.accepted_by) &&
         v.number(x.slip.reviewed_ms) && v.flag(x.slip.review_passed) && v.id(x.slip.reviewed_by);
}

bool fields(auto& v, Of<PriceItem> auto& x) {
  return v.id(x.id) && v.text(x.name) && v.text(x.unit_label) && v.number(x.price_cents) && v.flag(x.removed);
}

bool fields(auto& v, Of<Visit> auto& x) {
  return v.id(x.id) && v.id(x.unit) && v.id(x.by) && v.number(x.at_ms) && v.number(x.method) && v.text(x.note) && v.text(x.follow_ups);
}

// Every setting in setting_fields()'s order; read back, they must be plausible together.
bool fields(auto& v, Of<tickets::Settings> auto& x) {
  for (const SettingField& f : setting_fields()) {
    if (!v.number(x.*f.value)) return false;
  }
  return v.check(x, tickets::plausible);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_tickets_sections(SnapshotSections& s) {
  s.map("tickets", 4, kFields, [](auto& d) -> auto& { return d.tickets.tickets; });
  s.map("price list", 4, kFields, [](auto& d) -> auto& { return d.tickets.prices; });
  s.map("visits", 4, kFields, [](auto& d) -> auto& { return d.tickets.visits; });
  s.value("ticket settings", 4, kFields, [](auto& d) -> auto& { return d.tickets.settings; });
}

}  // namespace app
