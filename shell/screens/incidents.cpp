// Incidents (应急): the recent ones, open first.
#include <cstdio>

#include "app/incidents/incident_checklists.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {

void draw_incidents(ScreenContext& ctx) {
  int index = 0;
  for (const app::Incident* i : ctx.session.recent_incidents()) {
    char id[32];
    std::snprintf(id, sizeof id, "incident:%d", index++);
    const std::string place = app::incident_place_label(*i, ctx.session.master_data());
    widgets::list_row(id, app::incidents::checklist_for(i->kind).zh, place.c_str());
  }
}

void draw_incidents_today(ScreenContext&) {}

}  // namespace shell
