#pragma once
// How an entity's fields go into a projection snapshot and come back out.
// Each entity type has one `fields(v, x)` (in its area's snapshot_<area>.cpp)
// that names its fields in their stored order, e.g.
//
//   bool fields(auto& v, Of<Visit> auto& x) {
//     return v.id(x.id) && v.id(x.unit) && v.number(x.at_ms) && v.text(x.note);
//   }
//
// and the two visitors here give it its two meanings: with SnapshotOut (x is
// const) every call appends the field's bytes and returns true; with
// SnapshotIn every call reads the field back and returns false on damage or
// on a value the fold could not have produced. One list of fields serves
// both, so the writer and the reader cannot drift apart. A field that came
// in format version N is visited only when v.version() >= N (the writer's is
// always the current one).
//
// Encodings: an id is 16 bytes; a text is its length (varint) and its bytes;
// a number, a flag (0/1) and an enumeration are zigzag varints; a coded value
// is the text its codec makes of it; a list is its count (a varint, or a
// zigzag number for Count::as_number) and then its elements; a packed number
// holds flags and small enumerations side by side, lowest bits first.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "app/core/bytes.hpp"

namespace app::snapshot_fields {

// The entity type E, as written (const) or as read.
template <class T, class E>
concept Of = std::same_as<std::remove_const_t<T>, E>;

using ValidNumber = bool (*)(std::int64_t);
using ValidText = bool (*)(std::string_view);

inline void put_number(std::string& out, std::int64_t v) { bytes::put_varint(out, bytes::zigzag(v)); }

// A list's count, and the fewest bytes one element takes: a count read back
// is taken only when the bytes left could hold that many elements.
struct Count {
  std::size_t min_bytes;
  bool as_zigzag = false;  // stored as a signed number, not a varint (the tickets' history)
  constexpr Count(std::size_t min) : min_bytes(min) {}  // implicit: a plain size is a varint count
  static constexpr Count as_number(std::size_t min) {
    Count c(min);
    c.as_zigzag = true;
    return c;
  }
};

// Parts of one packed number, lowest bits first: a flag takes one bit, an
// enumeration `width` bits (0: every bit above the parts before it).
template <class B>
struct Bit {
  B& value;
};
template <class E>
struct Bits {
  E& value;
  ValidNumber valid;
  int width;
};
template <class B>
Bit(B&) -> Bit<B>;
template <class E>
Bits(E&, ValidNumber, int) -> Bits<E>;

class SnapshotOut {
 public:
  SnapshotOut(std::string& out, unsigned char version) : out_(out), version_(version) {}
  // The format version being written (always the current one).
  unsigned char version() const { return version_; }

  bool id(const Id& x) {
    bytes::put_id(out_, x);
    return true;
  }
  bool text(const std::string& x, ValidText = nullptr) {
    bytes::put_text(out_, x);
    return true;
  }
  bool number(const std::int64_t& x, ValidNumber = nullptr) {
    put_number(out_, x);
    return true;
  }
  bool flag(const bool& x) {
    put_number(out_, x ? 1 : 0);
    return true;
  }
  template <class E>
  bool enumeration(const E& x, ValidNumber) {
    put_number(out_, static_cast<std::int64_t>(x));
    return true;
  }
  // A value kept as the text of its own codec (the same text its op carries).
  template <class X, class Encode, class Decode>
  bool coded(const X& x, Encode encode, Decode) {
    bytes::put_text(out_, encode(x));
    return true;
  }
  template <class X, class Each>
  bool list(const std::vector<X>& xs, Count c, Each each) {
    if (c.as_zigzag) {
      put_number(out_, static_cast<std::int64_t>(xs.size()));
    } else {
      bytes::put_varint(out_, xs.size());
    }
    for (const X& x : xs) each(x);
    return true;
  }
  bool ids(const std::vector<Id>& xs) {
    return list(xs, 16, [this](const Id& x) { return id(x); });
  }
  template <class... Parts>
  bool packed_number(Parts... parts) {
    put_number(out_, pack(parts...));
    return true;
  }
  template <class... Parts>
  bool packed_varint(Parts... parts) {
    bytes::put_varint(out_, static_cast<std::uint64_t>(pack(parts...)));
    return true;
  }
  // A check of the whole value once read (nothing to check when writing).
  template <class X, class Check>
  bool check(const X&, Check) {
    return true;
  }
  // A field the snapshot does not hold, made from those it does when read.
  template <class X, class Derive>
  bool derive(const X&, Derive) {
    return true;
  }

 private:
  template <class... Parts>
  static std::int64_t pack(Parts... parts) {
    std::int64_t packed = 0;
    int shift = 0;
    (add(packed, shift, parts), ...);
    return packed;
  }
  template <class B>
  static void add(std::int64_t& packed, int& shift, Bit<B> b) {
    packed |= static_cast<std::int64_t>(b.value ? 1 : 0) << shift;
    shift += 1;
  }
  template <class E>
  static void add(std::int64_t& packed, int& shift, Bits<E> b) {
    packed |= static_cast<std::int64_t>(b.value) << shift;
    shift += b.width;
  }

  std::string& out_;
  unsigned char version_;
};

class SnapshotIn {
 public:
  SnapshotIn(bytes::Reader& r, unsigned char version) : r_(r), version_(version) {}
  // The format version being read: a field added in version N is read only
  // when version() >= N.
  unsigned char version() const { return version_; }

  bool id(Id& x) { return r_.id(&x); }
  bool text(std::string& x, ValidText valid = nullptr) { return r_.text(&x) && (!valid || valid(x)); }
  bool number(std::int64_t& x, ValidNumber valid = nullptr) { return r_.number(&x) && (!valid || valid(x)); }
  bool flag(bool& x) {
    std::int64_t v = 0;
    if (!r_.number(&v)) return false;
    x = v != 0;
    return true;
  }
  template <class E>
  bool enumeration(E& x, ValidNumber valid) {
    std::int64_t v = 0;
    if (!r_.number(&v) || !valid(v)) return false;
    x = static_cast<E>(v);
    return true;
  }
  template <class X, class Encode, class Decode>
  bool coded(X& x, Encode, Decode decode) {
    std::string text;
    if (!r_.text(&text)) return false;
    auto decoded = decode(text);
    if (!decoded) return false;
    x = std::move(*decoded);
    return true;
  }
  template <class X, class Each>
  bool list(std::vector<X>& xs, Count c, Each each) {
    std::uint64_t n = 0;
    if (c.as_zigzag) {
      std::int64_t signed_n = 0;
      if (!r_.number(&signed_n) || signed_n < 0) return false;
      n = static_cast<std::uint64_t>(signed_n);
      if (n > r_.remaining() / c.min_bytes) return false;
    } else if (!count(&n, c.min_bytes)) {
      return false;
    }
    xs.resize(static_cast<std::size_t>(n));
    for (X& x : xs) {
      if (!each(x)) return false;
    }
    return true;
  }
  bool ids(std::vector<Id>& xs) {
    return list(xs, 16, [this](Id& x) { return id(x); });
  }
  template <class... Parts>
  bool packed_number(Parts... parts) {
    std::int64_t packed = 0;
    return r_.number(&packed) && unpack(packed, parts...);
  }
  template <class... Parts>
  bool packed_varint(Parts... parts) {
    std::uint64_t packed = 0;
    return r_.varint(&packed) && unpack(static_cast<std::int64_t>(packed), parts...);
  }
  template <class X, class Check>
  bool check(const X& x, Check holds) {
    return holds(x);
  }
  template <class X, class Derive>
  bool derive(X& x, Derive make) {
    make(x);
    return true;
  }

  // A count that the bytes left could hold (an element is >= `min_bytes`).
  bool count(std::uint64_t* n, std::size_t min_bytes) { return r_.varint(n) && *n <= r_.remaining() / min_bytes; }

 private:
  template <class... Parts>
  static bool unpack(std::int64_t packed, Parts... parts) {
    int shift = 0;
    return (take(packed, shift, parts) && ...);
  }
  template <class B>
  static bool take(std::int64_t packed, int& shift, Bit<B> b) {
    b.value = ((packed >> shift) & 1) != 0;
    shift += 1;
    return true;
  }
  template <class E>
  static bool take(std::int64_t packed, int& shift, Bits<E> b) {
    const std::int64_t v = b.width == 0 ? packed >> shift : (packed >> shift) & ((std::int64_t{1} << b.width) - 1);
    shift += b.width;
    if (!b.valid(v)) return false;
    b.value = static_cast<E>(v);
    return true;
  }

  bytes::Reader& r_;
  unsigned char version_;
};

}  // namespace app::snapshot_fields
