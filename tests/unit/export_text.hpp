#pragma once
// An export's table as plain text for the tests' substring checks: cells
// joined by commas, rows by CRLF, header first, no quoting or BOM (what the
// CSV file does with them is csv_export_test's business).
#include <string>

#include "app/domain/office_exports.hpp"

inline std::string export_text(const app::office::ExportTable& table) {
  std::string out;
  for (std::size_t i = 0; i < table.columns.size(); ++i) out += (i ? "," : "") + table.columns[i].header;
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + row[i];
    out += "\r\n";
  }
  return out;
}
