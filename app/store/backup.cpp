#include "app/store/backup.hpp"

#include <algorithm>
#include <cstdint>

#include "app/core/bytes.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"

namespace app {
namespace {

constexpr std::string_view kMagic = "BUTLERBK";
constexpr unsigned char kVersion = 1;

using bytes::get_u32;
using bytes::put_u32;

Error refuse(i18n::S why, const std::string& detail = {}) {
  std::string message = i18n::tr(why);
  if (!detail.empty()) message += " (" + detail + ")";
  return Error{"backup_invalid", message};
}

}  // namespace

std::string encode_backup_records(const std::vector<std::string_view>& records) {
  std::string out(kMagic);
  out.push_back(static_cast<char>(kVersion));
  put_u32(out, static_cast<std::uint32_t>(records.size()));
  for (std::string_view record : records) {
    put_u32(out, static_cast<std::uint32_t>(record.size()));
    out += record;
  }
  put_u32(out, crc32(out));
  return out;
}

std::string encode_backup(const std::vector<Op>& log) {
  std::vector<std::string> encoded;
  encoded.reserve(log.size());
  for (const Op& op : log) encoded.push_back(encode_op(op));
  return encode_backup_records(std::vector<std::string_view>(encoded.begin(), encoded.end()));
}

Result<std::vector<Op>> decode_backup(std::string_view bytes) {
  using i18n::S;
  if (bytes.size() < kMagic.size() + 1 + 4 + 4 || bytes.substr(0, kMagic.size()) != kMagic) {
    return refuse(S::err_backup_not_backup);
  }
  if (static_cast<unsigned char>(bytes[kMagic.size()]) != kVersion) return refuse(S::err_backup_version);
  const std::string_view body = bytes.substr(0, bytes.size() - 4);
  if (crc32(body) != get_u32(bytes, bytes.size() - 4)) return refuse(S::err_backup_damaged);
  const std::uint32_t count = get_u32(bytes, kMagic.size() + 1);
  std::size_t at = kMagic.size() + 1 + 4;
  // The count is the file's word, checked only as the records are read: room
  // for no more ops than the bytes can hold (a length and a shortest record each).
  constexpr std::size_t kLeastPerOp = 4 + 3 + 4;
  std::vector<Op> ops;
  ops.reserve(std::min<std::size_t>(count, (body.size() - at) / kLeastPerOp));
  for (std::uint32_t i = 0; i < count; ++i) {
    if (body.size() - at < 4) return refuse(S::err_backup_damaged, "#" + std::to_string(i + 1));
    const std::uint32_t n = get_u32(body, at);
    at += 4;
    if (body.size() - at < n) return refuse(S::err_backup_damaged, "#" + std::to_string(i + 1));
    Result<Op> op = decode_op(body.substr(at, n));
    if (!op.ok()) return refuse(S::err_backup_damaged, "#" + std::to_string(i + 1) + ": " + op.error().message);
    ops.push_back(std::move(op).value());
    at += n;
  }
  if (at != body.size()) return refuse(S::err_backup_damaged);
  return ops;
}

}  // namespace app
