#include "app/tickets/repair_slip.hpp"

#include <cstdio>

#include "app/core/base64.hpp"
#include "app/core/bytes.hpp"

namespace app {
namespace {

constexpr char kVersion = 1;
constexpr std::uint64_t kMaxLines = 100;
constexpr std::int64_t kMaxQuantity = 10000, kMaxPrice = 100000000;  // ¥1,000,000 a line is damage, not a repair

}  // namespace

std::int64_t RepairSlip::total_cents() const {
  std::int64_t total = 0;
  for (const SlipLine& l : lines) total += l.total_cents();
  return total;
}

bool RepairSlip::has_off_list() const {
  for (const SlipLine& l : lines) {
    if (l.item.is_nil()) return true;
  }
  return false;
}

std::string encode_slip_lines(const std::vector<SlipLine>& lines) {
  std::string raw;
  raw.push_back(kVersion);
  bytes::put_varint(raw, lines.size());
  for (const SlipLine& l : lines) {
    bytes::put_id(raw, l.item);
    bytes::put_text(raw, l.name);
    bytes::put_text(raw, l.unit_label);
    bytes::put_varint(raw, static_cast<std::uint64_t>(l.price_cents));
    bytes::put_varint(raw, static_cast<std::uint64_t>(l.quantity));
  }
  return base64_encode(raw);
}

std::optional<std::vector<SlipLine>> decode_slip_lines(std::string_view text) {
  std::string raw;
  if (!base64_decode(text, &raw) || raw.empty() || raw[0] != kVersion) return std::nullopt;
  bytes::Reader r(std::string_view(raw).substr(1));
  std::uint64_t n = 0;
  if (!r.varint(&n) || n > kMaxLines) return std::nullopt;
  std::vector<SlipLine> lines(static_cast<std::size_t>(n));
  for (SlipLine& l : lines) {
    std::uint64_t price = 0, quantity = 0;
    if (!r.id(&l.item) || !r.text(&l.name) || !r.text(&l.unit_label) || !r.varint(&price) || !r.varint(&quantity)) return std::nullopt;
    if (price > kMaxPrice || quantity < 1 || quantity > kMaxQuantity || l.name.empty()) return std::nullopt;
    l.price_cents = static_cast<std::int64_t>(price);
    l.quantity = static_cast<std::int64_t>(quantity);
  }
  if (!r.done()) return std::nullopt;
  return lines;
}

std::string format_yuan(std::int64_t cents) {
  char out[48];
  const bool negative = cents < 0;
  const std::uint64_t v = negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  std::snprintf(out, sizeof out, "%s¥%llu.%02llu", negative ? "-" : "", static_cast<unsigned long long>(v / 100),
                static_cast<unsigned long long>(v % 100));
  return out;
}

}  // namespace app
