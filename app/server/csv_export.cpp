#include "app/server/csv_export.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

#include "app/i18n/catalogue.hpp"

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
