#pragma once
// The estate's office exports: units.csv (the archive, one row per unit),
// residents.csv and photos.csv (the photos on unit records).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_estate_exports(ExportRegistry& registry);

}  // namespace app::office
