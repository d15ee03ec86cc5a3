#include "app/ops/op.hpp"

#include <iterator>

namespace app {

namespace {

struct KindEntry {
  OpKind kind;
  std::string_view name;
};

constexpr KindEntry kKinds[] = {
#define BUTLER_OP_KIND(name, code) {OpKind::name, #name},
#define BUTLER_FIELD(name, code, type, max_bytes)
#include "app/ops/workflow_ops.inc"
#undef BUTLER_OP_KIND
#undef BUTLER_FIELD
};

constexpr OpKind kKindList[] = {
#define BUTLER_OP_KIND(name, code) OpKind::name,
#define BUTLER_FIELD(name, code, type, max_bytes)
#include "app/ops/workflow_ops.inc"
#undef BUTLER_OP_KIND
#undef BUTLER_FIELD
};

constexpr FieldSpec kFields[] = {
#define BUTLER_OP_KIND(name, code)
#define BUTLER_FIELD(name, code, type, max_bytes) \
  {F::name, #name, FieldType::type, (max_bytes) == 0 ? kMaxTextBytes : std::size_t{max_bytes}},
#include "app/ops/workflow_ops.inc"
#undef BUTLER_OP_KIND
#undef BUTLER_FIELD
};

// Two workflows must never claim one code: that would mix their records.
constexpr bool kind_codes_unique() {
  for (std::size_t i = 0; i < std::size(kKinds); ++i) {
    for (std::size_t j = i + 1; j < std::size(kKinds); ++j) {
      if (kKinds[i].kind == kKinds[j].kind) return false;
    }
  }
  return true;
}
constexpr bool field_codes_unique_and_in_range() {
  for (std::size_t i = 0; i < std::size(kFields); ++i) {
    if (static_cast<unsigned>(kFields[i].key) == 0 || static_cast<unsigned>(kFields[i].key) >= FieldSet::kBits) return false;
    for (std::size_t j = i + 1; j < std::size(kFields); ++j) {
      if (kFields[i].key == kFields[j].key) return false;
    }
  }
  return true;
}
static_assert(kind_codes_unique(), "two op kinds share a code (see the *_ops.inc files)");
static_assert(field_codes_unique_and_in_range(), "two fields share a code, or a code is outside 1..FieldSet::kBits-1");

// Lookups by code: built once.
constexpr std::size_t kMaxKindCode = 1024;
struct Tables {
  const KindEntry* kinds[kMaxKindCode] = {};
  const FieldSpec* fields[FieldSet::kBits] = {};
};
const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    for (const KindEntry& k : kKinds) {
      const auto code = static_cast<std::size_t>(k.kind);
      if (code < kMaxKindCode) out.kinds[code] = &k;
    }
    for (const FieldSpec& f : kFields) out.fields[static_cast<std::size_t>(f.key)] = &f;
    return out;
  }();
  return t;
}

}  // namespace

bool is_known_kind(std::uint16_t code) { return code < kMaxKindCode && tables().kinds[code] != nullptr; }

std::string_view op_kind_name(OpKind kind) {
  const auto code = static_cast<std::size_t>(kind);
  return code < kMaxKindCode && tables().kinds[code] ? tables().kinds[code]->name : std::string_view{};
}

std::span<const OpKind> all_op_kinds() { return kKindList; }

const FieldSpec* field_spec(std::uint16_t key) { return key < FieldSet::kBits ? tables().fields[key] : nullptr; }

std::span<const FieldSpec> all_fields() { return kFields; }

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
