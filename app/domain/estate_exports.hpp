#pragma once
// The estate's office exports: units.csv (the archive, one row per unit),
// residents.csv, photos.csv (the photos on unit records) and contact_views.csv
// (who saw a resident's whole phone, and when).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_estate_exports(ExportRegistry& registry);

}  // namespace app::office
