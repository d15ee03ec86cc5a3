#include "app/renovation/renovation_exports.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/domain/csv_fields.hpp"

namespace app::office {
namespace {

using app::i18n::Lang;
using app::i18n::S;

const char* stage_name(app::renovation::Stage s) {
  using app::renovation::Stage;
  static constexpr S kNames[] = {S::reno_stage_applied, S::reno_stage_pre_reviewed, S::reno_stage_approved,
                                 S::reno_stage_fees_paid, S::reno_stage_passes_issued, S::reno_stage_in_progress,
                                 S::reno_stage_completion_checked, S::reno_stage_rechecked, S::reno_stage_refunded};
  return app::i18n::tr(kNames[static_cast<int>(s)], Lang::zh_CN);
}

std::string yuan(std::int64_t cents) {
  char buf[32];
  return std::string(app::renovation::format_yuan(cents, buf));
}

// Renovation applications in archive order of their units: who, which
// contractor, how far, the money held and withheld (notices' deductions and
// lost passes at the default penalty, or the one recorded at the refund), the
// notices, and the re-check (its day once done, else when it is due).
ExportTable export_renovations(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"楼栋"}, {"单元"}, {"房号"}, {"业主"}, {"施工单位"}, {"阶段"}, {"押金（元）", CellType::amount}, {"扣款（元）", CellType::amount},
                     {"违规次数", CellType::number}, {"复查日期", CellType::date}});
  std::map<app::Id, std::vector<const app::Renovation*>> by_unit;
  for (const auto& [id, r] : d.renovation.renovations) {
    if (r.known()) by_unit[r.unit].push_back(&r);
  }
  for (const app::Unit* u : ordered_units(d)) {
    auto it = by_unit.find(u->id);
    if (it == by_unit.end()) continue;
    std::sort(it->second.begin(), it->second.end(), [](const app::Renovation* a, const app::Renovation* b) {
      return std::tie(a->applied_ms, a->id) < std::tie(b->applied_ms, b->id);
    });
    for (const app::Renovation* r : it->second) {
      const bool refunded = r->stage == app::renovation::Stage::refunded;
      const std::int64_t penalty = refunded ? r->penalty_cents : app::renovation::Settings{}.lost_pass_penalty_cents;
      const app::renovation::Refund money = app::renovation::refund_for(r->deposit_cents, r->deductions_cents(), r->lost_passes(), penalty);
      std::string recheck;
      if (r->recheck_ms != 0) recheck = beijing_time(r->recheck_ms).substr(0, 10);
      else if (r->completion_day != 0) recheck = date_text(app::renovation::one_month_after(r->completion_day));
      table.rows.push_back({building_name(d, u->building), u->stairwell, u->number, r->owner, r->contractor, stage_name(r->stage),
                            yuan(money.deposit), yuan(money.deductions + money.penalties),
                            std::to_string(std::count_if(r->notices.begin(), r->notices.end(), [](const auto& n) { return n.known(); })), recheck});
    }
  }
  return table;
}

}  // namespace

void add_renovation_exports(ExportRegistry& registry) { registry.add("renovations", app::i18n::S::export_renovations_title, export_renovations); }

}  // namespace app::office
