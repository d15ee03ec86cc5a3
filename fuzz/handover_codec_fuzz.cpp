// A handover's items as validate_op and the fold read them from an op
// (F::handover_items, decode_handover_items). Properties: no crash; what
// decodes encodes to text that decodes to the same items, and that text is
// a fixed point of encoding.
#include <cstdint>

#include "app/handover/handover_codec.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (auto items = app::decode_handover_items(fuzz::as_text(data, size))) {
    FUZZ_CHECK(items->size() <= app::kMaxHandoverItems);
    const std::string encoded = app::encode_handover_items(*items);
    auto back = app::decode_handover_items(encoded);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(*back == *items);
    FUZZ_CHECK(app::encode_handover_items(*back) == encoded);
  }
  return 0;
}
