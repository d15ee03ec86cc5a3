#include "shell/ui/photo_strip.hpp"

#include <algorithm>
#include <cstdio>

#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"
#include "imgui.h"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/thumbnails.hpp"

namespace shell::widgets {
namespace {

const char* draw_tile(const std::string& sha256, float side) {
  const Thumbnail& t = thumbnails().get(sha256);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), colors::button, ui().css(6));
  const char* state = "loading";
  if (t.state == Thumbnail::State::ready) {
    state = "ready";
    const float scale = side / std::max(t.width, t.height);
    const float w = t.width * scale, h = t.height * scale;
    const ImVec2 min(at.x + (side - w) * 0.5f, at.y + (side - h) * 0.5f);
    draw->AddImageRounded(t.texture, min, ImVec2(min.x + w, min.y + h), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, ui().css(6));
  } else if (t.state == Thumbnail::State::missing) {
    state = "missing";
    // Wrapped inside the tile: "照片在服务器上" is wider than a small tile.
    const char* note = app::i18n::tr(app::i18n::S::photo_on_server);
    const float pad = ui().css(4);
    const ImVec2 size = ImGui::CalcTextSize(note, nullptr, false, side - 2 * pad);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + std::max(pad, (side - size.x) * 0.5f), at.y + (side - size.y) * 0.5f),
                  colors::muted, note, nullptr, side - 2 * pad);
  }
  ImGui::Dummy(ImVec2(side, side));
  return state;
}


// Both overloads walk their list in place: no copy of the names each frame.
template <class List, class ShaOf>
void draw_strip(const char* id, const List& list, ShaOf sha_of, float side, bool inline_first) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0 || inline_first) {
      ImGui::SameLine();
      if (ImGui::GetContentRegionAvail().x < side + gap * 0.5f) ImGui::NewLine();
    }
    const char* state = draw_tile(sha_of(list[i]), side);
    char name[96];
    std::snprintf(name, sizeof name, "%s:%zu", id, i);
    automation().record_last_item(name, state, "image");
  }
}

}  // namespace

void photo_strip(const char* id, const std::vector<std::string>& sha256s, float side, bool inline_first) {
  draw_strip(id, sha256s, [](const std::string& sha) -> const std::string& { return sha; }, side, inline_first);
}

void photo_strip(const char* id, const std::vector<const app::Photo*>& photos, float side, bool inline_first) {
  draw_strip(id, photos, [](const app::Photo* p) -> const std::string& { return p->sha256; }, side, inline_first);
}

}  // namespace shell::widgets
