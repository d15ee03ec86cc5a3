#pragma once
// The office's incident export: incidents.csv (what, where, when it began
// and was over, the outcome).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_incidents_exports(ExportRegistry& registry);

}  // namespace app::office
