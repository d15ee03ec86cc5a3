#include "app/store/snapshot_tickets.hpp"

#include <initializer_list>

#include "app/store/snapshot_fields.hpp"

namespace app::snapshot_io {
namespace {

using bytes::put_id;
using bytes::put_text;

using snapshot_fields::put_number;

constexpr std::int64_t kLastRefusal = static_cast<std::int64_t>(tickets::TransitionError::after_done);
constexpr std::int64_t kLastEvent = static_cast<std::int64_t>(TicketEvent::recheck);

void write_step(std::string& o, const TicketStep& s) {
  put_id(o, s.id);
  put_id(o, s.by);
  put_id(o, s.assignee);
  for (std::int64_t n : {static_cast<std::int64_t>(s.event), static_cast<std::int64_t>(s.to), s.at_ms, s.method, s.result}) put_number(o, n);
  put_text(o, s.note);
  put_text(o, s.handed_to);
  put_number(o, (s.callback_failed ? 1 : 0) | static_cast<std::int64_t>(s.refused) << 1);
}

bool read_step(bytes::Reader& r, TicketStep& s) {
  std::int64_t event = 0, to = 0, flags = 0;
  if (!(r.id(&s.id) && r.id(&s.by) && r.id(&s.assignee) && r.number(&event) && r.number(&to) && r.number(&s.at_ms) &&
        r.number(&s.method) && r.number(&s.result) && r.text(&s.note) && r.text(&s.handed_to) && r.number(&flags))) {
    return false;
  }
  if (event < 0 || event > kLastEvent || !tickets::is_status(to) || (flags >> 1) < 0 || (flags >> 1) > kLastRefusal) return false;
  s.event = static_cast<TicketEvent>(event);
  s.to = static_cast<tickets::Status>(to);
  s.callback_failed = flags & 1;
  s.refused = static_cast<tickets::TransitionError>(flags >> 1);
  return true;
}

}  // namespace

void write(std::string& o, const Ticket& x) {
  put_id(o, x.id);
  put_id(o, x.unit);
  put_id(o, x.received_by);
  put_id(o, x.responsible);
  for (const std::string* t : {&x.owner, &x.phone, &x.what, &x.wants, &x.handler, &x.signature, &x.slip.materials}) put_text(o, *t);
  for (std::int64_t n : {x.channel, x.received_ms, x.requested_ms, x.done_ms, x.closed_ms, static_cast<std::int64_t>(x.kind),
                         static_cast<std::int64_t>(x.severity), static_cast<std::int64_t>(x.approved_later),
                         static_cast<std::int64_t>(x.status), x.leak_test_ms, x.callback_ms,
                         static_cast<std::int64_t>(x.callback_problem), x.rechecked_ms, static_cast<std::int64_t>(x.recheck_problem),
                         static_cast<std::int64_t>(x.slip.set), x.slip.appointment_ms, static_cast<std::int64_t>(x.slip.category)}) {
    put_number(o, n);
  }
  put_text(o, x.slip.lines.empty() ? std::string() : encode_slip_lines(x.slip.lines));
  put_number(o, static_cast<std::int64_t>(x.history.size()));
  for (const TicketStep& s : x.history) write_step(o, s);
}

bool read(bytes::Reader& r, Ticket& x) {
  std::int64_t kind = 0, severity = 0, approved = 0, status = 0, problem = 0, recheck_problem = 0, slip_set = 0, category = 0, steps = 0;
  std::string lines;
  if (!(r.id(&x.id) && r.id(&x.unit) && r.id(&x.received_by) && r.id(&x.responsible) && r.text(&x.owner) && r.text(&x.phone) &&
        r.text(&x.what) && r.text(&x.wants) && r.text(&x.handler) && r.text(&x.signature) && r.text(&x.slip.materials) &&
        r.number(&x.channel) && r.number(&x.received_ms) && r.number(&x.requested_ms) && r.number(&x.done_ms) &&
        r.number(&x.closed_ms) && r.number(&kind) && r.number(&severity) && r.number(&approved) && r.number(&status) &&
        r.number(&x.leak_test_ms) && r.number(&x.callback_ms) && r.number(&problem) && r.number(&x.rechecked_ms) &&
        r.number(&recheck_problem) && r.number(&slip_set) && r.number(&x.slip.appointment_ms) && r.number(&category) &&
        r.text(&lines) && r.number(&steps))) {
    return false;
  }
  if (!tickets::is_kind(kind) || !tickets::is_severity(severity) || !tickets::is_status(status) || category < 0 || category > 2 ||
      steps < 0 || static_cast<std::uint64_t>(steps) > r.remaining() / 16) {
    return false;
  }
  x.kind = static_cast<tickets::Kind>(kind);
  x.severity = static_cast<tickets::Severity>(severity);
  x.approved_later = approved != 0;
  x.status = static_cast<tickets::Status>(status);
  x.callback_problem = problem != 0;
  x.recheck_problem = recheck_problem != 0;
  x.slip.set = slip_set != 0;
  x.slip.category = static_cast<tickets::RepairCategory>(category);
  if (!lines.empty()) {
    auto decoded = decode_slip_lines(lines);
    if (!decoded) return false;
    x.slip.lines = std::move(*decoded);
  }
  x.history.resize(static_cast<std::size_t>(steps));
  for (TicketStep& s : x.history) {
    if (!read_step(r, s)) return false;
  }
  return true;
}

void write(std::string& o, const PriceItem& x) {
  put_id(o, x.id);
  put_text(o, x.name);
  put_text(o, x.unit_label);
  put_number(o, x.price_cents);
  put_number(o, x.removed ? 1 : 0);
}

bool read(bytes::Reader& r, PriceItem& x) {
  std::int64_t removed = 0;
  if (!(r.id(&x.id) && r.text(&x.name) && r.text(&x.unit_label) && r.number(&x.price_cents) && r.number(&removed))) return false;
  x.removed = removed != 0;
  return true;
}

void write(std::string& o, const Visit& x) {
  put_id(o, x.id);
  put_id(o, x.unit);
  put_id(o, x.by);
  put_number(o, x.at_ms);
  put_number(o, x.method);
  put_text(o, x.note);
  put_text(o, x.follow_ups);
}

bool read(bytes::Reader& r, Visit& x) {
  return r.id(&x.id) && r.id(&x.unit) && r.id(&x.by) && r.number(&x.at_ms) && r.number(&x.method) && r.text(&x.note) &&
         r.text(&x.follow_ups);
}

void write(std::string& o, const tickets::Settings& x) {
  for (const SettingField& f : setting_fields()) put_number(o, x.*f.value);
}

bool read(bytes::Reader& r, tickets::Settings& x) {
  for (const SettingField& f : setting_fields()) {
    if (!r.number(&(x.*f.value))) return false;
  }
  return tickets::plausible(x);
}

}  // namespace app::snapshot_io
