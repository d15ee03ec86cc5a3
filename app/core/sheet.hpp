#pragma once
// The office's spreadsheets as rows of text cells: the file-reading layer
// under every import (residents, staff, keys, units ...). The importers read
// SheetRows and never see bytes, encodings or file formats. This file reads
// CSV (plain C++, so the web build can read a CSV picked on the tablet too);
// app/server/xlsx_reader.hpp reads .xlsx on the server with the same rules.
//
// One shape for both formats, so an import behaves the same whichever the
// office saves: every cell trimmed of spaces and tabs, empty cells at the end
// of a row dropped (Excel pads its CSV rows to the widest row with commas), a
// row with nothing in it skipped, and each row keeping where it came from.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/result.hpp"

namespace app {

// line: the 1-based line a CSV row starts on, or the spreadsheet's row number
// for .xlsx (rows may skip numbers), so an import's errors point at the cell.
struct SheetRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// Bounds on what an import may cost the server (or a tablet's wasm heap).
// Over any of them the whole file is refused with code "too_large".
inline constexpr std::size_t kSheetMaxFileBytes = 16u << 20;  // a CSV file
inline constexpr std::size_t kSheetMaxRows = 100'000;
inline constexpr std::size_t kSheetMaxCellBytes = 4'000;  // UTF-8, after trimming
// Cells including the empty ones between filled ones: an .xlsx may put one
// cell in column XFD of every row, and each empty cell before it is a string.
inline constexpr std::size_t kSheetMaxCells = 4'000'000;

// A CSV file as the office saves it. UTF-8 with or without BOM; otherwise
// GBK/GB18030 (Excel's plain "CSV" on a Chinese Windows), converted with
// iconv; neither gives a readable error. Quotes with "" inside, CRLF, LF or
// CR line ends, line breaks inside quotes (kept as "\n").
// Errors: "bad_file" (an unterminated quote, naming the line it opens on; not
// text in either encoding; a UTF-16 file), "too_large" (the bounds above).
Result<std::vector<SheetRow>> parse_csv_sheet(std::string_view bytes);

// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool is_utf8(std::string_view bytes);

// Builds the rows of either reader and enforces the shared bounds, so CSV and
// .xlsx cannot drift apart in what they trim, skip or refuse.
class SheetRowsBuilder {
 public:
  // where: the word the errors use for SheetRow::line ("line" for CSV, "row"
  // for a spreadsheet row number).
  explicit SheetRowsBuilder(const char* where) : where_(where) {}

  // Tidies cells (trim, drop trailing empty cells), skips the row if nothing
  // is left, and refuses it if a bound is passed.
  Status add(std::size_t line, std::vector<std::string> cells);
  std::vector<SheetRow> take() && { return std::move(rows_); }

 private:
  const char* where_;
  std::vector<SheetRow> rows_;
  std::size_t cells_ = 0;
};

}  // namespace app
