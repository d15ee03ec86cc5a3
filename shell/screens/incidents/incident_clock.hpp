#pragma once
// An incident's clock: elapsed since the start while it runs, the time to
// rescue once a lift's trapped people are out, the time taken once closed.
//
// While the clock is scrolled away, a bar at the top of the view carries it:
// in a lift entrapment the minutes since the start are what the butler
// reports, while stamping steps further down. The bar is claimed as the first
// item of the page (so a tap on it never presses a button hidden under it) and
// a tap brings the page back to the top; it is drawn last, over the content.
#include <string>

#include "imgui.h"
#include "shell/screens/incidents/incidents_state.hpp"
#include "shell/screens/screens.hpp"

namespace app { struct Incident; }

namespace shell {

struct IncidentClock {
  std::string text;  // "已用时  12 分 05 秒"
  ImU32 color = 0;   // running red, done green
};

// The clock in the page's flow; notes whether it has scrolled above the view.
IncidentClock draw_incident_clock(ScreenContext& ctx, const app::Incident& i);
// First thing on the page: the pinned bar's place, so nothing under it takes a tap.
void claim_pinned_clock(IncidentsUi& st);
// Last thing on the page: the bar itself, over the content.
void draw_pinned_clock(const IncidentsUi& st, const IncidentClock& c);

}  // namespace shell
