#pragma once
// A backup file of the whole local log, to carry to a new tablet or restore
// after a wipe. Layout: "BUTLERBK" | version (1 byte) | op count (u32) | each
// record as u32 length + the op's own record | CRC-32 of all before it.
// Reading validates everything first: one bad byte and nothing is imported.
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app {

std::string encode_backup(const std::vector<Op>& log);
std::string encode_backup_records(const std::vector<std::string_view>& records);  // already-encoded ops
Result<std::vector<Op>> decode_backup(std::string_view bytes);

}  // namespace app
