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

// Wall time in China Standard Time (UTC+8, no daylight saving), as the office reads it.
std::string beijing_time(std::int64_t ms) {
  if (ms <= 0) return {};
  const std::int64_t minutes = ms / 60000 + 8 * 60;
  std::int64_t days = minutes / 1440;
  const std::int64_t in_day = minutes % 1440;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  days += 719468;
  const std::int64_t era = days / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d), static_cast<long long>(in_day / 60), static_cast<long long>(in_day % 60));
  return buf;
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
