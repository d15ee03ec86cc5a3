// Incidents in the shell's sections: a tab under 登记, the incidents in
// progress first on Today (an emergency before anything late), and its
// summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"

namespace shell {
namespace {

// What is in progress, and the incident on its page.
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const IncidentsUi& ic = state.incidents;
  const app::IncidentsService& incidents = session.incidents();
  out += "\"open\":" + std::to_string(incidents.open_incidents().size()) + ",\"recent\":" + std::to_string(incidents.recent_incidents().size()) +
         ",\"page\":\"" + state_id(ic.incident) + "\"" + ",\"report\":" + std::string(ic.report ? "true" : "false") +
         ",\"start_open\":" + std::string(ic.start_open ? "true" : "false");
  if (const app::Incident* i = !ic.incident.is_nil() ? incidents.incident(ic.incident) : nullptr) {
    out += ",\"kind\":" + std::to_string(static_cast<int>(i->kind)) + ",\"steps\":" + std::to_string(i->steps.size()) +
           ",\"closed\":" + std::string(i->closed() ? "true" : "false");
  }
}

}  // namespace

Section incidents_section() {
  return {.key = "incidents", .title = app::i18n::S::reg_section_incidents, .draw_register = draw_incidents,
          .draw_today_alert = draw_incidents_today, .alert_rank = 0, .write_state = write_state};
}

}  // namespace shell
