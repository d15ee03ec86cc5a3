#pragma once
// SHA-256 (FIPS 180-4): photo blobs are named by the hash of their bytes, and
// the server stores device tokens and PINs only as salted hashes. Small and
// dependency-free so the same code runs in the tablet (wasm) and the server.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace app {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;
};

std::array<std::uint8_t, 32> sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);  // 64 lowercase hex digits
std::string to_hex(std::string_view bytes);
bool is_sha256_hex(std::string_view s);           // 64 lowercase hex digits

}  // namespace app
