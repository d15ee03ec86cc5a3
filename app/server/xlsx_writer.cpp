#include "app/server/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace server {
namespace {

app::Error failed(std::string what) { return app::Error{"server_error", "xlsx: " + std::move(what)}; }

// A temporary file of our own (mkstemp), removed whatever happens.
struct TempFile {
  std::string path;
  TempFile() {
    std::error_code ec;
    std::string p = (std::filesystem::temp_directory_path(ec) / "butler-xlsx-XXXXXX").string();
    if (ec) p = "/tmp/butler-xlsx-XXXXXX";
    const int fd = mkstemp(p.data());
    if (fd >= 0) {
      ::close(fd);
      path = p;
    }
  }
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

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

}  // namespace

app::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets) {
  TempFile file;
  if (file.path.empty()) return failed("no temporary file");
  lxw_workbook* wb = workbook_new(file.path.c_str());
  if (!wb) return failed("cannot start a workbook");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  lxw_format* bold = workbook_add_format(wb);
  format_set_num_format(bold, "@");
  format_set_bold(bold);
  format_set_bg_color(bold, 0xE8EEF7);
  for (const XlsxSheet& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return failed("bad sheet name " + s.name);
    }
    std::vector<double> widths(s.header.size(), 8);
    auto put = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* f) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), f);
        if (c >= widths.size()) widths.resize(c + 1, 8);
        widths[c] = std::max(widths[c], display_width(cells[c]) + 2);
      }
    };
    put(0, s.header, bold);
    for (std::size_t r = 0; r < s.rows.size(); ++r) put(static_cast<lxw_row_t>(r + 1), s.rows[r], text);
    // Columns the office fills in later are text too, not only the cells written.
    for (std::size_t c = 0; c < widths.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), std::min(widths[c], 60.0), text);
    }
    worksheet_freeze_panes(ws, 1, 0);
  }
  if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) return failed(lxw_strerror(e));
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return failed("cannot read the workbook back");
  return bytes.str();
}

}  // namespace server
