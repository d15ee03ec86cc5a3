#pragma once
// CSV exports for the office (GET /api/v1/export/NAME.csv): UTF-8 with a BOM
// (so Excel on a Chinese Windows opens it as UTF-8) and Chinese headers.
// Each workflow registers its own exports from its folder
// (app/<workflow>/<workflow>_exports.*, over app/domain/office_exports.hpp);
// default_exports() lists the registrations.
#include <string>

#include "app/domain/office_exports.hpp"

namespace server {

using app::office::CsvRows;
using app::office::ExportFn;
using app::office::ExportInput;
using app::office::ExportRegistry;

// units, residents, photos, rounds, findings, tickets, callbacks, visits, keys,
// handovers, incidents, renovations.
ExportRegistry default_exports();

std::string to_csv(const CsvRows& rows);  // BOM + RFC 4180 quoting, CRLF line ends

}  // namespace server
