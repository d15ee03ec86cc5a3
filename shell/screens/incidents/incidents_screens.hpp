#pragma once
// The incident screens (incidents/): the list and the one-tap start, an incident's page,
// its steps and report, and the incidents in progress on Today.
#include <cstdint>
#include <string>

#include "shell/screens/screens.hpp"

namespace shell {

void draw_incidents(ScreenContext& ctx);
void draw_incidents_today(ScreenContext& ctx);
// An incident's page and its parts (incident_page.cpp, incident_steps.cpp, incident_report_view.cpp).
void open_incident(ShellState& st, const app::Id& incident);  // from anywhere: the page in 应急
void draw_incident_page(ScreenContext& ctx, const app::Incident& i);
void draw_incident_steps(ScreenContext& ctx, const app::Incident& i);   // the kind's checklist, stamped
void draw_incident_report(ScreenContext& ctx, const app::Incident& i);  // on screen, and printed
void draw_incident_message(const IncidentsUi& st, int where);           // the refusal, where it was tapped
std::string incident_duration(std::int64_t ms);                          // "12 分 05 秒"

}  // namespace shell
