// Setting up a community in the shell's sections: a tab under 登记, and its
// summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "app/sync/sync_json.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/setup/setup_screens.hpp"

namespace shell {
namespace {

// The gaps (by kind), the zones, the route being edited, the last message and
// the duty hours (minutes: model units open, close; greeting from, until).
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  std::string gaps;
  for (const app::SetupGap& g : session.setup().gaps()) {
    gaps += (gaps.empty() ? "" : ",") + std::to_string(static_cast<int>(g.kind));
  }
  out += "\"gaps\":[" + gaps + "],\"zones\":" + std::to_string(session.estate().zone_rows().size()) +
         ",\"imports\":" + std::to_string(session.setup().imports().size()) + ",\"route\":\"" + state_id(state.setup.route) +
         "\",\"message\":" + app::json::quote(state.setup.message);
  const app::EstateHours& h = session.setup().hours();
  out += ",\"hours\":[" + std::to_string(h.model_opens) + "," + std::to_string(h.model_closes) + "," +
         std::to_string(h.greeting_from) + "," + std::to_string(h.greeting_until) + "]";
}

}  // namespace

Section setup_section() {
  return {.key = "setup", .title = app::i18n::S::reg_section_setup, .draw_register = draw_setup, .write_state = write_state};
}

}  // namespace shell
