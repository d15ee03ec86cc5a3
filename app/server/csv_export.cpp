#include "app/server/csv_export.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "app/domain/estate_exports.hpp"
#include "butler_workflows/exports.hpp"  // each workflow's *_exports.hpp (app/workflows.cmake)

namespace server {

ExportRegistry default_exports() {
  ExportRegistry r;
  app::office::add_estate_exports(r);
#define BUTLER_WORKFLOW_EXPORTS(name) app::office::add_##name##_exports(r);
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_EXPORTS
  return r;
}

namespace {

// OWASP "CSV Injection": a cell starting with one of these is run as a
// formula by some spreadsheet (tab and CR because some strip them first).
bool starts_formula(const std::string& cell) {
  if (cell.empty()) return false;
  switch (cell[0]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

void quoted(std::string& out, const std::string& cell) {
  out += '"';
  // A plain number ("-5", "+86") is data, not a formula: left readable.
  if (starts_formula(cell)) {
    const bool plain_number = app::office::canonical_cell(CellType::number, cell[0] == '+' ? cell.substr(1) : cell);
    if (!plain_number) out += '\'';
  }
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void cell_into(std::string& out, CellType type, const std::string& cell) {
  if (cell.empty()) return;
  if (type == CellType::text || !app::office::canonical_cell(type, cell)) return quoted(out, cell);
  if (type == CellType::datetime) {
    out.append(cell, 0, 10);
    out += 'T';
    out.append(cell, 11, 5);
    out += ":00";
    return;
  }
  out += cell;
}

void head_into(std::string& out, const ExportTable& table) {
  out += "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += ',';
    quoted(out, table.columns[i].header);
  }
  out += "\r\n";
}

void row_into(std::string& out, const ExportTable& table, const std::vector<std::string>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    cell_into(out, i < table.columns.size() ? table.columns[i].type : CellType::text, row[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string to_csv(const ExportTable& table) {
  std::string out;
  head_into(out, table);
  for (const auto& row : table.rows) row_into(out, table, row);
  return out;
}

app::Status write_csv_file(const ExportTable& table, const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!f) return app::Error{"csv_file", "cannot write " + path};
  std::string chunk;
  head_into(chunk, table);
  for (const auto& row : table.rows) {
    row_into(chunk, table, row);
    if (chunk.size() < (64u << 10)) continue;  // written in pieces of ~64 KiB
    if (std::fwrite(chunk.data(), 1, chunk.size(), f.get()) != chunk.size()) return app::Error{"csv_file", "cannot write " + path};
    chunk.clear();
  }
  if (std::fwrite(chunk.data(), 1, chunk.size(), f.get()) != chunk.size() || std::fclose(f.release()) != 0) {
    return app::Error{"csv_file", "cannot write " + path};
  }
  return app::ok_status();
}

ExportTable rows_of_month(ExportTable table, std::string_view month) {
  if (table.dated_by < 0) return table;
  const auto col = static_cast<std::size_t>(table.dated_by);
  std::erase_if(table.rows, [&](const std::vector<std::string>& row) {
    return col >= row.size() || row[col].compare(0, month.size(), month) != 0;
  });
  return table;
}

}  // namespace server
