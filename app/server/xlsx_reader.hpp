#pragma once
// The office's .xlsx files as rows of text cells (app::SheetRow), the same
// shape and bounds as a CSV (app/core/sheet.hpp), so an import does not care
// which one the office saved. Native only: libzip opens the archive, expat
// parses the parts (xlsx_package.hpp); no zip or XML is parsed by hand.
//
// Only the first worksheet is read (in the workbook's tab order, found through
// workbook.xml and its .rels, never assumed to be sheet1.xml); the other
// sheets are the office's notes and lookup lists and are ignored.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/core/sheet.hpp"

namespace server {

// Cells as text: shared, inline and rich strings, formula results,
// TRUE/FALSE; numbers by their value, not their display format (88 in a
// "0.00" cell is "88", a phone number stored as a number is its digits, no
// ".0"), except that a number in a date format reads "yyyy-mm-dd" (with
// " hh:mm" when it has a time of day), since a serial day means nothing to an
// import. SheetRow::line is the spreadsheet's row number; empty cells between
// filled ones are "".
// Errors: "bad_file" (not an .xlsx, no worksheet, a damaged or cut-short
// file), "too_large" (a part over 64 MiB unpacked, or the sheet bounds).
app::Result<std::vector<app::SheetRow>> read_xlsx(std::string_view bytes);

// An uploaded file, whatever its name says: .xlsx by its zip signature,
// an old binary .xls (or a password-protected workbook, which Excel also
// stores as a compound file) refused with what to do, anything else as CSV.
app::Result<std::vector<app::SheetRow>> read_sheet_file(std::string_view bytes);

namespace xlsx {

// True for Excel's built-in number formats that show a date or time: 14–22,
// 45–47, and the zh-CN ones (27–36, 50–58: 2026年3月1日 and the like), which
// Chinese Excel saves by id alone without writing their format code.
bool is_builtin_date_format(int id);
// True when a custom format code shows a date: a y, m or d (or h, s) outside
// quoted text, [brackets] (colours, locales), \escapes and _ or * fillers.
// "0.00", "#,##0", "@" and "General" are not dates; "yyyy/m/d", "m月d日",
// "[$-804]yyyy\"年\"m\"月\"" and "h:mm" are.
bool is_date_format(std::string_view code);

// An Excel serial day as text: "yyyy-mm-dd", plus " hh:mm" (":ss" when not
// whole minutes) for a time of day, or only "hh:mm" below 1 (a time without a
// date). The 1900 system keeps Lotus's 29 February 1900 (serial 60) as Excel
// does; date1904 is the Mac system. Nothing for negative serials or past
// 9999-12-31.
std::optional<std::string> date_text(double serial, bool date1904);

// A number as Excel's General format shows it, to 15 significant digits:
// 13800138000, 1.5, 0.1 (not 0.10000000000000001), 1E+20.
std::string number_text(double value);

}  // namespace xlsx
}  // namespace server
