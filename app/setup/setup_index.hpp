#pragma once
// What a community still lacks before butlers can work: the set-up screen's
// list, each gap leading to where it is fixed. Read from the projection and
// its views; nothing stored.
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/domain/views.hpp"

namespace app {

enum class GapKind {
  no_units,                  // no buildings or units: import the units
  no_staff,                  // nobody but the lead: import the staff
  no_zones,                  // no zone: nobody's rounds can start
  zone_without_butler,       // a zone nobody walks
  zone_without_checkpoints,  // a zone round with nothing to inspect
  building_in_no_zone,       // a building no butler looks after
  no_keys,                   // an empty key cabinet
  no_prices,                 // no paid-repair price list: repair slips cannot be priced
  no_residents,              // units with nobody on record: callbacks and visits have no one to call
};

struct SetupGap {
  GapKind kind;
  std::string subject;  // the zone's or building's name; "" for the whole community
  Id id;                // that zone or building
};

std::vector<SetupGap> setup_gaps(const MasterData& data, const Views& views);

}  // namespace app
