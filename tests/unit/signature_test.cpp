// Signatures: the strokes come back exactly, damage is refused, and a blank
// pad or a stray tap does not pass for a name.
#include <catch2/catch.hpp>

#include <random>

#include "app/core/base64.hpp"
#include "app/core/signature.hpp"

using namespace app;

namespace {

Signature scribble(std::mt19937& rng, int strokes, int points) {
  Signature s;
  std::uniform_int_distribution<int> coord(0, kSignatureSpan);
  for (int i = 0; i < strokes; ++i) {
    std::vector<SignaturePoint> stroke;
    for (int k = 0; k < points; ++k) stroke.push_back({static_cast<std::uint16_t>(coord(rng)), static_cast<std::uint16_t>(coord(rng))});
    s.strokes.push_back(stroke);
  }
  return s;
}

}  // namespace

TEST_CASE("a signature's strokes survive encoding exactly") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const Signature s = scribble(rng, 1 + round % 6, 1 + round % 40);
    const auto back = decode_signature(encode_signature(s));
    REQUIRE(back);
    CHECK(*back == s);
  }
  CHECK(decode_signature(encode_signature(Signature{}))->empty());
}

TEST_CASE("damaged or foreign text is not a signature") {
  std::mt19937 rng(11);
  const std::string good = encode_signature(scribble(rng, 3, 20));
  CHECK_FALSE(decode_signature(""));
  CHECK_FALSE(decode_signature("not base64 at all"));
  CHECK_FALSE(decode_signature(good.substr(0, good.size() - 8)));  // cut short
  std::string raw;
  REQUIRE(base64_decode(good, &raw));
  raw[0] = 9;  // an unknown version
  CHECK_FALSE(decode_signature(base64_encode(raw)));
  // A point outside the box.
  Signature wild;
  wild.strokes.push_back({{0, 0}, {kSignatureSpan, kSignatureSpan}});
  std::string out = encode_signature(wild);
  REQUIRE(base64_decode(out, &raw));
  raw.back() = 0x7e;  // the last delta now overshoots the box
  CHECK_FALSE(decode_signature(base64_encode(raw)));
}

TEST_CASE("a blank pad, a dot or a short flick is refused — a written name passes") {
  CHECK_FALSE(looks_signed(Signature{}));
  Signature dot;
  dot.strokes.push_back({{500, 500}, {501, 500}, {501, 501}});
  CHECK_FALSE(looks_signed(dot));
  Signature flick;
  flick.strokes.push_back({});
  for (std::uint16_t i = 0; i < 20; ++i) flick.strokes[0].push_back({static_cast<std::uint16_t>(500 + i * 2), 500});  // 38 units of ink
  CHECK_FALSE(looks_signed(flick));
  Signature name;
  for (int s = 0; s < 3; ++s) {
    std::vector<SignaturePoint> stroke;
    for (int i = 0; i < 30; ++i) stroke.push_back({static_cast<std::uint16_t>(100 + s * 250 + i * 6), static_cast<std::uint16_t>(400 + (i % 5) * 30)});
    name.strokes.push_back(stroke);
  }
  CHECK(looks_signed(name));
}
