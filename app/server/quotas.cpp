#include "app/server/quotas.hpp"

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/ops/codec.hpp"
#include "app/ops/op.hpp"

namespace server {

std::int64_t quota_day(std::int64_t now_ms) { return app::local_time(now_ms).day; }

std::vector<std::string> blobs_named_by(const app::Op& op) {
  // Photos are the only blobs: every op that shows one names it in F::photo
  // (photo_added, renovation_paper). Signatures travel inside their op.
  std::vector<std::string> out;
  if (auto photo = op.payload.text(app::F::photo); photo && app::is_sha256_hex(*photo)) out.emplace_back(*photo);
  return out;
}

std::vector<std::string> blobs_named_by_record(std::string_view record) {
  auto op = app::decode_op(record);
  if (!op.ok()) return {};
  return blobs_named_by(op.value());
}

std::optional<std::int64_t> parse_size(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int shift = 0;
  switch (text.back()) {
    case 'K': case 'k': shift = 10; break;
    case 'M': case 'm': shift = 20; break;
    case 'G': case 'g': shift = 30; break;
    case 'T': case 't': shift = 40; break;
    default: break;
  }
  if (shift) text.remove_suffix(1);
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (shift && n > (std::int64_t{1} << (62 - shift))) return std::nullopt;
  return n << shift;
}

}  // namespace server
