#pragma once
// What every fold does with a partial update: a field the op carries
// overwrites the state's; a field it leaves out leaves the state alone.
#include <cstdint>
#include <string>

#include "app/ops/op.hpp"

namespace app {

inline void set_text(const Payload& p, F key, std::string& field) {
  if (auto v = p.text(key)) field.assign(*v);
}
inline void set_number(const Payload& p, F key, std::int64_t& field) {
  if (auto v = p.number(key)) field = *v;
}
// True when the op carried a readable id.
inline bool set_id(const Payload& p, F key, Id& field) {
  auto v = p.text(key);
  return v && Id::from_hex(*v, &field);
}

}  // namespace app
