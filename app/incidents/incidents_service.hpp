#pragma once
// app::IncidentsService: emergencies (应急) — one tap starts one, each checklist
// step is stamped as it is done (with a stated time when the butler records it
// afterwards), people, notes and photos are added, and it closes with an
// outcome; the report is incident_report.hpp. Refusals come back in the
// catalogue's language; times are this tablet's wall clock. Reached as
// session.incidents().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/incidents/incident_requests.hpp"
#include "app/incidents/incident_report.hpp"

namespace app {

class IncidentsService {
 public:
  explicit IncidentsService(CommandContext& ctx) : ctx_(ctx) {}
  IncidentsService(const IncidentsService&) = delete;
  IncidentsService& operator=(const IncidentsService&) = delete;

  // Incidents: one tap starts one; steps, people, notes and photos are added as they happen.
  Result<Id> start_incident(const NewIncident& incident);
  // The lift call (kLiftCallStep) needs `details`' name and arrival time; telling the
  // trapped people (kTrappedToldStep) needs a person named and the arrival time
  // (the call's, when not given).
  Status record_incident_step(const Id& incident, std::string_view step, std::string_view note = {}, std::int64_t happened_ms = 0,
                              const StepDetails& details = {});
  Status correct_incident_step(const Id& incident, std::string_view step, std::int64_t happened_ms, std::string_view note = {});
  Status set_incident_place(const Id& incident, const IncidentPlace& where);
  Status add_incident_person(const Id& incident, std::string_view person);
  Status add_incident_note(const Id& incident, std::string_view note);
  Result<Id> add_incident_photo(const Id& incident, std::string_view sha256);
  // Files the 特别事件报告 (anyone on duty) or, for a lift entrapment, the
  // 重大事故报告表 (the manager only: 000:819's 部门经理). Refuses: unknown or
  // closed incident, no account, the major form for another kind, the wrong role.
  Result<Id> file_incident_report(const Id& incident, incidents::ReportForm form, std::string_view text);
  bool may_file_major_report() const;  // the manager is signed in
  // Refuses: closed, no outcome, no place, a step it cannot close without, no
  // 特别事件报告 filed (001), a lift without a 重大事故报告表 filed by the manager (000:819).
  Status close_incident(const Id& incident, std::string_view outcome);
  const Incident* incident(const Id& id) const;
  std::vector<const Incident*> open_incidents() const;    // newest first
  std::vector<const Incident*> recent_incidents(std::size_t limit = 50) const;  // newest first, closed ones too
  IncidentReport incident_report(const Id& incident) const;  // current language, this tablet's calendar

 private:
  CommandContext& ctx_;
};

}  // namespace app
