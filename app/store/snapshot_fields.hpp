#pragma once
// What the snapshot sections' writers and readers share (snapshot*.cpp): the
// byte writers, a signed number written as a zigzag varint, and a count read
// only when the bytes left could hold that many elements.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/core/bytes.hpp"

namespace app::snapshot_fields {

using bytes::put_id;
using bytes::put_text;
using bytes::put_varint;

inline void put_number(std::string& out, std::int64_t v) { bytes::put_varint(out, bytes::zigzag(v)); }

// A count that the remaining bytes could hold (an element is >= `min_bytes`).
inline bool count(bytes::Reader& r, std::uint64_t* n, std::size_t min_bytes) { return r.varint(n) && *n <= r.remaining() / min_bytes; }

}  // namespace app::snapshot_fields
