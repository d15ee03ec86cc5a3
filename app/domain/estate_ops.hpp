#pragma once
// The estate's op kinds (community, buildings, units, residents, staff,
// zones, checkpoints, photos, households moving in and out): their specs, the common fields' value rules,
// and their fold into MasterData.
#include "app/domain/master_data.hpp"
#include "app/ops/op_spec.hpp"

namespace app {

// The most keys a move hands over or takes back (交钥匙).
inline constexpr std::int64_t kMaxKeysHanded = 20;

OpTable estate_ops();
void apply_estate(MasterData& data, const Op& op);

}  // namespace app
