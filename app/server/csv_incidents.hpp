#pragma once
// The office's incident and renovation exports: incidents.csv (what, where,
// when it began and was over, the outcome) and renovations.csv (each
// application's stage, money held and withheld, notices and re-check).
#include "app/server/csv_export.hpp"

namespace server {

void add_incident_exports(ExportRegistry& registry);

}  // namespace server
