// Sync: connectivity and enrolment state. The sync engine reports here.
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/platform/web_host.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_sync(ScreenContext& ctx) {
  widgets::begin_card("sync_status");
  const bool online = ctx.host.online();
  widgets::pill(tr(online ? S::sync_online : S::sync_offline), online ? colors::ok : colors::warn);
  ImGui::TextWrapped("%s", tr(S::sync_not_enrolled));
  char pending[96];
  std::snprintf(pending, sizeof pending, tr(S::sync_pending_ops), static_cast<int>(ctx.session.pending_count()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", pending);
  widgets::end_card();
}

}  // namespace shell
