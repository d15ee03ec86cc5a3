#include "app/domain/role_labels.hpp"

namespace app {

i18n::S role_label(Role r) {
  using i18n::S;
  switch (r) {
    case Role::butler: return S::role_butler;
    case Role::head_butler: return S::role_head_butler;
    case Role::front_desk: return S::role_front_desk;
    case Role::manager: return S::role_manager;
    case Role::engineering: return S::role_engineering;
    case Role::security: return S::role_security;
    case Role::cleaning: return S::role_cleaning;
    case Role::greening: return S::role_greening;
  }
  return S::role_butler;
}

}  // namespace app
