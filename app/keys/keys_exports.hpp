#pragma once
// The office's key and shift exports: keys.csv (the loan register, 钥匙借用登记表,
// one row per key of each loan) and handovers.csv (交接班记录).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_key_exports(ExportRegistry& registry);

}  // namespace app::office
