#pragma once
// An operation: the unit of change, of storage and of sync. Every user action
// becomes one or more ops; state is the deterministic fold of the op set in
// (hlc, device_id, op_id) order.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"

namespace app {

// Op kinds and payload fields are declared once, each in its workflow's
// *_ops.inc (listed in app/ops/workflow_ops.inc) with its stable code and, for
// a field, its type: stored and synced, never renumbered.
enum class OpKind : std::uint16_t {
#define BUTLER_OP_KIND(name, code) name = code,
#define BUTLER_FIELD(name, code, type, max_bytes)
#include "app/ops/workflow_ops.inc"
#undef BUTLER_OP_KIND
#undef BUTLER_FIELD
};
bool is_known_kind(std::uint16_t code);
std::string_view op_kind_name(OpKind kind);  // "key_lent"; "" for an unknown code
std::span<const OpKind> all_op_kinds();

// Field keys inside a payload.
enum class F : std::uint16_t {
#define BUTLER_OP_KIND(name, code)
#define BUTLER_FIELD(name, code, type, max_bytes) name = code,
#include "app/ops/workflow_ops.inc"
#undef BUTLER_OP_KIND
#undef BUTLER_FIELD
};

// What a field holds. text: UTF-8 up to kMaxTextBytes (or the field's own
// bound); number: an integer; id: one 128-bit id in hex; ids: a comma list of
// distinct ids; bytes: an encoded structure (checklist items, strokes…) with
// its own larger bound.
enum class FieldType : std::uint8_t { text, number, id, ids, bytes };
inline constexpr std::size_t kMaxTextBytes = 4096;  // names, phones, notes: generous, not unbounded
inline constexpr std::size_t kMaxIdsPerField = 100;  // a loan is a bunch of keys, not the cabinet
struct FieldSpec {
  F key;
  std::string_view name;
  FieldType type;
  std::size_t max_bytes;  // for text-like types
  bool is_text() const { return type != FieldType::number; }
};
const FieldSpec* field_spec(std::uint16_t key);  // nullptr for an unknown key
std::span<const FieldSpec> all_fields();

// A set of field keys (what a kind may carry, what it must carry).
class FieldSet {
 public:
  static constexpr unsigned kBits = 512;
  constexpr FieldSet() = default;
  constexpr FieldSet(std::initializer_list<F> keys) {
    for (F k : keys) add(k);
  }
  constexpr FieldSet& add(F key) {
    const auto i = static_cast<unsigned>(key);
    if (i < kBits) words_[i / 64] |= std::uint64_t{1} << (i % 64);
    return *this;
  }
  constexpr bool has(std::uint16_t key) const { return key < kBits && ((words_[key / 64] >> (key % 64)) & 1u) != 0; }
  constexpr bool has(F key) const { return has(static_cast<std::uint16_t>(key)); }
  constexpr FieldSet operator|(const FieldSet& o) const {
    FieldSet r;
    for (unsigned i = 0; i < kBits / 64; ++i) r.words_[i] = words_[i] | o.words_[i];
    return r;
  }
  constexpr bool contains(const FieldSet& o) const {
    for (unsigned i = 0; i < kBits / 64; ++i) {
      if ((o.words_[i] & ~words_[i]) != 0) return false;
    }
    return true;
  }
  // The keys in the set, lowest first.
  std::vector<F> keys() const {
    std::vector<F> out;
    for (unsigned i = 0; i < kBits; ++i) {
      if (has(static_cast<std::uint16_t>(i))) out.push_back(static_cast<F>(i));
    }
    return out;
  }

 private:
  std::uint64_t words_[kBits / 64] = {};
};

// A small typed record: the few fields an op carries, in a fixed order.
class Payload {
 public:
  using Value = std::pair<std::int64_t, std::string>;  // int or text; which one is known per key

  Payload& set(F key, std::string text);
  Payload& set(F key, std::int64_t number);
  std::optional<std::string_view> text(F key) const;
  std::optional<std::int64_t> number(F key) const;
  bool has(F key) const;

  struct Field {
    std::uint16_t key;
    bool is_text;
    std::int64_t number;
    std::string text;
    bool operator==(const Field&) const = default;
  };
  const std::vector<Field>& fields() const { return fields_; }
  std::vector<Field>& mutable_fields() { return fields_; }
  bool operator==(const Payload&) const = default;

 private:
  Field* find(std::uint16_t key);
  const Field* find(std::uint16_t key) const;
  std::vector<Field> fields_;
};

struct Op {
  Id op_id;
  Id device_id;
  Hlc hlc;
  Id actor;
  Id entity;
  OpKind kind = OpKind::community_set;
  Payload payload;
  bool operator==(const Op&) const = default;
};

// An op's place in the fold order: (hlc, device_id, op_id). Total, since op
// ids are unique.
struct FoldKey {
  Hlc hlc;
  Id device;
  Id op_id;
  auto operator<=>(const FoldKey&) const = default;
};
inline FoldKey fold_key(const Op& op) { return {op.hlc, op.device_id, op.op_id}; }
inline bool op_before(const Op& a, const Op& b) { return fold_key(a) < fold_key(b); }

}  // namespace app
