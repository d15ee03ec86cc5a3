#pragma once
// The office's incident export: incidents.csv (what, where, when it began
// and was over, the outcome).
#include "app/server/csv_export.hpp"

namespace server {

void add_incident_exports(ExportRegistry& registry);

}  // namespace server
