#pragma once
// What the shell hands IncidentsService's commands (incidents_service.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "app/core/id.hpp"
#include "app/incidents/incident_checklists.hpp"

namespace app {

// Where it happened: a unit, a building, or words (地点); a lift's details.
// Empty fields are left as they were (a later call adds what is known then).
struct IncidentPlace {
  Id unit, building;             // nil: none
  std::string place;             // free text, e.g. "地下车库B区"
  std::string lift_number;       // 电梯编号, e.g. "3-2"
  std::string lift_location;     // 具体方位, e.g. "3栋 2单元 东侧客梯"
  std::optional<std::int64_t> lift_floor;  // 停留的楼层
  bool empty() const {
    return unit.is_nil() && building.is_nil() && place.empty() && lift_number.empty() && lift_location.empty() && !lift_floor;
  }
};

// What some steps record besides their time (001's lift call: "須詢問對方姓名、
// 預計可到達現場時間"): who took the call and the time they gave; the trapped
// people are then told that time.
struct StepDetails {
  std::string contact_name;            // the lift call: required
  std::int64_t expected_arrival_ms = 0;  // the lift call and telling the trapped people: required
};

// One tap starts an incident: the kind is enough; everything else may follow.
struct NewIncident {
  incidents::Kind kind = incidents::Kind::lift_entrapment;
  IncidentPlace where;
  std::string note;                // what was reported, as told
  std::int64_t happened_ms = 0;    // > 0: when it began, if earlier than the tap (the alarm came in at 10:00)
};

}  // namespace app
