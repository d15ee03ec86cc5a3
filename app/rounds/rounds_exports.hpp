#pragma once
// The rounds' office exports: rounds.csv (who walked which zone, when, what
// was found) and findings.csv (every finding with its evidence and its check).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_rounds_exports(ExportRegistry& registry);

}  // namespace app::office
