#include "shell/ui/signature_pad.hpp"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell::widgets {
namespace {

// The pad's box keeps the signature box's shape: 1000 wide by 1000 × this.
constexpr float kAspect = 0.35f;

ImVec2 to_screen(const app::SignaturePoint& p, ImVec2 min, ImVec2 size) {
  return ImVec2(min.x + size.x * p.x / app::kSignatureSpan, min.y + size.y * p.y / app::kSignatureSpan);
}

void draw_strokes(ImDrawList* dl, const app::Signature& s, ImVec2 min, ImVec2 size, float thickness) {
  for (const auto& stroke : s.strokes) {
    if (stroke.size() == 1) {
      dl->AddCircleFilled(to_screen(stroke[0], min, size), thickness * 0.5f, colors::text);
      continue;
    }
    for (std::size_t i = 1; i < stroke.size(); ++i) {
      dl->AddLine(to_screen(stroke[i - 1], min, size), to_screen(stroke[i], min, size), colors::text, thickness);
    }
  }
}

}  // namespace

bool signature_pad(const char* id, app::Signature* s) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size(width, width * kAspect);
  const ImVec2 min = ImGui::GetCursorScreenPos(), max(min.x + size.x, min.y + size.y);
  ImGui::InvisibleButton(id, size);
  const bool active = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, colors::surface, ui().css(8));
  dl->AddRect(min, max, active ? colors::primary : IM_COL32(0xb0, 0xbb, 0xc6, 0xff), ui().css(8), 0, ui().css(active ? 2.0f : 1.0f));
  // The line a name is written on.
  const float base = min.y + size.y * 0.75f;
  dl->AddLine(ImVec2(min.x + ui().css(24), base), ImVec2(max.x - ui().css(24), base), IM_COL32(0xd0, 0xd7, 0xde, 0xff), ui().css(1));
  bool added = false;
  if (active) {
    claim_drag();  // the finger writes here; the screen must not scroll
    const ImVec2 m = ImGui::GetIO().MousePos;
    const auto clamp = [](float v) { return std::clamp(v, 0.0f, 1.0f); };
    const app::SignaturePoint p{static_cast<std::uint16_t>(std::lround(clamp((m.x - min.x) / size.x) * app::kSignatureSpan)),
                                static_cast<std::uint16_t>(std::lround(clamp((m.y - min.y) / size.y) * app::kSignatureSpan))};
    // A finger put down starts a stroke; moving it extends that stroke.
    if (ImGui::IsItemActivated() || s->strokes.empty()) {
      s->strokes.push_back({p});
      added = true;
    } else if (auto& stroke = s->strokes.back(); stroke.back() != p) {
      stroke.push_back(p);
      added = true;
    }
  }
  draw_strokes(dl, *s, min, size, ui().css(3));
  automation().record_last_item(id, s->empty() ? "" : "signed", "pad", active);
  return added;
}

void signature_view(const app::Signature& s, float width) {
  const ImVec2 size(width, width * kAspect);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), colors::surface, ui().css(6));
  dl->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(0xd0, 0xd7, 0xde, 0xff), ui().css(6));
  draw_strokes(dl, s, min, size, ui().css(2));
  ImGui::Dummy(size);
}

}  // namespace shell::widgets
