#pragma once
// The estate's op kinds (community, buildings, units, residents, staff,
// zones, checkpoints, photos): their specs, the common fields' value rules,
// and their fold into MasterData.
#include "app/domain/master_data.hpp"
#include "app/ops/op_spec.hpp"

namespace app {

OpTable estate_ops();
void apply_estate(MasterData& data, const Op& op);

}  // namespace app
