#include "shell/screens/building_chips.hpp"

#include <algorithm>
#include <cstdio>

#include "shell/fonts/font_atlas.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {

void building_chips(const char* id, const std::vector<const app::Building*>& buildings, std::vector<app::Id>* on) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    const app::Building& b = *buildings[i];
    const bool chosen = std::find(on->begin(), on->end(), b.id) != on->end();
    const float w = std::max(ui().touch(), ImGui::CalcTextSize(b.name.c_str()).x + ui().css(28));
    if (i > 0 && ImGui::GetItemRectMax().x + gap + w <= right) ImGui::SameLine();
    char key[48];
    std::snprintf(key, sizeof key, "%s:%zu", id, i);
    ui().fonts->request_text(b.name.c_str());
    if (widgets::button(key, b.name.c_str(), w, chosen ? widgets::Tone::primary : widgets::Tone::normal)) {
      if (chosen) on->erase(std::find(on->begin(), on->end(), b.id));
      else on->push_back(b.id);
    }
  }
}

}  // namespace shell
