#include "app/server/server_ports.hpp"

#include "app/core/sha256.hpp"

namespace server {

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

std::string new_salt(app::RandomPort& random) { return random_hex(random, 16); }

std::string hash_pin(std::string_view salt, std::string_view pin) {
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
