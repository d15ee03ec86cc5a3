// The rounds' office exports: rounds.csv and findings.csv.
#include "app/rounds/rounds_exports.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/domain/csv_fields.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/route.hpp"
#include "app/core/local_time.hpp"
#include "app/schedule/daily_duties.hpp"

namespace app::office {
namespace {

const char* round_kind_text(app::RoundKind k) {
  switch (k) {
    case app::RoundKind::zone: return "责任区巡查";
    case app::RoundKind::units: return "空置房、装修房巡楼";
    case app::RoundKind::model_open: return "样板间开启";
    case app::RoundKind::model_close: return "样板间关闭";
    case app::RoundKind::gate: return "大门迎宾签到";
  }
  return "";
}

// "时段外" when the round was started before its duty's window opened (the
// evening closing walked in the morning), as Today and supervision judge it.
const char* window_text(const app::MasterData& d, const app::Round& r) {
  if (r.started_ms == 0) return "";
  const app::schedule::DutyWindow w = app::schedule::window_of_kind(r.kind, d.setup.hours);
  const app::LocalTime t = app::local_time(r.started_ms, 8 * 60);  // the office's clock: Beijing
  return t.day == r.day && t.minute < w.start_minute ? "时段外" : "时段内";
}

// Routes built once per export: (zone, kind, the route a round pinned) → stops.
class Routes {
 public:
  explicit Routes(const app::MasterData& d) : d_(d), views_(app::build_views(d)) {}
  const std::vector<app::RouteStop>& of(const app::Round& r) {
    auto key = std::make_tuple(r.zone, static_cast<int>(r.kind), app::join_ids(r.route));
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, app::build_route(d_, views_, r.zone, r.kind, nullptr, &r.route)).first;
    return it->second;
  }

 private:
  const app::MasterData& d_;
  app::Views views_;
  std::map<std::tuple<app::Id, int, std::string>, std::vector<app::RouteStop>> cache_;
};
// Rounds, newest day first: who walked which zone (and what kind of round),
// when, and what was found.
ExportTable export_rounds(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"日期", CellType::date}, {"责任区"}, {"类型"}, {"管家"}, {"开始时间", CellType::datetime}, {"结束时间", CellType::datetime},
                     {"巡查点", CellType::number}, {"已查巡查点", CellType::number}, {"不合格项", CellType::number},
                     {"问题", CellType::number}, {"完成情况"}, {"未查巡查点"}, {"未完成原因"}, {"开始时段"}},
                    0);
  std::vector<const app::Round*> rounds;
  for (const auto& [id, r] : d.rounds.rounds) {
    if (!r.zone.is_nil()) rounds.push_back(&r);
  }
  std::sort(rounds.begin(), rounds.end(), [](const app::Round* a, const app::Round* b) {
    return std::tie(b->day, a->started_ms, a->id) < std::tie(a->day, b->started_ms, b->id);
  });
  Routes routes(d);
  for (const app::Round* r : rounds) {
    int checkpoints = 0, checked = 0, failed = 0, findings = 0;
    std::string unchecked;
    for (const app::RouteStop& stop : routes.of(*r)) {
      ++checkpoints;
      const auto& t = *stop.checklist;
      int answered = 0;
      for (std::size_t i = 0; i < t.items.size(); ++i) {
        auto a = d.rounds.answers.find(app::answer_id(r->id, stop.id, static_cast<std::int64_t>(i)));
        if (a == d.rounds.answers.end()) continue;
        ++answered;
        if (a->second.result == app::ItemResult::fail) ++failed;
      }
      if (answered > 0 && answered >= static_cast<int>(t.items.size())) ++checked;
      else unchecked += (unchecked.empty() ? "" : "、") + stop.label();
    }
    // A round finished with checkpoints unchecked is incomplete, never "完成".
    const char* state = r->finished_ms == 0 ? "进行中" : checked < checkpoints ? "未完成" : "完成";
    for (const auto& [id, f] : d.rounds.findings) findings += f.round == r->id ? 1 : 0;
    table.rows.push_back({date_text(r->day), zone_name(d, r->zone), round_kind_text(r->kind), staff_name(d, r->butler),
                          beijing_time(r->started_ms), beijing_time(r->finished_ms), std::to_string(checkpoints), std::to_string(checked),
                          std::to_string(failed), std::to_string(findings), state, r->finished_ms == 0 ? std::string() : unchecked,
                          r->finish_note, window_text(d, *r)});
  }
  return table;
}

// Findings, oldest first: where, what, how it was handled, and whether the fix was verified.
ExportTable export_findings(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  ExportTable table({{"发现时间", CellType::datetime}, {"责任区"}, {"楼栋"}, {"巡查点"}, {"检查项"}, {"问题描述"}, {"处理方式"},
                     {"通知/派往"}, {"发现人"}, {"状态"}, {"核实时间", CellType::datetime}, {"核实说明"}, {"照片", CellType::number}},
                    0);
  std::vector<const app::Finding*> findings;
  for (const auto& [id, f] : d.rounds.findings) {
    if (f.opened_ms != 0) findings.push_back(&f);
  }
  std::sort(findings.begin(), findings.end(), [](const app::Finding* a, const app::Finding* b) {
    return std::tie(a->opened_ms, a->id) < std::tie(b->opened_ms, b->id);
  });
  Routes routes(d);
  for (const app::Finding* f : findings) {
    std::string zone, building, checkpoint, item;
    if (auto r = d.rounds.rounds.find(f->round); r != d.rounds.rounds.end()) {
      zone = zone_name(d, r->second.zone);
      for (const app::RouteStop& stop : routes.of(r->second)) {
        if (stop.id != f->checkpoint) continue;
        building = stop.place;
        checkpoint = stop.name;
        const auto& t = *stop.checklist;
        if (f->item >= 0 && f->item < static_cast<std::int64_t>(t.items.size())) item = t.items[static_cast<std::size_t>(f->item)].zh;
      }
    }
    int photos = 0;
    for (const auto& [id, p] : d.photos) photos += p.subject == f->id ? 1 : 0;
    table.rows.push_back({beijing_time(f->opened_ms), zone, building, checkpoint, item, f->note, f->urgent ? "紧急上报" : "派单",
                          f->urgent ? f->told : f->department, staff_name(d, f->opened_by), f->open() ? "待核实" : "已核实",
                          beijing_time(f->verified_ms), f->verify_note, std::to_string(photos)});
  }
  return table;
}

}  // namespace

void add_rounds_exports(ExportRegistry& registry) {
  registry.add("rounds", app::i18n::S::export_rounds_title, export_rounds);
  registry.add("findings", app::i18n::S::export_findings_title, export_findings);
}

}  // namespace app::office
