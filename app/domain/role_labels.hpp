#pragma once
// A role's name as staff call it (客服管家, 客服主管, 工程部…).
#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {

i18n::S role_label(Role r);

}  // namespace app
