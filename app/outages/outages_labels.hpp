#pragma once
// The words for an outage's kind and phase, shared by the screens, the export and the handover.
#include "app/i18n/catalogue.hpp"
#include "app/outages/outages_rules.hpp"

namespace app::outages {

inline i18n::S kind_label(Kind k) {
  switch (k) {
    case Kind::water: return i18n::S::outage_kind_water;
    case Kind::power: return i18n::S::outage_kind_power;
    case Kind::gas: return i18n::S::outage_kind_gas;
    case Kind::other: return i18n::S::outage_kind_other;
  }
  return i18n::S::outage_kind_other;
}

inline i18n::S phase_label(Phase p) {
  switch (p) {
    case Phase::upcoming: return i18n::S::outage_phase_upcoming;
    case Phase::on: return i18n::S::outage_phase_on;
    case Phase::over: return i18n::S::outage_phase_over;
    case Phase::cancelled: return i18n::S::outage_phase_cancelled;
  }
  return i18n::S::outage_phase_over;
}

}  // namespace app::outages
