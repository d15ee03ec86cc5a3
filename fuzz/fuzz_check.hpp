#pragma once
// What the fuzz targets share: FUZZ_CHECK stops the run with a message when a
// property fails (libFuzzer saves the input that made it fail, like a crash),
// and the checksum repair that lets mutated inputs get past a CRC.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "app/core/bytes.hpp"
#include "app/core/ports.hpp"
#include "app/ops/codec.hpp"

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace fuzz {

// A Status that must be ok: otherwise its error is printed and the run stops.
#define FUZZ_CHECK_OK(status)                                                                       \
  do {                                                                                              \
    const auto& fuzz_status_ = (status);                                                            \
    if (!fuzz_status_.ok()) {                                                                       \
      std::fprintf(stderr, "fuzz check failed: %s refused: %s: %s (%s:%d)\n", #status,              \
                   fuzz_status_.error().code.c_str(), fuzz_status_.error().message.c_str(), __FILE__, \
                   __LINE__);                                                                       \
      std::abort();                                                                                 \
    }                                                                                               \
  } while (0)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The bytes with their last four replaced by the CRC-32 of the rest (little
// endian), as every stored format here ends: a random mutation almost never
// keeps a checksum right, so without this the fuzzer would only ever see
// "checksum mismatch".
inline std::string with_crc(std::string_view bytes) {
  std::string out(bytes.substr(0, bytes.size() < 4 ? 0 : bytes.size() - 4));
  app::bytes::put_u32(out, app::crc32(out));
  return out;
}

// A seeded random source: the same input plans the same ids every time, so a
// crash replays.
class Random final : public app::RandomPort {
 public:
  explicit Random(std::uint64_t seed = 1) : state_(seed) {}
  std::uint64_t next_u64() override {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace fuzz
