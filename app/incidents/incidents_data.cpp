#include "app/incidents/incidents_data.hpp"

#include "app/ops/payload_fold.hpp"
#include <algorithm>

namespace app {
namespace {

// Where it happened: any of these may come with the start or later (LWW).
void set_place(const Payload& p, Incident& i) {
  set_id(p, F::unit, i.unit);
  set_id(p, F::building, i.building);
  set_text(p, F::place, i.place);
  set_text(p, F::lift_number, i.lift_number);
  set_text(p, F::lift_location, i.lift_location);
  if (auto f = p.number(F::floor)) {
    i.lift_floor = *f;
    i.has_lift_floor = true;
  }
}

Incident* parent_of(IncidentsData& d, const Payload& p) {
  Id id;
  if (auto parent = p.text(F::parent); !parent || !Id::from_hex(*parent, &id)) return nullptr;
  Incident& i = d.incidents[id];
  i.id = id;
  return &i;
}

void record_step(Incident& i, const Op& op) {
  const Payload& p = op.payload;
  IncidentStep s;
  s.id = op.entity;
  s.by = op.actor;
  set_text(p, F::step, s.key);
  set_text(p, F::note, s.note);
  s.at_ms = p.number(F::at_ms).value_or(0);
  s.happened_ms = p.number(F::happened_ms).value_or(s.at_ms);
  s.corrected = p.number(F::corrects).value_or(0) == 1;
  set_text(p, F::contact_name, s.contact_name);
  set_number(p, F::expected_arrival_ms, s.expected_arrival_ms);
  auto it = std::find_if(i.steps.begin(), i.steps.end(), [&](const IncidentStep& e) { return e.key == s.key; });
  if (it == i.steps.end()) {
    i.steps.push_back(std::move(s));
    return;
  }
  if (s.corrected) {
    // A correction names the step's true time; the earlier record's author stays who did it.
    it->happened_ms = s.happened_ms;
    if (!s.note.empty()) it->note = s.note;
    it->corrected = true;
    return;
  }
  // Two tablets did the same step: the earlier time is when it was done. A
  // correction already made is the butler's word and stands.
  if (!it->corrected && s.happened_ms < it->happened_ms) *it = std::move(s);
}

void close(Incident& i, const Op& op) {
  const Payload& p = op.payload;
  const std::int64_t at = p.number(F::at_ms).value_or(0);
  std::string outcome(p.text(F::incident_outcome).value_or(""));
  // The first close (by its time, then fold order) is the outcome; another
  // tablet's close is kept as a note, never dropped.
  if (i.closed() && at >= i.closed_ms) {
    if (outcome != i.outcome) i.notes.push_back({op.entity, op.actor, at, std::move(outcome)});
    return;
  }
  if (i.closed() && i.outcome != outcome) i.notes.push_back({i.id, i.closed_by, i.closed_ms, i.outcome});
  i.closed_ms = at;
  i.closed_by = op.actor;
  i.outcome = std::move(outcome);
}

}  // namespace

const FiledReport* Incident::report(incidents::ReportForm form) const {
  for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
    if (it->form == form) return &*it;
  }
  return nullptr;
}

const IncidentStep* Incident::step(std::string_view key) const {
  for (const IncidentStep& s : steps) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

void apply_incidents(IncidentsData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::incident_started: {
      Incident& i = d.incidents[op.entity];
      i.id = op.entity;
      i.started_by = op.actor;
      if (auto k = p.number(F::incident_kind); k && incidents::is_kind(*k)) i.kind = static_cast<incidents::Kind>(*k);
      i.started_ms = p.number(F::happened_ms).value_or(p.number(F::at_ms).value_or(0));
      set_place(p, i);
      if (auto note = p.text(F::note); note && !note->empty()) i.notes.push_back({op.entity, op.actor, i.started_ms, std::string(*note)});
      break;
    }
    case OpKind::incident_step:
      if (Incident* i = parent_of(d, p)) record_step(*i, op);
      break;
    case OpKind::incident_noted: {
      Incident* i = parent_of(d, p);
      if (!i) break;
      set_place(p, *i);
      if (auto person = p.text(F::person); person && !person->empty() &&
                                            std::find(i->people.begin(), i->people.end(), *person) == i->people.end()) {
        i->people.emplace_back(*person);
      }
      if (auto note = p.text(F::note); note && !note->empty()) {
        i->notes.push_back({op.entity, op.actor, p.number(F::at_ms).value_or(0), std::string(*note)});
      }
      break;
    }
    case OpKind::incident_closed:
      if (Incident* i = parent_of(d, p)) close(*i, op);
      break;
    case OpKind::incident_report_filed: {
      Incident* i = parent_of(d, p);
      auto form = p.number(F::report_form);
      if (!i || !form || !incidents::is_report_form(*form)) break;
      i->reports.push_back({op.entity, op.actor, static_cast<incidents::ReportForm>(*form), p.number(F::at_ms).value_or(0),
                            std::string(p.text(F::note).value_or(""))});
      break;
    }
    default:
      break;
  }
}

namespace incidents {

std::optional<std::int64_t> elapsed_ms(const Incident& i, std::string_view step) {
  const IncidentStep* s = i.step(step);
  if (!s || !i.known()) return std::nullopt;
  return s->happened_ms - i.started_ms;
}

std::optional<std::int64_t> time_to_rescue_ms(const Incident& i) {
  if (i.kind != Kind::lift_entrapment) return std::nullopt;
  return elapsed_ms(i, kReleasedStep);
}

}  // namespace incidents

}  // namespace app
