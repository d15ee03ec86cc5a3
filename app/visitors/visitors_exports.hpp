#pragma once
// The office's visitors register: visitors.csv (接待来访, 000:335–337).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_visitors_exports(ExportRegistry& registry);

}  // namespace app::office
