#pragma once
// The office's ticket exports: tickets.csv (every ticket with its whole
// history), callbacks.csv (100% of valid complaints and repairs, with their
// callback and the head butler's re-check) and visits.csv (household visits).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_tickets_exports(ExportRegistry& registry);

}  // namespace app::office
