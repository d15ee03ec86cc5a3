#include "app/incidents/incidents_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/domain/csv_fields.hpp"

namespace app::office {
namespace {

// Incidents, oldest first: what, where, when it began and was over (a lift:
// the release; otherwise the close), how long that took, the outcome and who
// reported it (whoever closed it).
ExportTable export_incidents(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"类型"}, {"地点"}, {"开始时间", CellType::datetime}, {"解除时间", CellType::datetime}, {"用时（分钟）", CellType::number},
                     {"处理结果"}, {"报告人"}},
                    2);
  std::vector<const app::Incident*> list;
  for (const auto& [id, i] : d.incidents.incidents) {
    if (i.known()) list.push_back(&i);
  }
  std::sort(list.begin(), list.end(), [](const app::Incident* a, const app::Incident* b) {
    return std::tie(a->started_ms, a->id) < std::tie(b->started_ms, b->id);
  });
  for (const app::Incident* i : list) {
    std::int64_t over = i->closed_ms;
    if (i->kind == app::incidents::Kind::lift_entrapment) {
      const app::IncidentStep* released = i->step(app::incidents::kReleasedStep);
      over = released ? released->happened_ms : 0;
    }
    table.rows.push_back({app::incidents::checklist_for(i->kind).zh, app::incident_place_label(*i, d), beijing_time(i->started_ms),
                          beijing_time(over), over > 0 ? std::to_string(app::whole_minutes(over - i->started_ms)) : std::string(), i->outcome,
                          staff_name(d, i->closed_by.is_nil() ? i->started_by : i->closed_by)});
  }
  return table;
}

}  // namespace

void add_incidents_exports(ExportRegistry& registry) {
  registry.add("incidents", app::i18n::S::export_incidents_title, export_incidents);
}

}  // namespace app::office
