#pragma once
// The office's renovation export: renovations.csv (each application's stage,
// money held and withheld, notices and re-check).
#include "app/server/csv_export.hpp"

namespace server {

void add_renovation_exports(ExportRegistry& registry);

}  // namespace server
