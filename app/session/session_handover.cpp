// Session's shift handover (交接班): the form pre-filled with what the product
// already knows, the outgoing staff's signed handover, and the incoming
// staff's confirmation that takes over its items and the keys handed over.
//
// The pre-fill is a list of typed lines, one producer per category: a new
// category is one more producer in kProducers and one more handover::ItemKind.
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "app/core/local_time.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/session/session_errors.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {
namespace {

using i18n::S;
using session_detail::error;
using handover::ItemKind;

constexpr std::size_t kMaxItemsText = 32768 - 512;  // F::handover_items' limit, with room for the "more" line
constexpr std::size_t kMaxNotes = 4096;
constexpr std::size_t kMaxSignature = 32768;
constexpr std::int64_t kDay = 86400000;

template <typename... Args>
std::string format(S message, Args... args) {
  char text[1024];
  std::snprintf(text, sizeof text, i18n::tr(message), args...);
  return text;
}

std::string short_time(std::int64_t ms, int offset) { return format_local(ms, offset).substr(5); }

// What every producer is told: the moment, and the tablet's calendar.
struct Moment {
  std::int64_t now = 0;       // judged on a clock that cannot go back
  std::int64_t today = 0;     // local yyyymmdd
  std::int64_t midnight = 0;  // today's local midnight (wall ms)
  int offset = 480;
};

using Producer = void (*)(const Session&, const Moment&, std::vector<HandoverItem>&);

void keys_out(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  for (const KeyOut& k : s.keys_out()) {
    const std::string who = s.key_holder_name(k), due = short_time(k.due_ms, m.offset);
    out.push_back({ItemKind::key_out, k.key->id, k.due_ms, k.overdue,
                   format(k.overdue ? S::handover_item_key_overdue : S::handover_item_key_out, k.key->label.c_str(), who.c_str(), due.c_str())});
  }
}

void lost_keys(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  for (const KeyRecord* k : s.lost_keys()) {
    std::int64_t since = 0;
    for (const KeyEvent* e : s.key_events_of(k->id)) {
      if (e->id == k->lost_report) since = e->at_ms;
    }
    out.push_back({ItemKind::key_lost, k->id, 0, false, format(S::handover_item_key_lost, k->label.c_str(), short_time(since, m.offset).c_str())});
  }
}

void open_findings(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  for (const Finding* f : s.open_findings()) {
    const std::string what = s.finding_label(*f, i18n::current_language());
    out.push_back({ItemKind::open_finding, f->id, 0, false, format(S::handover_item_finding, what.c_str(), short_time(f->opened_ms, m.offset).c_str())});
  }
}

std::string ticket_text(const std::unordered_map<Id, const UnitRow*, IdHash>& units, const Ticket& t) {
  std::string out;
  if (auto u = units.find(t.unit); u != units.end()) out = u->second->label + " ";
  if (!t.owner.empty()) out += t.owner + " · ";
  return out + t.what;
}

// Tickets past a deadline, and callbacks due by the end of today (those past
// theirs are overdue too): the next shift's to chase.
void tickets_due(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  std::unordered_map<Id, const UnitRow*, IdHash> units;
  for (const UnitRow& u : s.unit_rows()) units.emplace(u.id, &u);
  for (const Ticket* t : s.open_tickets()) {
    const auto next = s.next_deadline(*t);
    if (!next) continue;
    const bool overdue = m.now > *next;
    const std::string when = short_time(*next, m.offset), what = ticket_text(units, *t);
    if (t->status == tickets::Status::done && tickets::needs_callback(t->kind)) {
      if (*next <= m.midnight + kDay) out.push_back({ItemKind::callback_due, t->id, *next, overdue, format(S::handover_item_callback, what.c_str(), when.c_str())});
    } else if (overdue) {
      out.push_back({ItemKind::overdue_ticket, t->id, *next, true, format(S::handover_item_ticket_overdue, what.c_str(), when.c_str())});
    }
  }
}

const DutyLine* duty_line(const std::vector<DutyLine>& lines, schedule::Duty duty) {
  for (const DutyLine& l : lines) {
    if (l.duty == duty) return &l;
  }
  return nullptr;
}

// The late shift closes the model units at 20:00: until today's closing round
// is done, it is an open item; and a closing missed last night is one until
// someone has been in this morning (today's opening round).
void model_units(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  using schedule::DutyOutcome;
  const schedule::DutyWindow& w = schedule::window_of(schedule::Duty::model_close);
  for (const ZoneRow& z : s.zone_rows()) {
    const std::vector<DutyLine> today = s.duties_of(z.id, m.today);
    const DutyLine* close = duty_line(today, schedule::Duty::model_close);
    if (!close) continue;  // no model units in this zone
    if (close->outcome != DutyOutcome::done && close->outcome != DutyOutcome::done_late) {
      const std::int64_t due = m.midnight + static_cast<std::int64_t>(w.end_minute) * 60000;
      char hhmm[6];
      schedule::format_hhmm(w.end_minute, hhmm);
      out.push_back({ItemKind::model_unit_open, z.id, due, close->outcome == DutyOutcome::late,
                     format(S::handover_item_model_open, z.name.c_str(), hhmm)});
    }
    const DutyLine* opened = duty_line(today, schedule::Duty::model_open);
    const bool visited = opened && opened->round;
    const std::vector<DutyLine> yesterday = s.duties_of(z.id, add_days(m.today, -1));
    const DutyLine* last_night = duty_line(yesterday, schedule::Duty::model_close);
    if (last_night && last_night->outcome == DutyOutcome::missed && !visited) {
      out.push_back({ItemKind::model_unit_open, z.id, m.midnight, true, format(S::handover_item_model_missed, z.name.c_str())});
    }
  }
}

// The incidents of the shift (lift entrapment, leaks, fire…): every one still
// open, and those closed since the last handover was written (before the
// first handover, the last 12 hours).
void incidents(const Session& s, const Moment& m, std::vector<HandoverItem>& out) {
  const Handover* last = s.last_handover();
  const std::int64_t since = last ? last->written_ms : m.now - kDay / 2;
  const bool en = i18n::current_language() == i18n::Lang::en;
  for (const Incident* i : s.recent_incidents(500)) {
    if (i->closed() && i->closed_ms <= since) continue;  // closed by the time the last one was written: handed over
    const incidents::Checklist& kind = incidents::checklist_for(i->kind);
    const std::string what = std::string(en ? kind.en : kind.zh) + " · " + incident_place_label(*i, s.master_data());
    const std::string when = short_time(i->started_ms, m.offset);
    out.push_back({ItemKind::incident, i->id, 0, !i->closed(),
                   i->closed() ? format(S::handover_item_incident_closed, what.c_str(), when.c_str(), i->outcome.c_str())
                               : format(S::handover_item_incident_open, what.c_str(), when.c_str())});
  }
}

constexpr Producer kProducers[] = {keys_out, lost_keys, open_findings, tickets_due, model_units, incidents};

}  // namespace

std::vector<HandoverItem> Session::handover_prefill() const {
  Moment m;
  m.now = judging_now();
  m.offset = clock_.utc_offset_minutes();
  m.today = local(m.now).day;
  m.midnight = keys::end_of_local_day(m.now, m.offset) - kDay;
  std::vector<HandoverItem> items;
  for (Producer p : kProducers) p(*this, m, items);
  for (HandoverItem& it : items) it.text = clean_item_text(it.text);
  return items;
}

Result<Id> Session::write_handover(const NewHandover& h) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  const auto me = replica_.data().staff.find(actor_);
  if (me == replica_.data().staff.end()) return error("who", S::err_handover_who);
  if (!looks_signed(h.signature)) return error("signature_required", S::err_handover_signature);
  const std::string signature = encode_signature(h.signature);
  if (signature.size() > kMaxSignature) return error("signature_too_long", S::err_handover_signature_long);
  // The notes keep their lines as written; only a blank one is no note.
  const std::string notes = h.notes.find_first_not_of(" \t\r\n") == std::string::npos ? std::string() : h.notes;
  if (notes.size() > kMaxNotes) return error("notes_too_long", S::err_handover_notes_long);
  std::vector<Id> sorted = h.keys_handed;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return error("key_twice", S::err_loan_key_twice);
  for (const Id& id : h.keys_handed) {
    const KeyRecord* k = key(id);
    if (!k) return error("unknown_key", S::err_key_unknown);
    // Handed over in person: only what the outgoing staff holds themselves.
    if (k->status != keys::KeyStatus::out || k->holder != actor_) {
      return Error{"key_not_held", format(S::err_handover_key_not_held, k->label.c_str())};
    }
  }
  // The items as they read now, frozen in the op; what has no room is counted.
  std::vector<HandoverItem> kept;
  std::size_t total = 0, bytes = 0;
  bool full = false;
  for (const HandoverItem& it : h.items) {
    HandoverItem clean = it;
    clean.text = clean_item_text(it.text);
    if (clean.text.empty() || clean.kind == ItemKind::more) continue;
    ++total;
    const std::size_t line = encode_handover_items({clean}).size() + 1;
    if (full || kept.size() + 1 >= kMaxHandoverItems || bytes + line > kMaxItemsText) {
      full = true;
      continue;
    }
    bytes += line;
    kept.push_back(std::move(clean));
  }
  if (kept.size() < total) {
    kept.push_back({ItemKind::more, Id{}, 0, false, format(S::handover_item_more, static_cast<int>(total - kept.size()))});
  }
  Payload p;
  if (!kept.empty()) p.set(F::handover_items, encode_handover_items(kept));
  p.set(F::item_count, static_cast<std::int64_t>(total));
  if (!notes.empty()) p.set(F::note, notes);
  if (!h.keys_handed.empty()) p.set(F::keys, join_ids(h.keys_handed));
  p.set(F::signature, signature).set(F::at_ms, clock_.now_ms());
  const Id id = Id::random(random_);
  if (Status s = commit({make_op(OpKind::handover_written, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Result<Id> Session::confirm_handover(const Id& id, const Id& incoming, const Signature& signature) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  const Handover* h = handover(id);
  if (!h) return error("unknown_handover", S::err_handover_unknown);
  if (h->confirmed()) {
    const std::string who = staff_name(h->incoming), when = short_time(h->confirmed_ms, clock_.utc_offset_minutes());
    return Error{"already_confirmed", format(S::err_handover_confirmed, who.c_str(), when.c_str())};
  }
  const auto person = replica_.data().staff.find(incoming);
  if (person == replica_.data().staff.end()) return error("unknown_staff", S::err_unknown_staff);
  if (incoming == h->outgoing) return error("own_handover", S::err_handover_own);
  if (has_left(replica_.data().keys, incoming)) return Error{"staff_left", format(S::err_staff_left, person->second.name.c_str())};
  if (!looks_signed(signature)) return error("signature_required", S::err_handover_incoming_signature);
  std::string strokes = encode_signature(signature);
  if (strokes.size() > kMaxSignature) return error("signature_too_long", S::err_handover_signature_long);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::incoming, incoming.to_hex()).set(F::signature, std::move(strokes));
  p.set(F::at_ms, std::max(clock_.now_ms(), h->written_ms));
  const Id event = Id::random(random_);
  if (Status s = commit({make_op(OpKind::handover_confirmed, event, std::move(p))}); !s.ok()) return s.error();
  return event;
}

const Handover* Session::handover(const Id& id) const {
  const auto& m = replica_.data().handovers.handovers;
  auto it = m.find(id);
  return it == m.end() || it->second.written_ms == 0 ? nullptr : &it->second;
}

std::vector<const Handover*> Session::handovers() const {
  std::vector<const Handover*> out;
  for (const auto& [id, h] : replica_.data().handovers.handovers) {
    if (h.written_ms != 0) out.push_back(&h);
  }
  std::sort(out.begin(), out.end(), [](const Handover* a, const Handover* b) {
    return a->written_ms != b->written_ms ? a->written_ms > b->written_ms : a->id > b->id;
  });
  return out;
}

const Handover* Session::last_handover() const {
  const Handover* latest = nullptr;
  for (const auto& [id, h] : replica_.data().handovers.handovers) {
    if (h.written_ms == 0) continue;
    if (!latest || h.written_ms > latest->written_ms || (h.written_ms == latest->written_ms && h.id > latest->id)) latest = &h;
  }
  return latest;
}

std::vector<std::pair<const Handover*, const RefusedConfirmation*>> Session::handover_conflicts() const {
  std::vector<std::pair<const Handover*, const RefusedConfirmation*>> out;
  for (const auto& [id, h] : replica_.data().handovers.handovers) {
    for (const RefusedConfirmation& c : h.refused) out.emplace_back(&h, &c);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second->at_ms != b.second->at_ms ? a.second->at_ms < b.second->at_ms : a.second->id < b.second->id;
  });
  return out;
}

}  // namespace app
