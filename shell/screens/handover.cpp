// The shift handover (交接班): the last handover, read first at the start of
// a shift, with the items it handed over.
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {

void draw_handover(ScreenContext& ctx) {
  const app::Handover* last = ctx.session.last_handover();
  if (!last) return;
  for (const app::HandoverItem& item : last->items) widgets::data_text(item.text, item.overdue ? colors::danger : colors::text);
}

}  // namespace shell
