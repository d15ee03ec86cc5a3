#pragma once
// The planner's shared machinery (import_service.cpp and the per-kind files):
// reading a row's cells by column, naming problems by line and column, and
// finding the places and people a row names. Internal to app/setup.
#include <map>
#include <string>
#include <vector>

#include "app/setup/import_service.hpp"

namespace app::import_detail {

class Planner {
 public:
  Planner(ImportKind kind, const MasterData& data, RandomPort& random, std::int64_t now_ms, std::vector<int> at);

  const MasterData& data() const { return data_; }
  std::int64_t now_ms() const { return now_ms_; }
  ImportPlan& plan() { return plan_; }
  bool has(std::size_t column) const { return at_[column] >= 0; }
  // The cell of column `column` (its index in import_columns(kind)), trimmed; "" when absent.
  std::string cell(const SheetRow& row, std::size_t column) const;
  void problem(const SheetRow& row, std::size_t column, const std::string& message);
  void problem(const SheetRow& row, const std::string& message);
  bool failed() const { return !problems_.empty(); }
  Error refusal() const;
  // A key seen on an earlier line of the file: the problem says which line.
  bool duplicate(const SheetRow& row, const std::string& key, const std::string& what);

  Id new_id();
  RandomPort& random() { return random_; }
  // A row's result: new (payload holds everything), changed (only what
  // differs; `diff` says it), or unchanged (empty payload).
  void emit(const SheetRow& row, OpKind kind, const Id& entity, Payload payload, bool is_new, const std::string& what,
            const std::string& diff);
  // An op a row needs besides its own (a building first named by a unit row):
  // listed among the changes, not counted as a row.
  void emit_also(const SheetRow& row, OpKind kind, const Id& entity, Payload payload, const std::string& what);

  // --- places and people ---
  // A building by name, tolerant of 3 / 3栋 / 3号楼 / 3幢; nil when unknown.
  Id building_named(const std::string& name) const;
  // A unit by its three columns (单元 may be blank when the room is unique in its building).
  Id unit_at(const Id& building, const std::string& stairwell, const std::string& room, std::string* why) const;
  // A unit as one text ("3栋2单元1502", "3-2-1502", "3栋1502").
  Id unit_written(const std::string& text) const;
  const Staff* staff_coded(const std::string& code) const;
  Id zone_named(const std::string& name) const;

 private:
  ImportKind kind_;
  const MasterData& data_;
  RandomPort& random_;
  std::int64_t now_ms_;
  std::vector<int> at_;
  ImportPlan plan_;
  std::vector<std::string> problems_;
  std::map<std::string, std::size_t> seen_;
  std::map<std::string, Id> buildings_;  // by building_core
  std::map<std::string, std::vector<Id>> units_written_;
};

// "3栋" / "3号楼" / "3幢" / "3座" / "3" are one building to the office: the
// key a building is found by, in the community and among a file's rows.
std::string building_core(const std::string& name);

// The text differs: set it and say so ("电话 138… → 139…").
void diff_text(Payload& p, F field, const std::string& old_value, const std::string& new_value, std::string_view label,
               std::string& diff);
void diff_number(Payload& p, F field, std::int64_t old_value, std::int64_t new_value, std::string_view label,
                 const std::string& old_text, const std::string& new_text, std::string& diff);

// Per kind (import_estate.cpp, import_people.cpp, import_cabinet.cpp).
void plan_units(Planner& p, const std::vector<SheetRow>& rows);
void plan_residents(Planner& p, const std::vector<SheetRow>& rows);
void plan_staff(Planner& p, const std::vector<SheetRow>& rows);
void plan_zones(Planner& p, const std::vector<SheetRow>& rows);
void plan_checkpoints(Planner& p, const std::vector<SheetRow>& rows);
void plan_keys(Planner& p, const std::vector<SheetRow>& rows);
void plan_prices(Planner& p, const std::vector<SheetRow>& rows);

}  // namespace app::import_detail
