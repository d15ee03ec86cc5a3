#include "app/server/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace server {
namespace {

using app::office::CellType;

app::Error failed(std::string what) { return app::Error{"server_error", "xlsx: " + std::move(what)}; }

// How many columns wide `text` shows: a CJK character counts two.
double display_width(const std::string& text) {
  double w = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Counted at each character's first byte; continuation bytes (0x80–0xBF) add nothing.
    if (c < 0x80) w += 1;
    else if (c >= 0xE0) w += 2;  // 3- and 4-byte characters: CJK, full-width punctuation
    else if (c >= 0xC0) w += 1;  // 2-byte characters: accented Latin
  }
  return w;
}

int number_at(const std::string& s, std::size_t from, std::size_t n) { return std::atoi(s.substr(from, n).c_str()); }

// "2026-12-01" or "2026-12-01 09:12" (canonical, checked by the caller).
lxw_datetime datetime_of(const std::string& cell) {
  lxw_datetime t{number_at(cell, 0, 4), number_at(cell, 5, 2), number_at(cell, 8, 2), 0, 0, 0};
  if (cell.size() >= 16) {
    t.hour = number_at(cell, 11, 2);
    t.min = number_at(cell, 14, 2);
  }
  return t;
}

struct Formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* number;
  lxw_format* amount;
  lxw_format* date;
  lxw_format* datetime;

  explicit Formats(lxw_workbook* wb) {
    header = workbook_add_format(wb);
    format_set_num_format(header, "@");
    format_set_bold(header);
    format_set_bg_color(header, 0xE8EEF7);
    text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    number = workbook_add_format(wb);
    format_set_num_format(number, "0.##");
    amount = workbook_add_format(wb);
    format_set_num_format(amount, "0.00");
    date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    datetime = workbook_add_format(wb);
    format_set_num_format(datetime, "yyyy-mm-dd hh:mm");
  }
  lxw_format* of(CellType type) const {
    switch (type) {
      case CellType::text: return text;
      case CellType::number: return number;
      case CellType::amount: return amount;
      case CellType::date: return date;
      case CellType::datetime: return datetime;
    }
    return text;
  }
};

// One cell as its column's type says; a cell not in that type's form (which
// the exports' tests rule out) is kept as text rather than lost.
lxw_error write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, CellType type, const std::string& cell, const Formats& f) {
  if (cell.empty()) return LXW_NO_ERROR;
  if (type != CellType::text && app::office::canonical_cell(type, cell)) {
    if (type == CellType::number || type == CellType::amount) return worksheet_write_number(ws, r, c, std::strtod(cell.c_str(), nullptr), f.of(type));
    lxw_datetime t = datetime_of(cell);
    return worksheet_write_datetime(ws, r, c, &t, f.of(type));
  }
  return worksheet_write_string(ws, r, c, cell.c_str(), f.text);
}

// Widths from the header and every cell (in memory already), capped.
std::vector<double> column_widths(const app::office::ExportTable& t) {
  std::vector<double> widths(t.columns.size(), 8);
  for (std::size_t c = 0; c < t.columns.size(); ++c) widths[c] = std::max(widths[c], display_width(t.columns[c].header) + 2);
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      const double w = t.columns[c].type == CellType::datetime ? 17 : display_width(row[c]) + 2;
      widths[c] = std::max(widths[c], w);
    }
  }
  for (double& w : widths) w = std::min(w, 60.0);
  return widths;
}

}  // namespace

TempFile::TempFile() {
  std::error_code ec;
  // Named .xlsx: readers that go by the name (openpyxl, LibreOffice) open it.
  std::string p = (std::filesystem::temp_directory_path(ec) / "butler-XXXXXX.xlsx").string();
  if (ec) p = "/tmp/butler-XXXXXX.xlsx";
  const int fd = mkstemps(p.data(), 5);
  if (fd >= 0) {
    ::close(fd);
    path_ = p;
  }
}

TempFile::~TempFile() {
  if (!path_.empty()) std::remove(path_.c_str());
}

std::string TempFile::release() { return std::exchange(path_, std::string()); }

app::Status write_xlsx_file(const std::vector<XlsxSheet>& sheets, const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return failed("cannot start a workbook");
  const Formats f(wb);
  lxw_error error = LXW_NO_ERROR;
  for (const XlsxSheet& s : sheets) {
    if (workbook_validate_sheet_name(wb, s.name.c_str()) != LXW_NO_ERROR) {
      workbook_close(wb);
      return failed("bad sheet name " + s.name);
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return failed("cannot add sheet " + s.name);
    }
    const auto& columns = s.table.columns;
    // Whole columns carry the type's format: rows the office adds stay typed too.
    const std::vector<double> widths = column_widths(s.table);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], f.of(columns[c].type));
    }
    worksheet_freeze_panes(ws, 1, 0);
    // Constant-memory mode takes rows in order, each written once.
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].header.c_str(), f.header);
    }
    for (std::size_t r = 0; r < s.table.rows.size() && error == LXW_NO_ERROR; ++r) {
      const auto& row = s.table.rows[r];
      for (std::size_t c = 0; c < row.size() && error == LXW_NO_ERROR; ++c) {
        const CellType type = c < columns.size() ? columns[c].type : CellType::text;
        error = write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), type, row[c], f);
      }
    }
    if (error != LXW_NO_ERROR) {
      workbook_close(wb);
      return failed(lxw_strerror(error));
    }
  }
  if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) return failed(lxw_strerror(e));
  return app::ok_status();
}

app::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets) {
  TempFile file;
  if (file.path().empty()) return failed("no temporary file");
  if (auto s = write_xlsx_file(sheets, file.path()); !s.ok()) return s.error();
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return failed("cannot read the workbook back");
  return bytes.str();
}

}  // namespace server
