#pragma once
// Little binary helpers shared by every stored format (op records, snapshots,
// backups): varints, fixed-width little-endian integers, 128-bit ids, and a
// bounds-checked reader that reports damage instead of reading past the end.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/core/id.hpp"

namespace app::bytes {

inline void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

inline void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline void put_id(std::string& out, const Id& id) {
  put_u64(out, id.hi);
  put_u64(out, id.lo);
}

inline void put_text(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out += text;
}

inline std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
inline std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

inline std::uint32_t get_u32(std::string_view s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

// CRC-32 (IEEE), also in steps: crc32_finish(crc32_update(crc32_start(), a) …).
std::uint32_t crc32_update(std::uint32_t state, std::string_view bytes);
inline std::uint32_t crc32_start() { return 0xFFFFFFFFu; }
inline std::uint32_t crc32_finish(std::uint32_t state) { return state ^ 0xFFFFFFFFu; }

class Reader {
 public:
  // Text longer than this is taken for damage, not data.
  static constexpr std::size_t kMaxText = 1 << 20;

  explicit Reader(std::string_view s) : s_(s) {}
  bool varint(std::uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= s_.size()) return false;
      const auto b = static_cast<unsigned char>(s_[at_++]);
      *v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool number(std::int64_t* v) {
    std::uint64_t u = 0;
    if (!varint(&u)) return false;
    *v = unzigzag(u);
    return true;
  }
  bool u8(std::uint8_t* v) {
    if (at_ >= s_.size()) return false;
    *v = static_cast<std::uint8_t>(s_[at_++]);
    return true;
  }
  bool u64(std::uint64_t* v) {
    if (s_.size() - at_ < 8) return false;
    *v = 0;
    for (int i = 0; i < 8; ++i) *v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s_[at_++])) << (8 * i);
    return true;
  }
  bool id(Id* out) { return u64(&out->hi) && u64(&out->lo); }
  bool bytes(std::size_t n, std::string* out) {
    if (n > kMaxText || s_.size() - at_ < n) return false;
    out->assign(s_.substr(at_, n));
    at_ += n;
    return true;
  }
  bool text(std::string* out) {
    std::uint64_t n = 0;
    return varint(&n) && bytes(static_cast<std::size_t>(n), out);
  }
  bool done() const { return at_ == s_.size(); }
  std::size_t remaining() const { return s_.size() - at_; }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

}  // namespace app::bytes
