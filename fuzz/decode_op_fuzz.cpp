// One op record as it arrives from the wire or from storage: decode_op, then
// validate_op and the role table as the server and a tablet judge a pushed or
// pulled op, and the fold and views it then goes into. Properties: decoding
// never crashes, a decoded op encodes back to a record that decodes to the
// same op (decode(encode(op)) == op), and the encoding is a fixed point. The
// fold takes any decoded op, valid or not: a tablet folds its stored records
// at start-up and a restored backup's ops without validating them again.
#include <cstdint>
#include <vector>

#include "app/core/roles.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/domain/views.hpp"
#include "app/ops/codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

void check_record(std::string_view record) {
  app::Result<app::Op> op = app::decode_op(record);
  if (!op.ok()) {
    FUZZ_CHECK(!op.error().code.empty());
    return;
  }
  const std::string encoded = app::encode_op(op.value());
  app::Result<app::Op> back = app::decode_op(encoded);
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(back.value() == op.value());
  FUZZ_CHECK(app::encode_op(back.value()) == encoded);

  if (app::validate_op(op.value()).ok()) {
    for (std::int64_t role = -1; role <= app::kRoleCount; ++role) (void)app::may_record(op.value(), role);
  }
  app::Replica replica;
  FUZZ_CHECK(replica.add(std::vector<app::Op>{op.value()}) == 1);
  (void)app::build_views(replica.data());
  FUZZ_CHECK(replica.decoded_log().size() == 1 && replica.decoded_log()[0] == op.value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  check_record(input);
  // The same bytes with a right checksum, so mutations reach the fields.
  if (size >= 7) {
    const std::string repaired = fuzz::with_crc(input);
    if (repaired != input) check_record(repaired);
  }
  return 0;
}
