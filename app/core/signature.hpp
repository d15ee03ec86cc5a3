#pragma once
// A handwritten signature as the strokes a finger drew: the owner signing a
// finished repair, two staff confirming a shift handover. Stored inside an op
// as text (base64 of delta-coded points), so it syncs and is checksummed like
// every other field, and drawn back from the same strokes on any screen.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct SignaturePoint {
  std::uint16_t x = 0, y = 0;  // 0..kSignatureSpan across the pad's width and height
  bool operator==(const SignaturePoint&) const = default;
};

// Points are kept in a fixed box, whatever the pad's size on screen: a
// signature drawn in portrait renders the same in landscape.
inline constexpr std::uint16_t kSignatureSpan = 1000;

struct Signature {
  std::vector<std::vector<SignaturePoint>> strokes;
  bool operator==(const Signature&) const = default;
  bool empty() const { return strokes.empty(); }
};

// Text form for an op field. Version-tagged, so a later form can be told apart.
std::string encode_signature(const Signature& s);
// nullopt for anything that is not a signature this code wrote (damaged text,
// a point outside the box, an unknown version).
std::optional<Signature> decode_signature(std::string_view text);

// A blank pad, a dot or a stray touch is not a signature: the ink must run a
// fair distance (in box units) over enough points. Commands refuse less.
bool looks_signed(const Signature& s);

}  // namespace app
