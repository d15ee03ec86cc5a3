#pragma once
// The office's exports (GET /api/v1/export/NAME.csv and NAME.xlsx on the server): each
// workflow registers its own from its folder (app/<workflow>/<workflow>_exports.*),
// each one a function over the community's folded state, the same Replica and
// projections the tablets run. The server lists the registrations
// (app/server/csv_export.cpp) and writes each file from the typed table.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/domain/replica.hpp"
#include "app/i18n/catalogue.hpp"

namespace app::office {

struct ExportInput {
  const app::Replica& replica;
  // The server's clock, for what is overdue "now" (keys.csv); never earlier
  // than the latest op it holds. 0: judged at that op.
  std::int64_t now_ms = 0;
};

// What a column holds, so each file writes it as the office's spreadsheet
// should read it: the CSV quotes text and leaves numbers and dates bare, the
// .xlsx stores numbers, amounts and dates as such and the rest as text (a
// room 0502, a phone 0571…, a ticket number stay as written).
enum class CellType : std::uint8_t {
  text,
  number,    // a count or minutes: "12", "-3", "1.5"
  amount,    // 元 with two decimals: "3000.00" (yuan_text)
  date,      // "2026-12-01" (date_text), Beijing
  datetime,  // "2026-12-01 09:12" (beijing_time), Beijing
};

struct Column {
  std::string header;
  CellType type = CellType::text;
};

// One export's sheet. Cells are written in the canonical forms above (empty:
// nothing recorded); the writers (app/server/csv_export.cpp, xlsx_writer.cpp)
// turn them into what each file format needs.
struct ExportTable {
  ExportTable() = default;
  explicit ExportTable(std::vector<Column> columns_, int dated_by_ = -1) : columns(std::move(columns_)), dated_by(dated_by_) {}
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  // The column whose date puts a row in a month (the month's workbook, one
  // sheet per export); -1: a register taken whole (units, residents).
  int dated_by = -1;
};

using ExportFn = std::function<ExportTable(const ExportInput&)>;

// Whether `cell` is in the canonical form of `type` (an empty cell always is).
bool canonical_cell(CellType type, std::string_view cell);

class ExportRegistry {
 public:
  // `title`: what the office page calls the file (工单, Tickets).
  void add(std::string name, i18n::S title, ExportFn fn);
  const ExportFn* find(std::string_view name) const;
  // In the order they were added: the workflows' order (app/workflows.cmake),
  // each workflow's exports as it lists them; the office page's order.
  std::vector<std::string> names() const { return order_; }
  i18n::S title(std::string_view name) const;  // of a registered name

 private:
  struct Entry {
    i18n::S title;
    ExportFn fn;
  };
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<std::string> order_;
};

}  // namespace app::office
