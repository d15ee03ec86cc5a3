// Where the handover form's pre-filled lines come from: one source per
// category, each reading its workflow's service. The Session adds them to
// its HandoverService when it is made; a new category is one more source
// here and one more handover::ItemKind.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "app/core/local_time.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/mail/mail_labels.hpp"
#include "app/outages/outages_labels.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/handover_sources.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {
namespace {

using i18n::S;
using handover::ItemKind;

constexpr std::int64_t kDay = 86400000;

using i18n::format;

using Producer = void (*)(const Session&, const HandoverMoment&, std::vector<HandoverItem>&);

void keys_out(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const KeyOut& k : s.keys().keys_out()) {
    const std::string who = s.keys().key_holder_name(k), due = short_local(k.due_ms, m.offset);
    out.push_back({ItemKind::key_out, k.key->id, k.due_ms, k.overdue,
                   format(k.overdue ? S::handover_item_key_overdue : S::handover_item_key_out, k.key->label.c_str(), who.c_str(), due.c_str())});
  }
}

void lost_keys(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const KeyRecord* k : s.keys().lost_keys()) {
    std::int64_t since = 0;
    for (const KeyEvent* e : s.keys().key_events_of(k->id)) {
      if (e->id == k->lost_report) since = e->at_ms;
    }
    out.push_back({ItemKind::key_lost, k->id, 0, false, format(S::handover_item_key_lost, k->label.c_str(), short_local(since, m.offset).c_str())});
  }
}

void open_findings(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const Finding* f : s.rounds().open_findings()) {
    const std::string what = s.rounds().finding_label(*f, i18n::current_language());
    out.push_back({ItemKind::open_finding, f->id, 0, false, format(S::handover_item_finding, what.c_str(), short_local(f->opened_ms, m.offset).c_str())});
  }
}

// "T3-0042 3栋1502 王先生 · 漏水": the number first, as the next shift will quote it.
std::string ticket_text(const std::unordered_map<Id, const UnitRow*, IdHash>& units, const Ticket& t) {
  std::string out = tickets::ticket_number(t) + " ";
  if (auto u = units.find(t.unit); u != units.end()) out += u->second->label + " ";
  if (!t.owner.empty()) out += t.owner + " · ";
  return out + t.what;
}

// Tickets past a deadline, tickets whose next deadline falls within the
// next shift (what it is: 派单, 到场…), and callbacks due by the end of today
// (those past theirs are overdue too): the next shift's to chase.
void tickets_due(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  std::unordered_map<Id, const UnitRow*, IdHash> units;
  for (const UnitRow& u : s.estate().unit_rows()) units.emplace(u.id, &u);
  for (const Ticket* t : s.tickets().open_tickets()) {
    const auto due = s.tickets().next_due(*t);  // when, and which deadline it is
    if (!due) continue;
    const std::optional<std::int64_t> next = due->at;
    const bool overdue = m.now > *next;
    const std::string when = short_local(*next, m.offset), what = ticket_text(units, *t);
    if (t->status == tickets::Status::done && t->owes_callback()) {
      if (*next <= m.midnight + kDay) out.push_back({ItemKind::callback_due, t->id, *next, overdue, format(S::handover_item_callback, what.c_str(), when.c_str())});
    } else if (overdue) {
      out.push_back({ItemKind::overdue_ticket, t->id, *next, true, format(S::handover_item_ticket_overdue, what.c_str(), when.c_str())});
    } else if (*next <= m.next_shift_end) {
      const char* kind = i18n::tr(tickets::deadline_label(due->kind));
      out.push_back({ItemKind::ticket_due, t->id, *next, false, format(S::handover_item_ticket_due, what.c_str(), kind, when.c_str())});
    }
  }
}

const DutyLine* duty_line(const std::vector<DutyLine>& lines, schedule::Duty duty) {
  for (const DutyLine& l : lines) {
    if (l.duty == duty) return &l;
  }
  return nullptr;
}

// The late shift closes the model units (20:00, or the community's own hour): until today's closing round
// is done, it is an open item; and a closing missed last night is one until
// someone has been in this morning (today's opening round).
void model_units(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  using schedule::DutyOutcome;
  for (const ZoneRow& z : s.estate().zone_rows()) {
    const std::vector<DutyLine> today = s.rounds().duties_of(z.id, m.today);
    const DutyLine* close = duty_line(today, schedule::Duty::model_close);
    if (!close) continue;  // no model units in this zone
    if (close->outcome != DutyOutcome::done && close->outcome != DutyOutcome::done_late) {
      const schedule::DutyWindow& w = close->window;
      const std::int64_t due = m.midnight + static_cast<std::int64_t>(w.end_minute) * 60000;
      char hhmm[6];
      schedule::format_hhmm(w.end_minute, hhmm);
      out.push_back({ItemKind::model_unit_open, z.id, due, close->outcome == DutyOutcome::late,
                     format(S::handover_item_model_open, z.name.c_str(), hhmm)});
    }
    const DutyLine* opened = duty_line(today, schedule::Duty::model_open);
    const bool visited = opened && opened->round;
    const std::vector<DutyLine> yesterday = s.rounds().duties_of(z.id, add_days(m.today, -1));
    const DutyLine* last_night = duty_line(yesterday, schedule::Duty::model_close);
    // Not closed last night: never walked, or walked in the morning, or left unfinished.
    const bool not_closed = last_night && (last_night->outcome == DutyOutcome::missed || last_night->outcome == DutyOutcome::outside ||
                                           last_night->outcome == DutyOutcome::incomplete);
    if (not_closed && !visited) {
      out.push_back({ItemKind::model_unit_open, z.id, m.midnight, true, format(S::handover_item_model_missed, z.name.c_str())});
    }
  }
}

// The incidents of the shift (lift entrapment, leaks, fire…): every one still
// open, and those closed since the last handover was written (before the
// first handover, the last 12 hours).
void shift_incidents(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  const Handover* last = s.handover().last_handover();
  const std::int64_t since = last ? last->written_ms : m.now - kDay / 2;
  const bool en = i18n::current_language() == i18n::Lang::en;
  for (const Incident* i : s.incidents().recent_incidents(500)) {
    if (i->closed() && i->closed_ms <= since) continue;  // closed by the time the last one was written: handed over
    const incidents::Checklist& kind = incidents::checklist_for(i->kind);
    const std::string what = std::string(en ? kind.en : kind.zh) + " · " + incident_place_label(*i, s.master_data());
    const std::string when = short_local(i->started_ms, m.offset);
    out.push_back({ItemKind::incident, i->id, 0, !i->closed(),
                   i->closed() ? format(S::handover_item_incident_closed, what.c_str(), when.c_str(), i->outcome.c_str())
                               : format(S::handover_item_incident_open, what.c_str(), when.c_str())});
  }
}

// Mail still at the front desk, oldest first: each item with its unit and the
// day it came; a call due (001: two days uncollected) is overdue, with its due time.
void mail_waiting(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const MailItem* item : s.mail().waiting()) {
    const UnitRow* unit = s.estate().unit_row(item->unit);
    const std::string where = unit ? unit->label : std::string();
    const std::string what = std::string(i18n::tr(mail::kind_label(item->kind))) + (item->tracking.empty() ? "" : " " + item->tracking);
    const bool call = s.mail().call_due(*item);
    out.push_back({ItemKind::mail_waiting, item->id, call ? s.mail().call_due_ms(*item) : 0, call,
                   format(call ? S::handover_item_mail_call : S::handover_item_mail, where.c_str(), what.c_str(),
                          short_local(item->received_ms, m.offset).c_str())});
  }
}

// Visitors still in (接待来访, 000:337), oldest first: who, what for, since when —
// the next shift knows who is in the building and waiting.
void visitors_in(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const VisitorRecord* v : s.visitors().in_now()) {
    out.push_back({ItemKind::visitor_in, v->id, 0, false,
                   format(S::handover_item_visitor, v->name.c_str(), v->purpose.c_str(), short_local(v->arrived_ms, m.offset).c_str())});
  }
}

// Water or power off now or within a day: the next shift answers the calls about it.
void outages_on(const Session& s, const HandoverMoment& m, std::vector<HandoverItem>& out) {
  for (const Outage* o : s.outages().on_today()) {
    std::string where;
    for (const Id& b : o->buildings) {
      auto it = s.master_data().buildings.find(b);
      if (it != s.master_data().buildings.end()) where += (where.empty() ? "" : "、") + it->second.name;
    }
    const std::string when = short_local(o->from_ms, m.offset) + "–" + short_local(o->until_ms, m.offset);
    out.push_back({ItemKind::outage, o->id, 0, false,
                   format(S::handover_item_outage, i18n::tr(outages::kind_label(o->kind)), where.c_str(), when.c_str())});
  }
}

constexpr Producer kProducers[] = {keys_out, lost_keys, open_findings, tickets_due, model_units, shift_incidents, mail_waiting, visitors_in, outages_on};

}  // namespace

void add_handover_sources(const Session& session, HandoverService& handover) {
  for (Producer p : kProducers) {
    handover.add_prefill_source([&session, p](const HandoverMoment& m, std::vector<HandoverItem>& out) { p(session, m, out); });
  }
}

}  // namespace app
