#pragma once
// The office's key export: keys.csv (the loan register, 钥匙借用登记表, one
// row per key of each loan).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_keys_exports(ExportRegistry& registry);

}  // namespace app::office
