// A checklist edit's text forms as validate_op and the fold read them from an
// op (app/rounds/checklist_codec.hpp): the items (decode_items) and a round's
// pinned versions (decode_pins). Properties: no crash; what decodes encodes
// to text that decodes to the same items (or pins), so a list read from one
// op can be written into the next edit unchanged.
#include <cstdint>

#include "app/rounds/checklist_codec.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (auto items = app::decode_items(text)) {
    const std::string encoded = app::encode_items(*items);
    auto back = app::decode_items(encoded);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(*back == *items);
    FUZZ_CHECK(app::encode_items(*back) == encoded);
  }
  if (auto pins = app::decode_pins(text)) {
    const std::string encoded = app::encode_pins(*pins);
    auto back = app::decode_pins(encoded);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(back->size() == pins->size());
    for (std::size_t i = 0; i < pins->size(); ++i) {
      FUZZ_CHECK((*back)[i].key == (*pins)[i].key && (*back)[i].version == (*pins)[i].version);
    }
  }
  return 0;
}
