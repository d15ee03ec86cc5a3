#pragma once
// Sizes and colours. Everything is specified in CSS pixels and scaled to
// device pixels, since ImGui works in the canvas's device pixels.
#include "imgui.h"

namespace shell {

class FontAtlas;
class Host;

struct Ui {
  float dpr = 1.0f;
  bool portrait = false;
  FontAtlas* fonts = nullptr;
  Host* host = nullptr;  // the platform (the browser, or the native tests' fake)

  float css(float px) const { return px * dpr; }
  // The smallest thing a finger can hit reliably (48 CSS px); main actions get more.
  float touch() const { return css(56.0f); }
};

Ui& ui();

namespace colors {
constexpr ImU32 primary = IM_COL32(0x1f, 0x5f, 0x8b, 0xff);
constexpr ImU32 primary_soft = IM_COL32(0xdc, 0xe9, 0xf3, 0xff);
constexpr ImU32 button = IM_COL32(0xe6, 0xed, 0xf3, 0xff);
constexpr ImU32 text = IM_COL32(0x1d, 0x27, 0x33, 0xff);
constexpr ImU32 muted = IM_COL32(0x5a, 0x67, 0x74, 0xff);
constexpr ImU32 surface = IM_COL32(0xff, 0xff, 0xff, 0xff);
constexpr ImU32 background = IM_COL32(0xf3, 0xf5, 0xf7, 0xff);
constexpr ImU32 ok = IM_COL32(0x2e, 0x7d, 0x32, 0xff);
constexpr ImU32 warn = IM_COL32(0xc7, 0x7c, 0x02, 0xff);
constexpr ImU32 danger = IM_COL32(0xb3, 0x26, 0x1e, 0xff);
constexpr ImU32 accent = IM_COL32(0xf2, 0xb2, 0x33, 0xff);
}  // namespace colors

// Applies the light, high-contrast style (readable outdoors) at a scale.
void apply_theme(float dpr);

}  // namespace shell
