#include "app/renovation/renovation_exports.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/i18n/catalogue.hpp"
#include "app/renovation/notice_number.hpp"
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
                                 S::reno_stage_completion_checked, S::reno_stage_rechecked, S::reno_stage_refunded,
                                 S::reno_stage_works_reviewed};
  return app::i18n::tr(kNames[static_cast<int>(s)], Lang::zh_CN);
}

const char* action_name(app::renovation::Action a) {
  using app::renovation::Action;
  switch (a) {
    case Action::rectify_by: return app::i18n::tr(S::reno_action_rectify_by, Lang::zh_CN);
    case Action::deduct_deposit: return app::i18n::tr(S::reno_action_deduct, Lang::zh_CN);
    case Action::expel_contractor: return app::i18n::tr(S::reno_action_expel, Lang::zh_CN);
    case Action::stop_work: break;
  }
  return app::i18n::tr(S::reno_action_stop_work, Lang::zh_CN);
}

// Every action a notice orders, in the manual's order: "停工、限期整改".
std::string actions_text(std::int64_t actions) {
  std::string out;
  for (int k = 0; k <= 3; ++k) {
    const auto a = static_cast<app::renovation::Action>(k);
    if (!(actions & app::renovation::action_bit(a))) continue;
    if (!out.empty()) out += "、";
    out += action_name(a);
  }
  return out;
}

std::string yuan(std::int64_t cents) {
  char buf[32];
  return std::string(app::renovation::format_yuan(cents, buf));
}

// Renovation applications in archive order of their units: who, which
// contractor, how far, the money held and withheld (notices' deductions and
// lost passes at the office's penalty when taken from the deposit, or the one recorded at the refund), the
// notices, and the re-check (its day once done, else when it is due).
ExportTable export_renovations(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"楼栋"}, {"单元"}, {"房号"}, {"业主"}, {"施工单位"}, {"阶段"}, {"保证金（元）", CellType::amount}, {"扣款（元）", CellType::amount},
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
      const std::int64_t penalty = refunded ? r->penalty_cents : app::renovation::deposit_penalty_each(d.renovation.settings);
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

// Every violation notice, oldest first: its number (what the tablet shows and
// the butler reads out), where, which contractor, what was found and ordered,
// who issued it, and its follow-up. Dated by when it was issued.
ExportTable export_notices(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"通知编号"}, {"楼栋"}, {"单元"}, {"房号"}, {"施工单位"}, {"开具时间", CellType::datetime}, {"处理"}, {"违规内容"},
                     {"限期整改", CellType::date}, {"扣款（元）", CellType::amount}, {"开具人"}, {"跟进时间", CellType::datetime}, {"跟进说明"}},
                    5);
  struct Issued {
    const app::Renovation* r;
    const app::ViolationNotice* n;
  };
  std::vector<Issued> notices;
  for (const auto& [id, r] : d.renovation.renovations) {
    for (const app::ViolationNotice& n : r.notices) {
      if (n.known()) notices.push_back({&r, &n});
    }
  }
  std::sort(notices.begin(), notices.end(),
            [](const Issued& a, const Issued& b) { return std::tie(a.n->issued_ms, a.n->id) < std::tie(b.n->issued_ms, b.n->id); });
  for (const Issued& x : notices) {
    const app::ViolationNotice& n = *x.n;
    const auto place = unit_place(d, x.r->unit);
    table.rows.push_back({app::renovation::notice_number(n), place[0], place[1], place[2], x.r->contractor, beijing_time(n.issued_ms),
                          actions_text(n.actions), n.what, date_text(n.rectify_by), n.deduct_cents > 0 ? yuan_text(n.deduct_cents) : std::string(),
                          staff_name(d, n.by), beijing_time(n.followed_ms), n.follow_note});
  }
  return table;
}

}  // namespace

void add_renovation_exports(ExportRegistry& registry) {
  registry.add("renovations", app::i18n::S::export_renovations_title, export_renovations);
  registry.add("notices", app::i18n::S::export_notices_title, export_notices);
}

}  // namespace app::office
