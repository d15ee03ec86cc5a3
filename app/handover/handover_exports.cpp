#include "app/handover/handover_exports.hpp"

#include <algorithm>
#include <tuple>

#include "app/domain/csv_fields.hpp"

namespace app::office {
namespace {

// 交接班记录: who handed over to whom, when, and how many items it held.
ExportTable export_handovers(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"交班人"}, {"接班人"}, {"交班时间", CellType::datetime}, {"接班确认时间", CellType::datetime}, {"事项数", CellType::number},
                     {"备注"}},
                    2);
  std::vector<const app::Handover*> handovers;
  for (const auto& [id, h] : d.handover.handovers) {
    if (h.written_ms != 0) handovers.push_back(&h);
  }
  std::sort(handovers.begin(), handovers.end(), [](const app::Handover* a, const app::Handover* b) {
    return std::tie(a->written_ms, a->id) < std::tie(b->written_ms, b->id);
  });
  for (const app::Handover* h : handovers) {
    table.rows.push_back({staff_name(d, h->outgoing), h->confirmed() ? staff_name(d, h->incoming) : std::string(), beijing_time(h->written_ms),
                          beijing_time(h->confirmed_ms), std::to_string(h->item_count), h->notes});
  }
  return table;
}

}  // namespace

void add_handover_exports(ExportRegistry& registry) { registry.add("handovers", app::i18n::S::export_handovers_title, export_handovers); }

}  // namespace app::office
