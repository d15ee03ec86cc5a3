#pragma once
// An op id as the ops table keys it: 16 bytes, big-endian halves.
#include <string>
#include <string_view>

#include "app/core/id.hpp"

namespace server {

inline std::string id_blob(const app::Id& id) {
  std::string b(16, '\0');
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<char>(id.hi >> (56 - 8 * i));
    b[8 + i] = static_cast<char>(id.lo >> (56 - 8 * i));
  }
  return b;
}

inline app::Id id_of_blob(std::string_view b) {
  app::Id id;
  if (b.size() != 16) return id;
  for (int i = 0; i < 8; ++i) {
    id.hi = (id.hi << 8) | static_cast<unsigned char>(b[i]);
    id.lo = (id.lo << 8) | static_cast<unsigned char>(b[8 + i]);
  }
  return id;
}

}  // namespace server
