#include "app/ops/codec.hpp"

#include <array>

#include "app/core/bytes.hpp"

namespace app {
namespace {

constexpr std::size_t kMaxFields = 256;

using bytes::put_id;
using bytes::put_varint;
using bytes::Reader;
using bytes::unzigzag;
using bytes::zigzag;

const std::array<std::uint32_t, 256>& crc_table() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  return table;
}

Error corrupt(const char* what) { return Error{"record_corrupt", std::string("damaged record: ") + what}; }

}  // namespace

std::uint32_t bytes::crc32_update(std::uint32_t c, std::string_view data) {
  const auto& table = crc_table();
  for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c;
}

std::uint32_t crc32(std::string_view data) { return bytes::crc32_finish(bytes::crc32_update(bytes::crc32_start(), data)); }

std::string encode_op(const Op& op) {
  std::string out;
  out.reserve(96);
  out.push_back('B');
  out.push_back('R');
  out.push_back(static_cast<char>(kRecordFormatVersion));
  put_id(out, op.op_id);
  put_id(out, op.device_id);
  put_varint(out, static_cast<std::uint64_t>(op.hlc.wall_ms));
  put_varint(out, op.hlc.logical);
  put_id(out, op.actor);
  put_id(out, op.entity);
  put_varint(out, static_cast<std::uint16_t>(op.kind));
  put_varint(out, op.payload.fields().size());
  for (const auto& f : op.payload.fields()) {
    put_varint(out, (static_cast<std::uint64_t>(f.key) << 1) | (f.is_text ? 1 : 0));
    if (f.is_text) {
      put_varint(out, f.text.size());
      out += f.text;
    } else {
      put_varint(out, zigzag(f.number));
    }
  }
  const std::uint32_t crc = crc32(out);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xFF));
  return out;
}

Result<Op> decode_op(std::string_view record) {
  if (record.size() < 3 + 4) return corrupt("too short");
  if (record[0] != 'B' || record[1] != 'R') return corrupt("not a Butler Rounds record");
  const auto version = static_cast<unsigned char>(record[2]);
  if (version != kRecordFormatVersion) {
    return Error{"record_unknown_version", "record of unknown format version " + std::to_string(version)};
  }
  const std::string_view body = record.substr(0, record.size() - 4);
  std::uint32_t stored = 0;
  for (int i = 0; i < 4; ++i) stored |= static_cast<std::uint32_t>(static_cast<unsigned char>(record[record.size() - 4 + i])) << (8 * i);
  if (crc32(body) != stored) return corrupt("checksum mismatch");

  Reader r(body.substr(3));
  Op op;
  std::uint64_t wall = 0, logical = 0, kind = 0, count = 0;
  if (!r.id(&op.op_id) || !r.id(&op.device_id) || !r.varint(&wall) || !r.varint(&logical) || !r.id(&op.actor) ||
      !r.id(&op.entity) || !r.varint(&kind) || !r.varint(&count)) {
    return corrupt("truncated header");
  }
  if (logical > 0xFFFFFFFFu || wall > (1ull << 62)) return corrupt("timestamp out of range");
  if (kind > 0xFFFF || !is_known_kind(static_cast<std::uint16_t>(kind))) {
    return Error{"record_unknown_kind", "record of unknown kind " + std::to_string(kind)};
  }
  if (count > kMaxFields) return corrupt("too many fields");
  op.hlc = {static_cast<std::int64_t>(wall), static_cast<std::uint32_t>(logical)};
  op.kind = static_cast<OpKind>(kind);
  auto& fields = op.payload.mutable_fields();
  fields.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t tag = 0, v = 0;
    if (!r.varint(&tag) || !r.varint(&v) || (tag >> 1) > 0xFFFF) return corrupt("truncated field");
    Payload::Field f{static_cast<std::uint16_t>(tag >> 1), (tag & 1) != 0, 0, {}};
    if (f.is_text) {
      if (!r.bytes(static_cast<std::size_t>(v), &f.text)) return corrupt("truncated text");
    } else {
      f.number = unzigzag(v);
    }
    fields.push_back(std::move(f));
  }
  if (!r.done()) return corrupt("trailing bytes");
  return op;
}

}  // namespace app
