#pragma once
// The office's mail register: mail.csv (the 《郵件收發登記表》 of 001).
#include "app/domain/office_exports.hpp"

namespace app::office {

void add_mail_exports(ExportRegistry& registry);

}  // namespace app::office
