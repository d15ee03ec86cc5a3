// The key cabinet in a projection snapshot: keys, loans, key events (lost,
// found, replaced, notes) and departures. Each entity's fields are listed
// once, in stored order, for both the writer and the reader
// (snapshot_fields.hpp); a reader refuses any value its fold could not have
// produced.
#include "app/keys/keys_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

bool is_loan_key_state(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(LoanKeyState::refused); }
bool is_event_kind(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(KeyEventKind::replaced); }
bool non_negative(std::int64_t v) { return v >= 0; }

// A loan's signature and overnight approval (format 9) after its transfers.
// Retired (format 5) last; the key cabinet came in format 4, which is no longer read.
bool fields(auto& v, Of<KeyRecord> auto& x) {
  return v.id(x.id) && v.id(x.place) && v.enumeration(x.kind, keys::is_key_kind) && v.enumeration(x.custody, keys::is_custody) &&
         v.text(x.label) && v.text(x.category) && v.text(x.system) && v.number(x.added_ms) &&
         v.enumeration(x.status, keys::is_key_status) && v.id(x.loan) && v.id(x.holder) && v.id(x.lost_report) && v.flag(x.retired);
}

bool fields(auto& v, Of<LoanKey> auto& x) {
  return v.id(x.key) && v.enumeration(x.state, is_loan_key_state) && v.enumeration(x.refused, keys::is_key_error) && v.id(x.holder) &&
         v.number(x.returned_ms) && v.id(x.returned_to);
}

bool fields(auto& v, Of<LoanReturn> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.number(x.at_ms) && v.text(x.note) && v.ids(x.keys) && v.ids(x.refused);
}

bool fields(auto& v, Of<KeyTransfer> auto& x) {
  return v.id(x.key) && v.id(x.from) && v.id(x.to) && v.id(x.handover) && v.number(x.at_ms);
}

bool fields(auto& v, Of<Loan> auto& x) {
  auto each = [&](auto& e) { return fields(v, e); };
  return v.id(x.id) && v.id(x.lent_by) && v.id(x.borrower) && v.enumeration(x.borrower_kind, keys::is_borrower_kind) &&
         v.text(x.borrower_name) && v.text(x.phone) && v.text(x.reason) && v.number(x.out_ms) && v.number(x.due_ms) &&
         v.list(x.keys, 16, each) && v.list(x.returns, 16, each) && v.list(x.transfers, 16, each) &&
         v.text(x.signature) && v.id(x.approved_by) && v.number(x.approved_ms) && v.text(x.approval_note);
}

bool fields(auto& v, Of<KeyEvent> auto& x) {
  return v.id(x.id) && v.id(x.key) && v.id(x.by) && v.enumeration(x.kind, is_event_kind) && v.number(x.at_ms) && v.text(x.note) &&
         v.id(x.loan) && v.enumeration(x.refused, keys::is_key_error);
}

bool fields(auto& v, Of<Departure> auto& x) {
  return v.id(x.id) && v.id(x.staff) && v.id(x.by) && v.enumeration(x.kind, keys::is_departure_kind) && v.number(x.at_ms) &&
         v.text(x.note) && v.number(x.keys_held, non_negative);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_keys_sections(SnapshotSections& s) {
  s.map("keys", 4, kFields, [](auto& d) -> auto& { return d.keys.keys; });
  s.map("loans", 4, kFields, [](auto& d) -> auto& { return d.keys.loans; });
  s.map("key events", 4, kFields, [](auto& d) -> auto& { return d.keys.events; });
  s.map("departures", 4, kFields, [](auto& d) -> auto& { return d.keys.departures; });
}

}  // namespace app
