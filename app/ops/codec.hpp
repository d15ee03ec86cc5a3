#pragma once
// The storage and wire encoding of one op, one record:
//   'B' 'R' | format version (1 byte) | fields as varints and length-prefixed
//   bytes | CRC-32 of everything before it (4 bytes, little endian).
// Decoding never trusts its input: a wrong magic, an unknown version, a bad
// checksum, a truncated or over-long field are each an error, not a crash.
#include <string>
#include <string_view>

#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app {

inline constexpr unsigned char kRecordFormatVersion = 1;

std::string encode_op(const Op& op);
Result<Op> decode_op(std::string_view record);

std::uint32_t crc32(std::string_view bytes);

}  // namespace app
