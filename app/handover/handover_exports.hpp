#pragma once
// The office's shift export: handovers.csv (交接班记录).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_handover_exports(ExportRegistry& registry);

}  // namespace app::office
