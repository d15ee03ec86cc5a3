// IncidentsService's commands and queries (incidents_service.hpp).
#include <algorithm>

#include "app/core/text.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/incidents/incidents_service.hpp"
#include "app/domain/command_errors.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

constexpr std::int64_t kClockSlackMs = 60000;  // a stated time a minute ahead is the tablets' clocks, not the future

void put_place(Payload& p, const IncidentPlace& w) {
  if (!w.unit.is_nil()) p.set(F::unit, w.unit.to_hex());
  if (!w.building.is_nil()) p.set(F::building, w.building.to_hex());
  if (!w.place.empty()) p.set(F::place, w.place);
  if (!w.lift_number.empty()) p.set(F::lift_number, w.lift_number);
  if (!w.lift_location.empty()) p.set(F::lift_location, w.lift_location);
  if (w.lift_floor) p.set(F::floor, *w.lift_floor);
}

bool has_place(const Incident& i) {
  return !i.unit.is_nil() || !i.building.is_nil() || !i.place.empty() || !i.lift_location.empty() || !i.lift_number.empty();
}

}  // namespace

Result<Id> IncidentsService::start_incident(const NewIncident& n) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const MasterData& d = ctx_.data();
  if (!n.where.unit.is_nil() && !d.units.count(n.where.unit)) return error("unknown_unit", S::err_unknown_unit);
  if (!n.where.building.is_nil() && !d.buildings.count(n.where.building)) return error("unknown_building", S::err_unknown_building);
  if (n.where.lift_floor && (*n.where.lift_floor < -10 || *n.where.lift_floor > 300)) return error("bad_floor", S::err_incident_place);
  const std::int64_t now = ctx_.now_ms();
  if (n.happened_ms > now + kClockSlackMs) return error("time_in_future", S::err_incident_time_future);
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::incident_kind, static_cast<std::int64_t>(n.kind));
  put_place(p, n.where);
  if (!n.note.empty()) p.set(F::note, n.note);
  if (n.happened_ms > 0 && n.happened_ms < now) p.set(F::happened_ms, n.happened_ms);
  p.set(F::at_ms, now);
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::incident_started, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status IncidentsService::record_incident_step(const Id& id, std::string_view step, std::string_view note, std::int64_t happened_ms,
                                              const StepDetails& details) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (!incidents::find_step(i->kind, step)) return error("unknown_step", S::err_incident_unknown_step);
  if (i->step(step)) return error("step_done", S::err_incident_step_done);
  const std::int64_t now = ctx_.now_ms();
  if (happened_ms > 0 && happened_ms < i->started_ms) return error("before_start", S::err_incident_time_before_start);
  if (happened_ms > now + kClockSlackMs) return error("time_in_future", S::err_incident_time_future);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::step, std::string(step));
  if (step == incidents::kLiftCallStep) {
    // 001 "須詢問對方姓名、預計可到達現場時間": both, or the call is not recorded.
    if (details.contact_name.empty() || details.expected_arrival_ms <= 0) return error("call_details", S::err_incident_lift_call);
    p.set(F::contact_name, details.contact_name).set(F::expected_arrival_ms, details.expected_arrival_ms);
  } else if (step == incidents::kTrappedToldStep) {
    // Their names asked (recorded as people) and the time told: the one given, else the call's.
    const IncidentStep* call = i->step(incidents::kLiftCallStep);
    const std::int64_t arrival = details.expected_arrival_ms > 0 ? details.expected_arrival_ms : call ? call->expected_arrival_ms : 0;
    if (i->people.empty() || arrival <= 0) return error("trapped_names", S::err_incident_trapped_names);
    p.set(F::expected_arrival_ms, arrival);
  }
  if (!note.empty()) p.set(F::note, std::string(note));
  if (happened_ms > 0) p.set(F::happened_ms, happened_ms);
  // A clock behind the start (another tablet started it) must not make the step come first.
  p.set(F::at_ms, std::max(now, i->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::incident_step, ctx_.new_id(), std::move(p))});
}

Status IncidentsService::correct_incident_step(const Id& id, std::string_view step, std::int64_t happened_ms, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (!incidents::find_step(i->kind, step)) return error("unknown_step", S::err_incident_unknown_step);
  if (!i->step(step)) return error("step_not_done", S::err_incident_step_not_done);
  const std::int64_t now = ctx_.now_ms();
  if (happened_ms < i->started_ms) return error("before_start", S::err_incident_time_before_start);
  if (happened_ms > now + kClockSlackMs) return error("time_in_future", S::err_incident_time_future);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::step, std::string(step)).set(F::happened_ms, happened_ms).set(F::corrects, 1);
  if (!note.empty()) p.set(F::note, std::string(note));
  p.set(F::at_ms, std::max(now, i->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::incident_step, ctx_.new_id(), std::move(p))});
}

Status IncidentsService::set_incident_place(const Id& id, const IncidentPlace& w) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (w.empty()) return error("place_required", S::err_incident_place);
  const MasterData& d = ctx_.data();
  if (!w.unit.is_nil() && !d.units.count(w.unit)) return error("unknown_unit", S::err_unknown_unit);
  if (!w.building.is_nil() && !d.buildings.count(w.building)) return error("unknown_building", S::err_unknown_building);
  if (w.lift_floor && (*w.lift_floor < -10 || *w.lift_floor > 300)) return error("bad_floor", S::err_incident_place);
  Payload p;
  p.set(F::parent, id.to_hex());
  put_place(p, w);
  p.set(F::at_ms, std::max(ctx_.now_ms(), i->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::incident_noted, ctx_.new_id(), std::move(p))});
}

Status IncidentsService::add_incident_person(const Id& id, std::string_view person) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (person.empty()) return error("person_required", S::err_incident_person);
  if (std::find(i->people.begin(), i->people.end(), person) != i->people.end()) return error("person_known", S::err_incident_person_known);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::person, std::string(person)).set(F::at_ms, std::max(ctx_.now_ms(), i->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::incident_noted, ctx_.new_id(), std::move(p))});
}

Status IncidentsService::add_incident_note(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (note.empty()) return error("note_required", S::err_incident_note);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::note, std::string(note)).set(F::at_ms, std::max(ctx_.now_ms(), i->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::incident_noted, ctx_.new_id(), std::move(p))});
}

Result<Id> IncidentsService::add_incident_photo(const Id& id, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!incident(id)) return error("unknown_incident", S::err_unknown_incident);
  return ctx_.add_photo(id, sha256);
}

Status IncidentsService::close_incident(const Id& id, std::string_view outcome) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (i->closed()) return error("closed", S::err_incident_closed);
  if (outcome.empty()) return error("outcome_required", S::err_incident_outcome);
  if (!has_place(*i)) return error("place_required", S::err_incident_place);
  // The report must say what the checklist cannot do without (a lift: the release and its time).
  for (const incidents::StepDef& s : incidents::checklist_for(i->kind).steps) {
    if (s.needed_to_close && !i->step(s.key)) {
      const bool en = i18n::current_language() == i18n::Lang::en;
      return Error{"step_required", std::string(i18n::tr(S::err_incident_needs_step)) + (en ? s.en : s.zh)};
    }
  }
  // 001 "以上緊急事件處理完成後均須由當班人填寫《特別事件報告》上報辦公室備案。"
  if (!i->report(incidents::ReportForm::special)) return error("special_report_required", S::err_incident_needs_special_report);
  // 000:819 "10.1.4.3 部门经理填写重大事故报告表": filed by the right role (its
  // author's role here, so a filing that slipped past the rule still does not count).
  if (incidents::needs_major_report(i->kind)) {
    const FiledReport* major = i->report(incidents::ReportForm::major);
    const Staff* by = major ? ctx_.staff(major->by) : nullptr;
    if (!by || !incidents::may_file_report(incidents::ReportForm::major, static_cast<std::int64_t>(by->role))) {
      return error("major_report_required", S::err_incident_needs_major_report);
    }
  }
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::incident_outcome, std::string(outcome));
  // Not before the last step: a report never ends before what it lists.
  std::int64_t at = std::max(ctx_.now_ms(), i->started_ms);
  for (const IncidentStep& s : i->steps) at = std::max(at, s.at_ms);
  p.set(F::at_ms, at);
  return ctx_.commit({ctx_.make_op(OpKind::incident_closed, ctx_.new_id(), std::move(p))});
}

Result<Id> IncidentsService::file_incident_report(const Id& id, incidents::ReportForm form, std::string_view text) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Incident* i = incident(id);
  if (!i) return error("unknown_incident", S::err_unknown_incident);
  if (i->closed()) return error("closed", S::err_incident_closed);
  if (form == incidents::ReportForm::major && !incidents::needs_major_report(i->kind)) {
    return error("no_major_report", S::err_incident_major_not_lift);
  }
  const Staff* me = ctx_.actor_staff();
  if (!me || !incidents::may_file_report(form, static_cast<std::int64_t>(me->role))) {
    return error("not_allowed", S::err_incident_major_report_role);
  }
  std::string words = trimmed(text);
  if (words.empty()) return error("report_text", S::err_incident_report_text);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::report_form, static_cast<std::int64_t>(form)).set(F::note, std::move(words));
  p.set(F::at_ms, std::max(ctx_.now_ms(), i->started_ms));
  const Id filing = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::incident_report_filed, filing, std::move(p))}); !s.ok()) return s.error();
  return filing;
}

bool IncidentsService::may_file_major_report() const {
  const Staff* me = ctx_.actor_staff();
  return me && incidents::may_file_report(incidents::ReportForm::major, static_cast<std::int64_t>(me->role));
}

const Incident* IncidentsService::incident(const Id& id) const {
  auto it = ctx_.data().incidents.incidents.find(id);
  return it == ctx_.data().incidents.incidents.end() || !it->second.known() ? nullptr : &it->second;
}

std::vector<const Incident*> IncidentsService::recent_incidents(std::size_t limit) const {
  std::vector<const Incident*> out;
  for (const auto& [id, i] : ctx_.data().incidents.incidents) {
    if (i.known()) out.push_back(&i);
  }
  std::sort(out.begin(), out.end(), [](const Incident* a, const Incident* b) {
    return a->started_ms != b->started_ms ? a->started_ms > b->started_ms : a->id < b->id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<const Incident*> IncidentsService::open_incidents() const {
  std::vector<const Incident*> out = recent_incidents(SIZE_MAX);
  out.erase(std::remove_if(out.begin(), out.end(), [](const Incident* i) { return i->closed(); }), out.end());
  return out;
}

IncidentReport IncidentsService::incident_report(const Id& id) const {
  const Incident* i = incident(id);
  if (!i) return {};
  return make_incident_report(*i, ctx_.data(), i18n::current_language(), ctx_.utc_offset_minutes());
}

}  // namespace app
