#pragma once
// The office's exports (GET /api/v1/export/NAME.csv and NAME.xlsx). Each
// workflow registers its own from its folder (app/<workflow>/<workflow>_exports.*,
// over app/domain/office_exports.hpp); default_exports() lists the registrations.
#include <string>

#include "app/core/result.hpp"
#include "app/domain/office_exports.hpp"

namespace server {

using app::office::CellType;
using app::office::Column;
using app::office::ExportFn;
using app::office::ExportInput;
using app::office::ExportRegistry;
using app::office::ExportTable;

// units, residents, photos, rounds, findings, tickets, callbacks, visits, keys,
// handovers, incidents, renovations.
ExportRegistry default_exports();

// A CSV a double-click opens as it was meant, in Excel, WPS and LibreOffice:
// UTF-8 with a BOM (a Chinese Windows otherwise reads it as GBK), CRLF line
// ends, every text cell quoted (a ; or a tab inside stays in its cell under
// any separator setting) and neutralised when it would start a formula
// (OWASP: = + - @ tab CR get a leading '; a plain number like -5 stays), and
// numbers, dates and date-times bare, the date-times as ISO 8601
// (2026-12-01T09:12:00), the form spreadsheets read as a date-time by default.
std::string to_csv(const ExportTable& table);
// The same CSV written to `path` a row at a time: an export is served from
// a file, never as one string the size of the whole log's rows.
app::Status write_csv_file(const ExportTable& table, const std::string& path);

// Rows whose dated column falls in `month` ("2026-11"); a register (no dated
// column) whole. For the month's workbook.
ExportTable rows_of_month(ExportTable table, std::string_view month);

}  // namespace server
