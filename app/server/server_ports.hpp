#pragma once
// The server's real clock and random source, and the credentials it keeps:
// device tokens (32 random bytes, stored as SHA-256 — high entropy needs no
// salt or stretching) and staff PINs (six digits, low entropy: argon2id from
// libsodium, memory-hard, so a stolen database does not hand out every PIN at
// once to a GPU).
#include <chrono>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include "app/core/ports.hpp"
#include "app/core/result.hpp"

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

// What one argon2id PIN hash costs: passes over memory, and the memory.
struct PinCost {
  PinCost(unsigned long long ops_, std::size_t mem_) : ops(ops_), mem(mem_) {}
  unsigned long long ops;
  std::size_t mem;
  // libsodium's INTERACTIVE (2 passes, 64 MiB, ~0.1-0.5 s on a small server):
  // what every PIN is stored at.
  static PinCost interactive();
  // argon2id's least (1 pass, 8 KiB): the test suite's (under ASan a real
  // hash per staff member would make it crawl), and the demo's, whose PINs
  // are public anyway. The same algorithm: only the parameters in the string differ.
  static PinCost cheapest();
};
// The cost new hashes are made at and sign-ins upgrade to; interactive()
// unless a test set it lower (tests/unit/main.cpp). Process-wide.
PinCost pin_cost();
void set_pin_cost(PinCost cost);

// "$argon2id$v=19$m=…,t=…,p=1$salt$hash" (the salt is inside the string).
app::Result<std::string> hash_pin(std::string_view pin);
app::Result<std::string> hash_pin(std::string_view pin, PinCost cost);
// How PINs were stored before argon2id: salted SHA-256, 20,000 rounds. Only
// read (an old row signs in once more, then is stored as argon2id).
std::string legacy_hash_pin(std::string_view salt, std::string_view pin);
struct PinCheck {
  bool match = false;
  bool needs_rehash = false;  // an old SHA-256 row, or argon2id below pin_cost()
};
// `stored`: the staff row's pin_hash (argon2id, or legacy with its `salt`).
PinCheck check_pin(std::string_view salt, std::string_view stored, std::string_view pin);
bool plausible_pin(std::string_view pin);  // 4 to 12 digits
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace server
