#pragma once
// The office's renovation export: renovations.csv (each application's stage,
// money held and withheld, notices and re-check).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_renovation_exports(ExportRegistry& registry);

}  // namespace app::office
