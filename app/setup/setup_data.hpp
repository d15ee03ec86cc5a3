#pragma once
// Setting up a community: what the fold keeps — the office files imported,
// so a lead sees when the residents were last loaded and by whom, and the
// community's own duty hours (estate_hours.hpp). The estate
// the imports and the set-up screens change is MasterData's own.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/setup/estate_hours.hpp"
#include "app/setup/sheet_columns.hpp"

namespace app {

struct ImportRecord {
  Id id, by;
  ImportKind kind = ImportKind::units;
  std::string file;
  std::int64_t added = 0, changed = 0, unchanged = 0, at_ms = 0;
  bool operator==(const ImportRecord&) const = default;
};

struct SetupData {
  std::unordered_map<Id, ImportRecord, IdHash> imports;
  EstateHours hours;
  bool operator==(const SetupData&) const = default;
};

void apply_setup(SetupData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp).
template <class Projection>
void fold_setup(Projection& d, const Op& op) {
  apply_setup(d.setup, op);
}

}  // namespace app
