#pragma once
// Incidents as folded state. An incident grows by union: each checklist step
// done is its own op, so two tablets recording the same emergency offline
// merge their steps; the same step recorded twice keeps the earlier time
// (ties: the first in fold order), unless one of them is a deliberate
// correction, which replaces it (the later correction in fold order wins).
// People, notes and photos only grow. Every replica folds the same op set to
// the same incident, whatever order the ops came in.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/ops/op.hpp"

namespace app {

struct IncidentStep {
  Id id, by;                     // id: the op's entity
  std::string key, note;
  std::int64_t at_ms = 0;        // when it was recorded (the tap)
  std::int64_t happened_ms = 0;  // when it counts as done: the butler's stated time, else at_ms
  bool corrected = false;
  std::string contact_name;            // the lift call: who took it (001 須詢問對方姓名)
  std::int64_t expected_arrival_ms = 0;  // the time given for help to arrive (0: none)
  bool operator==(const IncidentStep&) const = default;
};

struct IncidentNote {
  Id id, by;
  std::int64_t at_ms = 0;
  std::string text;
  bool operator==(const IncidentNote&) const = default;
};

// A report filed on the incident: the 特别事件报告 (001) or, for a lift, the
// 重大事故报告表 (000:819). Filing again replaces the form's account (the
// later filing in fold order); every filing is kept.
struct FiledReport {
  Id id, by;
  incidents::ReportForm form = incidents::ReportForm::special;
  std::int64_t at_ms = 0;
  std::string text;  // 详细记录故障情况及处理经过
  bool operator==(const FiledReport&) const = default;
};

struct Incident {
  Id id, started_by, closed_by, unit, building;
  incidents::Kind kind = incidents::Kind::lift_entrapment;
  std::string place, lift_number, lift_location, outcome;
  std::int64_t lift_floor = 0;
  bool has_lift_floor = false;
  std::int64_t started_ms = 0, closed_ms = 0;
  std::vector<IncidentStep> steps;   // one per key, in the order first recorded
  std::vector<std::string> people;   // without repeats, in the order first named
  std::vector<IncidentNote> notes;   // in fold order (a second close's outcome lands here too)
  std::vector<FiledReport> reports;  // in fold order
  const FiledReport* report(incidents::ReportForm form) const;  // the latest filing of a form; nullptr: none
  bool known() const { return started_ms != 0; }  // its start op has arrived
  bool closed() const { return closed_ms != 0; }
  const IncidentStep* step(std::string_view key) const;
  bool operator==(const Incident&) const = default;
};

struct IncidentsData {
  std::unordered_map<Id, Incident, IdHash> incidents;
  bool operator==(const IncidentsData&) const = default;
};

void apply_incidents(IncidentsData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData, not included here: it is the layer above).
template <class Projection>
void fold_incidents(Projection& d, const Op& op) {
  apply_incidents(d.incidents, op);
}

namespace incidents {
// Time to rescue (lift entrapment): the release's time minus the start.
std::optional<std::int64_t> time_to_rescue_ms(const Incident& i);
// A step's time from the start (for the report); nullopt when not done.
std::optional<std::int64_t> elapsed_ms(const Incident& i, std::string_view step);
}  // namespace incidents

}  // namespace app
