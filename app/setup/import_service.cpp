#include "app/setup/import_service.hpp"

#include <algorithm>

#include "app/core/safe_text.hpp"
#include "app/setup/import_planner.hpp"

namespace app {
namespace import_detail {
namespace {

constexpr std::size_t kMaxProblems = 50;  // enough to fix a sheet in one pass, short enough to read
constexpr std::size_t kMaxChanges = 200;

// A unit written in one cell, as its parts run together: 3栋2单元1502 → 321502.
std::string unit_core(const std::string& text) {
  std::string s = place_key(text);
  for (std::string_view word : {"号楼", "栋", "幢", "座", "单元", "室", "号"}) {
    for (std::size_t at = s.find(word); at != std::string::npos; at = s.find(word)) s.erase(at, word.size());
  }
  return s;
}

}  // namespace

std::string building_core(const std::string& name) {
  std::string s = place_key(name);
  for (std::string_view suffix : {"号楼", "栋", "幢", "座", "号"}) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.erase(s.size() - suffix.size());
      break;
    }
  }
  return s;
}

Planner::Planner(ImportKind kind, const MasterData& data, RandomPort& random, std::int64_t now_ms, std::vector<int> at)
    : kind_(kind), data_(data), random_(random), now_ms_(now_ms), at_(std::move(at)) {
  plan_.kind = kind;
  for (const auto& [id, b] : data.buildings) buildings_[building_core(b.name)] = id;
  for (const auto& [id, u] : data.units) {
    auto b = data.buildings.find(u.building);
    if (b == data.buildings.end()) continue;
    auto& with_stair = units_written_[unit_core(b->second.name + u.stairwell + u.number)];
    with_stair.push_back(id);
    if (!u.stairwell.empty()) units_written_[unit_core(b->second.name + u.number)].push_back(id);
  }
}

std::string Planner::cell(const SheetRow& row, std::size_t column) const {
  const int i = at_[column];
  if (i < 0 || static_cast<std::size_t>(i) >= row.cells.size()) return {};
  return trim_cell(row.cells[i]);
}

void Planner::problem(const SheetRow& row, std::size_t column, const std::string& message) {
  problems_.push_back("line " + std::to_string(row.line) + ", " + std::string(import_columns(kind_)[column].title) + ": " +
                      message);
}

void Planner::problem(const SheetRow& row, const std::string& message) {
  problems_.push_back("line " + std::to_string(row.line) + ": " + message);
}

Error Planner::refusal() const {
  std::string m = "nothing imported; fix these lines and import the whole file again:";
  for (std::size_t i = 0; i < problems_.size() && i < kMaxProblems; ++i) m += "\n  " + problems_[i];
  if (problems_.size() > kMaxProblems) m += "\n  … and " + std::to_string(problems_.size() - kMaxProblems) + " more";
  return Error{"bad_file", m};
}

bool Planner::duplicate(const SheetRow& row, const std::string& key, const std::string& what) {
  auto [it, fresh] = seen_.emplace(key, row.line);
  if (!fresh) problem(row, what + " is on line " + std::to_string(it->second) + " already");
  return !fresh;
}

Id Planner::new_id() { return Id::random(random_); }

void Planner::emit(const SheetRow& row, OpKind kind, const Id& entity, Payload payload, bool is_new, const std::string& what,
                   const std::string& diff) {
  if (!is_new && payload.fields().empty()) {
    ++plan_.unchanged;
    return;
  }
  ++(is_new ? plan_.added : plan_.changed);
  if (plan_.changes.size() < kMaxChanges) {
    plan_.changes.push_back("line " + std::to_string(row.line) + " · " + what + (is_new ? " · 新增" : " · " + diff));
  }
  plan_.ops.push_back({kind, entity, std::move(payload)});
}

void Planner::emit_also(const SheetRow& row, OpKind kind, const Id& entity, Payload payload, const std::string& what) {
  if (plan_.changes.size() < kMaxChanges) plan_.changes.push_back("line " + std::to_string(row.line) + " · " + what + " · 新增");
  plan_.ops.push_back({kind, entity, std::move(payload)});
}

Id Planner::building_named(const std::string& name) const {
  auto it = buildings_.find(building_core(name));
  return it == buildings_.end() ? Id{} : it->second;
}

Id Planner::unit_at(const Id& building, const std::string& stairwell, const std::string& room, std::string* why) const {
  std::vector<Id> found;
  for (const auto& [id, u] : data_.units) {
    if (u.building != building || place_key(u.number) != place_key(room)) continue;
    if (!stairwell.empty() && unit_core(u.stairwell) != unit_core(stairwell)) continue;
    found.push_back(id);
  }
  if (found.size() == 1) return found.front();
  *why = found.empty() ? "no such unit here (import the units first)" : "more than one unit has this room: give the 单元";
  return {};
}

Id Planner::unit_written(const std::string& text) const {
  auto it = units_written_.find(unit_core(text));
  return it != units_written_.end() && it->second.size() == 1 ? it->second.front() : Id{};
}

const Staff* Planner::staff_coded(const std::string& code) const {
  for (const auto& [id, s] : data_.staff) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

Id Planner::zone_named(const std::string& name) const {
  for (const auto& [id, z] : data_.zones) {
    if (!z.retired && place_key(z.name) == place_key(name)) return id;
  }
  return {};
}

void diff_text(Payload& p, F field, const std::string& old_value, const std::string& new_value, std::string_view label,
               std::string& diff) {
  if (old_value == new_value) return;
  p.set(field, new_value);
  if (!diff.empty()) diff += "; ";
  diff += std::string(label) + " " + (old_value.empty() ? "—" : old_value) + " → " + (new_value.empty() ? "—" : new_value);
}

void diff_number(Payload& p, F field, std::int64_t old_value, std::int64_t new_value, std::string_view label,
                 const std::string& old_text, const std::string& new_text, std::string& diff) {
  if (old_value == new_value) return;
  p.set(field, new_value);
  if (!diff.empty()) diff += "; ";
  diff += std::string(label) + " " + old_text + " → " + new_text;
}

}  // namespace import_detail

Result<ImportPlan> plan_import(ImportKind kind, const std::vector<SheetRow>& rows, const MasterData& data,
                               RandomPort& random, std::int64_t now_ms) {
  if (rows.empty()) return Error{"bad_file", "the file is empty: the first line must name the columns"};
  std::vector<std::string> ignored;
  auto at = match_header(kind, rows.front(), &ignored);
  if (!at.ok()) return at.error();
  import_detail::Planner p(kind, data, random, now_ms, std::move(at).value());
  p.plan().ignored_columns = std::move(ignored);
  // A row with every cell blank is a gap in the sheet, not a record.
  std::vector<SheetRow> body;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& cells = rows[i].cells;
    if (std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return !trim_cell(c).empty(); })) body.push_back(rows[i]);
  }
  if (body.empty()) return Error{"bad_file", "the file has a header and no rows"};
  p.plan().rows = body.size();
  // What the ops would hold must pass validate_op (the server's writer and a
  // tablet's commit refuse the whole import otherwise, naming no line): a
  // column this kind reads may not hold a control character or a bidi
  // override. Columns it ignores are left alone.
  for (const SheetRow& row : body) {
    for (std::size_t c = 0; c < import_columns(kind).size(); ++c) {
      if (!is_safe_text(p.cell(row, c))) {
        p.problem(row, c, "the cell holds a control character or a text-direction mark: type it again");
      }
    }
  }
  switch (kind) {
    case ImportKind::units: import_detail::plan_units(p, body); break;
    case ImportKind::residents: import_detail::plan_residents(p, body); break;
    case ImportKind::staff: import_detail::plan_staff(p, body); break;
    case ImportKind::zones: import_detail::plan_zones(p, body); break;
    case ImportKind::checkpoints: import_detail::plan_checkpoints(p, body); break;
    case ImportKind::keys: import_detail::plan_keys(p, body); break;
    case ImportKind::prices: import_detail::plan_prices(p, body); break;
  }
  if (p.failed()) return p.refusal();
  return std::move(p.plan());
}

PlannedOp import_record(const ImportPlan& plan, std::string_view file, std::int64_t at_ms, RandomPort& random) {
  Payload p;
  p.set(F::import_kind, static_cast<std::int64_t>(plan.kind))
      .set(F::added, static_cast<std::int64_t>(plan.added))
      .set(F::changed, static_cast<std::int64_t>(plan.changed))
      .set(F::unchanged, static_cast<std::int64_t>(plan.unchanged))
      .set(F::at_ms, at_ms);
  // The file's own name only (no folders), and no longer than a name may be.
  std::string name(file.substr(file.find_last_of("/\\") == std::string_view::npos ? 0 : file.find_last_of("/\\") + 1));
  if (name.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    name.resize(cut);
  }
  if (!name.empty()) p.set(F::name, name);
  return {OpKind::import_recorded, Id::random(random), std::move(p)};
}

std::string import_summary(const ImportPlan& plan) {
  return std::string(import_kind_title(plan.kind)) + " · 新增 " + std::to_string(plan.added) + " · 更新 " +
         std::to_string(plan.changed) + " · 未变 " + std::to_string(plan.unchanged);
}

}  // namespace app
