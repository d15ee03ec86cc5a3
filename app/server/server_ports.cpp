#include "app/server/server_ports.hpp"

#include <sodium.h>

#include <atomic>

#include "app/core/sha256.hpp"

namespace server {
namespace {

// sodium_init() once, before the first hash (thread-safe: a function-local static).
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::atomic<unsigned long long> g_ops{crypto_pwhash_OPSLIMIT_INTERACTIVE};
std::atomic<std::size_t> g_mem{crypto_pwhash_MEMLIMIT_INTERACTIVE};

constexpr std::string_view kArgon2id = "$argon2id$";

}  // namespace

std::string random_hex(app::RandomPort& random, std::size_t bytes) {
  std::string raw;
  while (raw.size() < bytes) {
    const std::uint64_t v = random.next_u64();
    for (int i = 0; i < 8 && raw.size() < bytes; ++i) raw.push_back(static_cast<char>(v >> (8 * i)));
  }
  return app::to_hex(raw);
}

std::string new_token(app::RandomPort& random) { return random_hex(random, 32); }

std::string hash_token(std::string_view token) { return app::sha256_hex(std::string("butler-token:") + std::string(token)); }

// INTERACTIVE rather than MODERATE/SENSITIVE (256 MiB / 1 GiB, seconds each):
// the server answers sign-ins while it syncs, on a small machine, and each
// hash in flight holds its memory; a six-digit PIN is protected online by the
// throttle (app/server/sign_in.hpp), and offline 64 MiB per guess already
// takes a stolen database's PINs out of a GPU's reach in bulk.
PinCost PinCost::interactive() { return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }
PinCost PinCost::cheapest() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

PinCost pin_cost() { return {g_ops.load(), g_mem.load()}; }

void set_pin_cost(PinCost cost) {
  g_ops.store(cost.ops);
  g_mem.store(cost.mem);
}

app::Result<std::string> hash_pin(std::string_view pin) { return hash_pin(pin, pin_cost()); }

app::Result<std::string> hash_pin(std::string_view pin, PinCost cost) {
  if (!sodium_ready()) return app::Error{"crypto", "libsodium could not start"};
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), cost.ops, cost.mem) != 0) {
    return app::Error{"crypto", "no memory to hash a PIN"};
  }
  return std::string(out);
}

PinCheck check_pin(std::string_view salt, std::string_view stored, std::string_view pin) {
  PinCheck c;
  if (stored.substr(0, kArgon2id.size()) == kArgon2id) {
    if (!sodium_ready()) return c;
    const std::string s(stored);  // libsodium wants it NUL-terminated
    c.match = crypto_pwhash_str_verify(s.c_str(), pin.data(), pin.size()) == 0;
    c.needs_rehash = c.match && crypto_pwhash_str_needs_rehash(s.c_str(), g_ops.load(), g_mem.load()) != 0;
    return c;
  }
  c.match = constant_time_equal(legacy_hash_pin(salt, pin), stored);
  c.needs_rehash = c.match;
  return c;
}

std::string legacy_hash_pin(std::string_view salt, std::string_view pin) {
  std::string h = app::sha256_hex(std::string(salt) + ":" + std::string(pin));
  for (int i = 0; i < 20000; ++i) h = app::sha256_hex(h + std::string(salt));
  return h;
}

bool plausible_pin(std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 12) return false;
  for (char c : pin) if (c < '0' || c > '9') return false;
  return true;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace server
