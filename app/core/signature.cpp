#include "app/core/signature.hpp"

#include <cmath>
#include <cstdlib>

#include "app/core/base64.hpp"
#include "app/core/bytes.hpp"

namespace app {
namespace {

constexpr char kVersion = 1;
constexpr std::size_t kMaxStrokes = 200, kMaxPoints = 20000;
// Ink shorter than a fifth of the box's width is a tap, not a name.
constexpr double kMinInk = kSignatureSpan / 5.0;
constexpr std::size_t kMinPoints = 8;

}  // namespace

std::string encode_signature(const Signature& s) {
  std::string raw;
  raw.push_back(kVersion);
  bytes::put_varint(raw, s.strokes.size());
  for (const auto& stroke : s.strokes) {
    bytes::put_varint(raw, stroke.size());
    std::int64_t px = 0, py = 0;
    for (const SignaturePoint& p : stroke) {
      // Neighbouring points are close: their differences are small varints.
      bytes::put_varint(raw, bytes::zigzag(p.x - px));
      bytes::put_varint(raw, bytes::zigzag(p.y - py));
      px = p.x;
      py = p.y;
    }
  }
  return base64_encode(raw);
}

std::optional<Signature> decode_signature(std::string_view text) {
  std::string raw;
  if (!base64_decode(text, &raw) || raw.empty() || raw[0] != kVersion) return std::nullopt;
  bytes::Reader r(std::string_view(raw).substr(1));
  std::uint64_t strokes = 0;
  if (!r.varint(&strokes) || strokes > kMaxStrokes) return std::nullopt;
  Signature s;
  std::size_t total = 0;
  for (std::uint64_t i = 0; i < strokes; ++i) {
    std::uint64_t n = 0;
    if (!r.varint(&n) || n == 0 || (total += n) > kMaxPoints) return std::nullopt;
    std::vector<SignaturePoint> stroke;
    stroke.reserve(n);
    std::int64_t x = 0, y = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      std::uint64_t dx = 0, dy = 0;
      if (!r.varint(&dx) || !r.varint(&dy)) return std::nullopt;
      x += bytes::unzigzag(dx);
      y += bytes::unzigzag(dy);
      if (x < 0 || y < 0 || x > kSignatureSpan || y > kSignatureSpan) return std::nullopt;
      stroke.push_back({static_cast<std::uint16_t>(x), static_cast<std::uint16_t>(y)});
    }
    s.strokes.push_back(std::move(stroke));
  }
  if (!r.done()) return std::nullopt;
  return s;
}

bool looks_signed(const Signature& s) {
  double ink = 0;
  std::size_t points = 0;
  for (const auto& stroke : s.strokes) {
    points += stroke.size();
    for (std::size_t i = 1; i < stroke.size(); ++i) {
      ink += std::hypot(double(stroke[i].x) - stroke[i - 1].x, double(stroke[i].y) - stroke[i - 1].y);
    }
  }
  return points >= kMinPoints && ink >= kMinInk;
}

}  // namespace app
