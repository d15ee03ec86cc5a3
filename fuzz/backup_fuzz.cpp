// A backup file as a tablet restores it (Session::import_backup): decode_backup
// reads it all or refuses it, and the ops go into the fold as they are (a
// backup's ops are not validated again), then the views are built.
// Properties: no crash; a read backup writes back to one that reads the same
// ops; and the fold converges: the file's valid ops (distinct op ids, as sync
// would deliver them) fold to the same state in either order.
#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "app/core/bytes.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/domain/views.hpp"
#include "app/store/backup.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

// The file with every checksum made right: each record's own (its last four
// bytes) and the file's, so mutations reach the records' fields and the fold.
std::string repair(std::string_view in) {
  constexpr std::size_t kHeader = 8 + 1 + 4;  // "BUTLERBK", version, op count
  if (in.size() < kHeader + 4) return std::string(in);
  std::string b(in.substr(0, in.size() - 4));
  const std::uint32_t count = app::bytes::get_u32(b, 9);
  std::size_t at = kHeader;
  for (std::uint32_t i = 0; i < count && b.size() - at >= 4; ++i) {
    const std::uint32_t n = app::bytes::get_u32(b, at);
    at += 4;
    if (b.size() - at < n) break;
    if (n >= 7) {
      const std::uint32_t crc = app::crc32(std::string_view(b).substr(at, n - 4));
      for (int k = 0; k < 4; ++k) b[at + n - 4 + k] = static_cast<char>((crc >> (8 * k)) & 0xFF);
    }
    at += n;
  }
  app::bytes::put_u32(b, app::crc32(b));
  return b;
}

void check_backup(std::string_view bytes) {
  app::Result<std::vector<app::Op>> ops = app::decode_backup(bytes);
  if (!ops.ok()) {
    FUZZ_CHECK(!ops.error().code.empty());
    return;
  }
  app::Result<std::vector<app::Op>> back = app::decode_backup(app::encode_backup(ops.value()));
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(back.value() == ops.value());

  app::Replica restored;
  restored.add(ops.value());
  (void)app::build_views(restored.data());
  (void)app::summarize(restored.data());

  std::vector<app::Op> valid;
  std::set<app::Id> ids;
  for (const app::Op& op : ops.value()) {
    if (app::validate_op(op).ok() && ids.insert(op.op_id).second) valid.push_back(op);
  }
  if (valid.size() > 64) return;  // one at a time, backwards, refolds each time: keep it quick
  app::Replica forward, backward;
  forward.add(valid);
  std::reverse(valid.begin(), valid.end());
  for (const app::Op& op : valid) backward.add(std::vector<app::Op>{op});
  FUZZ_CHECK(forward.data() == backward.data());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  check_backup(input);
  const std::string repaired = repair(input);
  if (repaired != input) check_backup(repaired);
  return 0;
}
