#pragma once
// The server's real clock and random source, and the credentials it keeps:
// device tokens (32 random bytes, stored as SHA-256 — high entropy needs no
// salt or stretching) and staff PINs (six digits, low entropy: salted and
// stretched, so a stolen database does not hand out every PIN at once).
#include <chrono>
#include <random>
#include <string>
#include <string_view>

#include "app/core/ports.hpp"

namespace server {

class SystemClock final : public app::ClockPort {
 public:
  std::int64_t now_ms() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// std::random_device reads the kernel's getrandom()/urandom with libstdc++ on Linux.
class OsRandom final : public app::RandomPort {
 public:
  std::uint64_t next_u64() override { return (std::uint64_t{dev_()} << 32) | dev_(); }

 private:
  std::random_device dev_;
};

std::string random_hex(app::RandomPort& random, std::size_t bytes);
std::string new_token(app::RandomPort& random);  // 64 hex digits, shown once
std::string hash_token(std::string_view token);
std::string new_salt(app::RandomPort& random);
std::string hash_pin(std::string_view salt, std::string_view pin);
bool plausible_pin(std::string_view pin);  // 4 to 12 digits
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace server
