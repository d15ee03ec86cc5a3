#include "app/server/csv_export.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/route.hpp"

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

// Units in archive order: building, stairwell, floor, room (as on site).
std::vector<const app::Unit*> ordered_units(const app::MasterData& d) {
  std::vector<const app::Unit*> units;
  units.reserve(d.units.size());
  for (const auto& [id, u] : d.units) units.push_back(&u);
  auto key = [&](const app::Unit* u) {
    auto b = d.buildings.find(u->building);
    const std::int64_t pos = b == d.buildings.end() ? 1 << 30 : b->second.position;
    return std::make_tuple(pos, u->stairwell.size(), u->stairwell, u->floor, u->number.size(), u->number, u->id);
  };
  std::sort(units.begin(), units.end(), [&](const app::Unit* a, const app::Unit* b) { return key(a) < key(b); });
  return units;
}

std::string building_name(const app::MasterData& d, const app::Id& id) {
  auto b = d.buildings.find(id);
  return b == d.buildings.end() ? std::string() : b->second.name;
}

std::string date_text(std::int64_t yyyymmdd) {
  if (yyyymmdd == 0) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(yyyymmdd / 10000),
                static_cast<long long>(yyyymmdd / 100 % 100), static_cast<long long>(yyyymmdd % 100));
  return buf;
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

// Wall time as the office reads it: China Standard Time (UTC+8, no daylight saving).
std::string beijing_time(std::int64_t ms) { return ms > 0 ? app::format_local(ms, 480) : std::string(); }

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

std::string staff_name(const app::MasterData& d, const app::Id& id) {
  auto s = d.staff.find(id);
  return s == d.staff.end() ? std::string() : s->second.name;
}

std::string zone_name(const app::MasterData& d, const app::Id& id) {
  auto z = d.zones.find(id);
  return z == d.zones.end() ? std::string() : z->second.name;
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

// Incidents, oldest first: what, where, when it began and was over (a lift:
// the release; otherwise the close), how long that took, the outcome and who
// reported it (whoever closed it).
CsvRows export_incidents(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"类型", "地点", "开始时间", "解除时间", "用时（分钟）", "处理结果", "报告人"}};
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
    rows.push_back({app::incidents::checklist_for(i->kind).zh, app::incident_place_label(*i, d), beijing_time(i->started_ms),
                    beijing_time(over), over > 0 ? std::to_string(app::whole_minutes(over - i->started_ms)) : std::string(), i->outcome,
                    staff_name(d, i->closed_by.is_nil() ? i->started_by : i->closed_by)});
  }
  return rows;
}

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
CsvRows export_renovations(const ExportInput& in) {
  const app::MasterData& d = in.replica.data();
  CsvRows rows{{"楼栋", "单元", "房号", "业主", "施工单位", "阶段", "押金（元）", "扣款（元）", "违规次数", "复查日期"}};
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
      rows.push_back({building_name(d, u->building), u->stairwell, u->number, r->owner, r->contractor, stage_name(r->stage),
                      yuan(money.deposit), yuan(money.deductions + money.penalties),
                      std::to_string(std::count_if(r->notices.begin(), r->notices.end(), [](const auto& n) { return n.known(); })), recheck});
    }
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
  r.add("incidents", export_incidents);
  r.add("renovations", export_renovations);
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
