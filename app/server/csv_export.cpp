#include "app/server/csv_export.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/route.hpp"
#include "app/server/csv_fields.hpp"
#include "app/server/csv_incidents.hpp"
#include "app/server/csv_keys.hpp"
#include "app/server/csv_renovation.hpp"
#include "app/server/csv_tickets.hpp"

namespace server {
namespace {

using app::i18n::Lang;
using app::i18n::S;

const char* status_name(app::UnitStatus s) {
  switch (s) {
    case app::UnitStatus::occupied: return app::i18n::tr(S::unit_occupied, Lang::zh_CN);
    case app::UnitStatus::vacant: return app::i18n::tr(S::unit_vacant, Lang::zh_CN);
    case app::UnitStatus::renovating: return app::i18n::tr(S::unit_renovating, Lang::zh_CN);
    case app::UnitStatus::model: return app::i18n::tr(S::unit_model, Lang::zh_CN);
  }
  return "";
}

CsvRows export_units(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"楼栋", "单元", "房号", "楼层", "状态"}};
  for (const app::Unit* u : ordered_units(d)) {
    rows.push_back({building_name(d, u->building), u->stairwell, u->number, std::to_string(u->floor), status_name(u->status)});
  }
  return rows;
}

CsvRows export_residents(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"姓名", "电话", "楼栋", "单元", "房号", "身份", "职业", "入住日期", "迁出日期"}};
  // Grouped by unit in archive order, owner first, then by name.
  std::vector<const app::Resident*> people;
  for (const auto& [id, r] : d.residents) if (!r.removed) people.push_back(&r);
  std::sort(people.begin(), people.end(), [](const app::Resident* a, const app::Resident* b) {
    return std::tie(a->unit, b->owner, a->name, a->id) < std::tie(b->unit, a->owner, b->name, b->id);
  });
  for (const app::Unit* u : ordered_units(d)) {
    auto first = std::lower_bound(people.begin(), people.end(), u->id,
                                  [](const app::Resident* r, const app::Id& id) { return r->unit < id; });
    for (auto it = first; it != people.end() && (*it)->unit == u->id; ++it) {
      const app::Resident& r = **it;
      rows.push_back({r.name, r.phone, building_name(d, u->building), u->stairwell, u->number,
                      r.owner ? "业主" : "家庭成员", r.occupation, date_text(r.moved_in), date_text(r.moved_out)});
    }
  }
  return rows;
}

// Photos on unit records: where, when, and the blob's name (its SHA-256),
// which /api/v1/blobs/{sha256} serves.
CsvRows export_photos(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"楼栋", "单元", "房号", "拍摄时间", "照片编号（SHA-256）"}};
  std::vector<const app::Photo*> photos;
  for (const auto& [id, p] : d.photos) photos.push_back(&p);
  std::sort(photos.begin(), photos.end(), [](const app::Photo* a, const app::Photo* b) {
    return std::tie(a->subject, a->taken_ms, a->id) < std::tie(b->subject, b->taken_ms, b->id);
  });
  for (const app::Unit* u : ordered_units(d)) {
    auto first = std::lower_bound(photos.begin(), photos.end(), u->id,
                                  [](const app::Photo* p, const app::Id& id) { return p->subject < id; });
    for (auto it = first; it != photos.end() && (*it)->subject == u->id; ++it) {
      rows.push_back({building_name(d, u->building), u->stairwell, u->number, beijing_time((*it)->taken_ms), (*it)->sha256});
    }
  }
  return rows;
}

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

// Routes built once per export: (zone, kind) → stops.
class Routes {
 public:
  explicit Routes(const app::MasterData& d) : d_(d), views_(app::build_views(d)) {}
  const std::vector<app::RouteStop>& of(const app::Round& r) {
    auto key = std::make_pair(r.zone, static_cast<int>(r.kind));
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, app::build_route(d_, views_, r.zone, r.kind)).first;
    return it->second;
  }

 private:
  const app::MasterData& d_;
  app::Views views_;
  std::map<std::pair<app::Id, int>, std::vector<app::RouteStop>> cache_;
};

// Rounds, newest day first: who walked which zone (and what kind of round),
// when, and what was found.
CsvRows export_rounds(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"日期", "责任区", "类型", "管家", "开始时间", "结束时间", "巡查点", "已查巡查点", "不合格项", "问题"}};
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
    }
    for (const auto& [id, f] : d.rounds.findings) findings += f.round == r->id ? 1 : 0;
    rows.push_back({date_text(r->day), zone_name(d, r->zone), round_kind_text(r->kind), staff_name(d, r->butler),
                    beijing_time(r->started_ms), beijing_time(r->finished_ms), std::to_string(checkpoints), std::to_string(checked),
                    std::to_string(failed), std::to_string(findings)});
  }
  return rows;
}

// Findings, oldest first: where, what, how it was handled, and whether the fix was verified.
CsvRows export_findings(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"发现时间", "责任区", "楼栋", "巡查点", "检查项", "问题描述", "处理方式", "通知/派往", "发现人", "状态", "核实时间", "核实说明", "照片"}};
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
    rows.push_back({beijing_time(f->opened_ms), zone, building, checkpoint, item, f->note, f->urgent ? "紧急上报" : "派单",
                    f->urgent ? f->told : f->department, staff_name(d, f->opened_by), f->open() ? "待核实" : "已核实",
                    beijing_time(f->verified_ms), f->verify_note, std::to_string(photos)});
  }
  return rows;
}

}  // namespace

const ExportFn* ExportRegistry::find(std::string_view name) const {
  auto it = fns_.find(name);
  return it == fns_.end() ? nullptr : &it->second;
}

std::vector<std::string> ExportRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, fn] : fns_) out.push_back(name);
  return out;
}

ExportRegistry default_exports() {
  ExportRegistry r;
  r.add("units", export_units);
  r.add("residents", export_residents);
  r.add("photos", export_photos);
  r.add("rounds", export_rounds);
  r.add("findings", export_findings);
  add_ticket_exports(r);
  add_key_exports(r);
  add_incident_exports(r);
  add_renovation_exports(r);
  return r;
}

std::string to_csv(const CsvRows& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const std::string& cell = row[i];
      // A leading = + - @ would make Excel run the cell as a formula.
      const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' ||
                                             (cell[0] == '-' && cell.size() > 1 && !std::isdigit(static_cast<unsigned char>(cell[1]))));
      if (cell.find_first_of(",\"\r\n") == std::string::npos && !formula) {
        out += cell;
        continue;
      }
      out += '"';
      if (formula) out += '\'';
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace server
