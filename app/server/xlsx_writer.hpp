#pragma once
// Writes the office's .xlsx files (import templates; the office page's
// downloads) through Debian's libxlsxwriter: no zip or XML is written by hand.
// The library writes to a file, so each workbook goes through a private
// temporary file that is read back and removed.
#include <string>
#include <vector>

#include "app/core/result.hpp"

namespace server {

struct XlsxSheet {
  std::string name;                          // the tab: 住户 (Excel allows 31 characters, no []:*?/\)
  std::vector<std::string> header;           // bold, frozen above the rows
  std::vector<std::vector<std::string>> rows;
  // Every cell is written as text, formatted "@": a room 0502, a phone
  // 0571…, a unit 1502 stay what the office typed into the template.
};

// The workbook's bytes. Errors: "server_error" with libxlsxwriter's words
// (a full disk, an unwritable temporary folder).
app::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace server
