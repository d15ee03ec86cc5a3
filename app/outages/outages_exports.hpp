#pragma once
// The office's outage notices: outages.csv.
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_outages_exports(ExportRegistry& registry);

}  // namespace app::office
