#include "app/outages/outages_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/domain/csv_fields.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/outages/outages_data.hpp"
#include "app/outages/outages_labels.hpp"

namespace app::office {
namespace {

// Every notice, by its window: what, why, where, when, and whether and when
// it went up on the boards or was withdrawn. The shared helpers write the BOM
// and make a cell typed like a formula safe (a reason "=…").
ExportTable export_outages(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"开始时间", CellType::datetime}, {"结束时间", CellType::datetime}, {"类别"}, {"影响楼栋"}, {"原因及说明"}, {"发布人"},
                     {"张贴时间", CellType::datetime}, {"张贴人"}, {"撤销时间", CellType::datetime}, {"撤销原因"}},
                    0);
  std::vector<const app::Outage*> list;
  for (const auto& [id, o] : d.outages.notices) {
    if (o.known()) list.push_back(&o);
  }
  std::sort(list.begin(), list.end(), [](const app::Outage* a, const app::Outage* b) { return std::tie(a->from_ms, a->id) < std::tie(b->from_ms, b->id); });
  const auto zh = app::i18n::Lang::zh_CN;
  for (const app::Outage* o : list) {
    std::string buildings;
    for (const app::Id& b : o->buildings) buildings += (buildings.empty() ? "" : "、") + building_name(d, b);
    table.rows.push_back({beijing_time(o->from_ms), beijing_time(o->until_ms), app::i18n::tr(app::outages::kind_label(o->kind), zh), buildings,
                          o->reason, staff_name(d, o->announced_by), o->posted_ms ? beijing_time(o->posted_ms) : std::string(),
                          o->posted_ms ? staff_name(d, o->posted_by) : std::string(),
                          o->cancelled_ms ? beijing_time(o->cancelled_ms) : std::string(), o->cancel_note});
  }
  return table;
}

}  // namespace

void add_outages_exports(ExportRegistry& registry) { registry.add("outages", app::i18n::S::export_outages_title, export_outages); }

}  // namespace app::office
