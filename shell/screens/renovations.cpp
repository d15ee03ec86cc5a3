// Renovation supervision (装修管理): the applications in progress.
#include <cstdio>

#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {

void draw_renovations(ScreenContext& ctx) {
  int index = 0;
  for (const app::Renovation* r : ctx.session.renovations_in_progress()) {
    char id[32];
    std::snprintf(id, sizeof id, "renovation:%d", index++);
    const app::UnitRow* row = ctx.session.unit_row(r->unit);
    widgets::list_row(id, row ? row->label.c_str() : "", r->contractor.c_str());
  }
}

}  // namespace shell
