#pragma once
// Writes the office's .xlsx files (the exports, the month's workbook, the
// import templates) through Debian's libxlsxwriter: no zip or XML is written
// by hand. Each column is written as its type says (app/domain/office_exports.hpp):
// text as text cells in a column formatted "@" (a room 0502, a phone 0571…,
// a ticket number stay as written, and what the office types in later stays
// text too), counts as numbers, amounts as numbers formatted 0.00, dates and
// date-times as real dates formatted yyyy-mm-dd / yyyy-mm-dd hh:mm. The
// header row is bold and frozen; widths fit Chinese text.
#include <string>
#include <vector>

#include "app/core/result.hpp"
#include "app/domain/office_exports.hpp"

namespace server {

struct XlsxSheet {
  std::string name;  // the tab: 住户 (Excel allows 31 characters, no []:*?/\)
  app::office::ExportTable table;
};

// Writes the workbook to `path` in libxlsxwriter's constant-memory mode: each
// row goes to disk as it is written, so a large export does not build the
// file in memory. Errors: "server_error" with libxlsxwriter's words (a full
// disk, an unwritable folder, a bad sheet name).
app::Status write_xlsx_file(const std::vector<XlsxSheet>& sheets, const std::string& path);

// The workbook's bytes, through a private temporary file (small workbooks:
// the import templates).
app::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets);

// A private temporary file (mkstemps, mode 0600, named .xlsx) removed when this goes out of
// scope unless release()d; `path` is empty when none could be made.
class TempFile {
 public:
  TempFile();
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string release();  // the caller removes it from now on

 private:
  std::string path_;
};

}  // namespace server
