#pragma once
// A tiny JSON reader and writer for the sync protocol's few small messages.
// Hand-written so app/ stays free of third-party headers (it is also built to
// WebAssembly) and never throws: parse() reports a bad body as a Result.
// Numbers are integers only: the protocol has no fractions.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/result.hpp"

namespace app::json {

struct Value {
  enum class Type { null, boolean, integer, string, array, object };
  // Declared here, defaulted in sync_json.cpp: with an implicit one, clang
  // (libstdc++'s std::pair checks that Value is default-constructible)
  // instantiates `members` while Value is still incomplete and stops.
  Value();
  Type type = Type::null;
  bool b = false;
  std::int64_t i = 0;
  std::string s;
  std::vector<Value> items;                            // array
  std::vector<std::pair<std::string, Value>> members;  // object, in document order

  const Value* get(std::string_view key) const;  // object member or null
  bool is_string() const { return type == Type::string; }
  bool is_int() const { return type == Type::integer; }
  bool is_array() const { return type == Type::array; }
  bool is_object() const { return type == Type::object; }
};

// Whole document; trailing garbage, depth > 32 or a fraction are errors.
Result<Value> parse(std::string_view text);

// "text" with JSON escapes (UTF-8 passes through as is).
std::string quote(std::string_view text);

}  // namespace app::json
