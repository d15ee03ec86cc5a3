#include "app/server/csv_import.hpp"

#include <charconv>
#include <map>
#include <tuple>

#include "app/domain/replica.hpp"
#include "app/ops/codec.hpp"

namespace server {
namespace {

bool parse_status(std::string_view s, app::UnitStatus* out) {
  static const std::pair<const char*, app::UnitStatus> names[] = {
      {"已入住", app::UnitStatus::occupied}, {"空置", app::UnitStatus::vacant},
      {"装修中", app::UnitStatus::renovating}, {"样板间", app::UnitStatus::model},
      {"occupied", app::UnitStatus::occupied}, {"vacant", app::UnitStatus::vacant},
      {"renovating", app::UnitStatus::renovating}, {"model", app::UnitStatus::model},
      {"0", app::UnitStatus::occupied}, {"1", app::UnitStatus::vacant},
      {"2", app::UnitStatus::renovating}, {"3", app::UnitStatus::model}};
  if (s.empty()) {
    *out = app::UnitStatus::occupied;
    return true;
  }
  for (const auto& [name, status] : names) {
    if (s == name) {
      *out = status;
      return true;
    }
  }
  return false;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

bool parse_csv(std::string_view text, std::vector<CsvLine>* out, std::string* error) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t line = 1, i = 0;
  CsvLine row{line, {std::string()}};
  bool quoted = false, any = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        row.cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        row.cells.back() += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.cells.emplace_back();
      any = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (any) out->push_back(std::move(row));
      row = CsvLine{++line, {std::string()}};
      any = false;
    } else {
      row.cells.back() += c;
      any = true;
    }
  }
  if (quoted) {
    *error = "line " + std::to_string(row.line) + ": a quote is never closed";
    return false;
  }
  if (any) out->push_back(std::move(row));
  return true;
}

app::Result<std::size_t> import_units(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                      std::string_view csv) {
  std::vector<CsvLine> rows;
  std::string error;
  if (!parse_csv(csv, &rows, &error)) return app::Error{"bad_csv", error};
  if (rows.empty()) return app::Error{"bad_csv", "the file is empty"};
  const std::vector<std::string> header{"楼栋", "单元", "房号", "楼层", "状态"};
  std::vector<std::string> got;
  for (const auto& c : rows[0].cells) got.push_back(trim(c));
  if (got.size() < 4 || !std::equal(header.begin(), header.begin() + 4, got.begin()) ||
      (got.size() >= 5 && got[4] != header[4])) {
    return app::Error{"bad_csv", "line 1: the header must be 楼栋,单元,房号,楼层,状态"};
  }

  // What the community holds now: buildings by name, units by where they are.
  auto records = store.all_records(community.id);
  if (!records.ok()) return records.error();
  std::vector<app::Op> existing;
  for (const auto& r : records.value()) {
    if (auto op = app::decode_op(r); op.ok()) existing.push_back(std::move(op).value());
  }
  app::Replica replica;
  replica.add(std::move(existing));
  const app::MasterData& data = replica.data();
  std::map<std::string, app::Id> buildings;
  std::int64_t last_position = 0;
  for (const auto& [id, b] : data.buildings) {
    buildings[b.name] = id;
    last_position = std::max(last_position, b.position);
  }
  std::map<std::tuple<app::Id, std::string, std::string>, app::Id> units;
  for (const auto& [id, u] : data.units) units[{u.building, u.stairwell, u.number}] = id;

  std::vector<std::string> errors;
  std::vector<app::Op> ops;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvLine& row = rows[r];
    const std::string at = "line " + std::to_string(row.line) + ": ";
    std::vector<std::string> c;
    for (const auto& cell : row.cells) c.push_back(trim(cell));
    c.resize(std::max<std::size_t>(c.size(), 5));
    const std::string &building = c[0], &stair = c[1], &number = c[2], &floor_text = c[3], &status_text = c[4];
    std::int64_t floor = 0;
    app::UnitStatus status{};
    const auto fc = std::from_chars(floor_text.data(), floor_text.data() + floor_text.size(), floor);
    if (building.empty()) errors.push_back(at + "楼栋 (building) is empty");
    else if (number.empty()) errors.push_back(at + "房号 (room number) is empty");
    else if (fc.ec != std::errc() || fc.ptr != floor_text.data() + floor_text.size() || floor < -10 || floor > 300)
      errors.push_back(at + "楼层 (floor) must be a whole number from -10 to 300, not \"" + floor_text + "\"");
    else if (!parse_status(status_text, &status))
      errors.push_back(at + "状态 (status) must be 已入住, 空置, 装修中 or 样板间, not \"" + status_text + "\"");
    else if (auto [it, fresh] = seen.emplace(std::make_tuple(building, stair, number), row.line); !fresh)
      errors.push_back(at + "the same unit as line " + std::to_string(it->second));
    if (!errors.empty()) continue;  // keep checking, but build nothing after the first error

    auto b = buildings.find(building);
    if (b == buildings.end()) {
      const app::Id id = app::Id::random(w.random());
      app::Payload p;
      p.set(app::F::name, building).set(app::F::position, ++last_position);
      ops.push_back(w.make(app::OpKind::building_set, id, std::move(p)));
      b = buildings.emplace(building, id).first;
    }
    auto u = units.find({b->second, stair, number});
    const bool is_new = u == units.end();
    const app::Id unit = is_new ? app::Id::random(w.random()) : u->second;
    app::Payload p;
    if (is_new) p.set(app::F::parent, b->second.to_hex()).set(app::F::stairwell, stair).set(app::F::number, number);
    p.set(app::F::floor, floor).set(app::F::status, static_cast<std::int64_t>(status));
    ops.push_back(w.make(app::OpKind::unit_set, unit, std::move(p)));
  }
  if (!errors.empty()) {
    std::string message = "nothing imported; fix these lines:";
    for (std::size_t i = 0; i < errors.size() && i < 50; ++i) message += "\n  " + errors[i];
    if (errors.size() > 50) message += "\n  … and " + std::to_string(errors.size() - 50) + " more";
    return app::Error{"bad_csv", message};
  }
  std::size_t count = 0;
  for (const app::Op& op : ops) count += op.kind == app::OpKind::unit_set;
  if (auto s = w.store(community.id, ops); !s.ok()) return s.error();
  return count;
}

}  // namespace server
