#include "app/sync/sync_json.hpp"

#include <limits>

namespace app::json {
namespace {

Error bad(const std::string& what) { return Error{"bad_json", "malformed JSON: " + what}; }

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  bool value(Value* out, int depth) {
    if (depth > 32) return fail("nested too deep");
    ws();
    if (at_ >= t_.size()) return fail("unexpected end");
    const char c = t_[at_];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out->type = Value::Type::string;
      return string(&out->s);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return integer(out);
    if (word("true")) { out->type = Value::Type::boolean; out->b = true; return true; }
    if (word("false")) { out->type = Value::Type::boolean; out->b = false; return true; }
    if (word("null")) { out->type = Value::Type::null; return true; }
    return fail("unexpected character");
  }

  bool done() {
    ws();
    return at_ == t_.size();
  }
  std::string error;

 private:
  bool fail(const char* what) {
    if (error.empty()) error = std::string(what) + " at byte " + std::to_string(at_);
    return false;
  }
  void ws() {
    while (at_ < t_.size() && (t_[at_] == ' ' || t_[at_] == '\n' || t_[at_] == '\r' || t_[at_] == '\t')) ++at_;
  }
  bool word(std::string_view w) {
    if (t_.substr(at_, w.size()) != w) return false;
    at_ += w.size();
    return true;
  }
  bool integer(Value* out) {
    bool neg = false;
    if (t_[at_] == '-') { neg = true; ++at_; }
    if (at_ >= t_.size() || t_[at_] < '0' || t_[at_] > '9') return fail("bad number");
    std::uint64_t v = 0;
    while (at_ < t_.size() && t_[at_] >= '0' && t_[at_] <= '9') {
      const auto d = static_cast<std::uint64_t>(t_[at_++] - '0');
      if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return fail("number too large");
      v = v * 10 + d;
    }
    if (at_ < t_.size() && (t_[at_] == '.' || t_[at_] == 'e' || t_[at_] == 'E')) return fail("fractions not supported");
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return fail("number too large");
    out->type = Value::Type::integer;
    out->i = neg ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    return true;
  }
  bool hex4(std::uint32_t* v) {
    if (t_.size() - at_ < 4) return fail("bad \\u escape");
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = t_[at_++];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return fail("bad \\u escape");
      *v = (*v << 4) | static_cast<std::uint32_t>(d);
    }
    return true;
  }
  static void utf8(std::string* s, std::uint32_t cp) {
    if (cp < 0x80) { s->push_back(static_cast<char>(cp)); return; }
    if (cp < 0x800) {
      s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    } else if (cp < 0x10000) {
      s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    }
    s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  bool string(std::string* out) {
    ++at_;  // opening quote
    out->clear();
    while (true) {
      // Copy the plain run in one go: base64 op records are long and escape-free.
      const std::size_t start = at_;
      while (at_ < t_.size() && t_[at_] != '"' && t_[at_] != '\\' && static_cast<unsigned char>(t_[at_]) >= 0x20) ++at_;
      out->append(t_.substr(start, at_ - start));
      if (at_ >= t_.size()) return fail("unterminated string");
      const char c = t_[at_++];
      if (c == '"') return true;
      if (c != '\\') return fail("control character in string");
      if (at_ >= t_.size()) return fail("unterminated string");
      const char e = t_[at_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {  // surrogate pair
            std::uint32_t lo = 0;
            if (!word("\\u") || !hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return fail("bad surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("bad surrogate pair");
          }
          utf8(out, cp);
          break;
        }
        default: return fail("bad escape");
      }
    }
  }
  bool array(Value* out, int depth) {
    ++at_;
    out->type = Value::Type::array;
    ws();
    if (at_ < t_.size() && t_[at_] == ']') { ++at_; return true; }
    while (true) {
      out->items.emplace_back();
      if (!value(&out->items.back(), depth + 1)) return false;
      ws();
      if (at_ >= t_.size()) return fail("unterminated array");
      const char c = t_[at_++];
      if (c == ']') return true;
      if (c != ',') return fail("expected , or ]");
    }
  }
  bool object(Value* out, int depth) {
    ++at_;
    out->type = Value::Type::object;
    ws();
    if (at_ < t_.size() && t_[at_] == '}') { ++at_; return true; }
    while (true) {
      ws();
      if (at_ >= t_.size() || t_[at_] != '"') return fail("expected a key");
      std::string key;
      if (!string(&key)) return false;
      ws();
      if (at_ >= t_.size() || t_[at_++] != ':') return fail("expected :");
      out->members.emplace_back(std::move(key), Value{});
      if (!value(&out->members.back().second, depth + 1)) return false;
      ws();
      if (at_ >= t_.size()) return fail("unterminated object");
      const char c = t_[at_++];
      if (c == '}') return true;
      if (c != ',') return fail("expected , or }");
    }
  }

  std::string_view t_;
  std::size_t at_ = 0;
};

}  // namespace

Value::Value() = default;

const Value* Value::get(std::string_view key) const {
  if (type != Type::object) return nullptr;
  for (const auto& m : members) if (m.first == key) return &m.second;
  return nullptr;
}

Result<Value> parse(std::string_view text) {
  Parser p(text);
  Value v;
  if (!p.value(&v, 0)) return bad(p.error);
  if (!p.done()) return bad("trailing characters");
  return v;
}

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static const char* digits = "0123456789abcdef";
      out += "\\u00";
      out += digits[u >> 4];
      out += digits[u & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace app::json
