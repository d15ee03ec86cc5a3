// Tickets: requests, complaints and repairs. Until the first one is taken,
// an empty list that says so.
#include "app/i18n/catalogue.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_tickets(ScreenContext&) {
  widgets::heading(tr(S::tickets_title));
  widgets::begin_card("tickets_empty");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::tickets_empty));
  widgets::end_card();
}

}  // namespace shell
