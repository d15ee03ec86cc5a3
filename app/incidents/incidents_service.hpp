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
  Status record_incident_step(const Id& incident, std::string_view step, std::string_view note = {}, std::int64_t happened_ms = 0);
  Status correct_incident_step(const Id& incident, std::string_view step, std::int64_t happened_ms, std::string_view note = {});
  Status set_incident_place(const Id& incident, const IncidentPlace& where);
  Status add_incident_person(const Id& incident, std::string_view person);
  Status add_incident_note(const Id& incident, std::string_view note);
  Result<Id> add_incident_photo(const Id& incident, std::string_view sha256);
  Status close_incident(const Id& incident, std::string_view outcome);
  const Incident* incident(const Id& id) const;
  std::vector<const Incident*> open_incidents() const;    // newest first
  std::vector<const Incident*> recent_incidents(std::size_t limit = 50) const;  // newest first, closed ones too
  IncidentReport incident_report(const Id& incident) const;  // current language, this tablet's calendar

 private:
  CommandContext& ctx_;
};

}  // namespace app
