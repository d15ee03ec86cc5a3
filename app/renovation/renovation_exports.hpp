#pragma once
// The office's renovation exports: renovations.csv (each application's stage,
// money held and withheld, notices and re-check) and notices.csv (every
// violation notice by its number, with its follow-up).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_renovation_exports(ExportRegistry& registry);

}  // namespace app::office
