#include "app/ops/op.hpp"

namespace app {

bool is_known_kind(std::uint16_t code) { return (code >= 1 && code <= 17) || (code >= 40 && code <= 49); }

Payload::Field* Payload::find(std::uint16_t key) {
  for (auto& f : fields_) if (f.key == key) return &f;
  return nullptr;
}

const Payload::Field* Payload::find(std::uint16_t key) const {
  for (const auto& f : fields_) if (f.key == key) return &f;
  return nullptr;
}

Payload& Payload::set(F key, std::string text) {
  const auto k = static_cast<std::uint16_t>(key);
  if (Field* f = find(k)) {
    *f = {k, true, 0, std::move(text)};
  } else {
    fields_.push_back({k, true, 0, std::move(text)});
  }
  return *this;
}

Payload& Payload::set(F key, std::int64_t number) {
  const auto k = static_cast<std::uint16_t>(key);
  if (Field* f = find(k)) {
    *f = {k, false, number, {}};
  } else {
    fields_.push_back({k, false, number, {}});
  }
  return *this;
}

std::optional<std::string_view> Payload::text(F key) const {
  const Field* f = find(static_cast<std::uint16_t>(key));
  if (!f || !f->is_text) return std::nullopt;
  return std::string_view(f->text);
}

std::optional<std::int64_t> Payload::number(F key) const {
  const Field* f = find(static_cast<std::uint16_t>(key));
  if (!f || f->is_text) return std::nullopt;
  return f->number;
}

bool Payload::has(F key) const { return find(static_cast<std::uint16_t>(key)) != nullptr; }

}  // namespace app
