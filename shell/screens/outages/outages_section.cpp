// Outage notices in the shell's sections: a tab under 台账, the notices on
// Today while on (and the day before), a line on each affected unit's record,
// and the summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/outages/outages_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"

namespace shell {
namespace {

void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const OutagesUi& st = state.outages;
  out += "\"on_today\":" + std::to_string(session.outages().on_today().size()) + ",\"all\":" + std::to_string(session.outages().all().size()) +
         ",\"open\":\"" + state_id(st.open) + "\",\"form_open\":" + (st.form_open ? "true" : "false");
  if (const app::Outage* o = !st.open.is_nil() ? session.outages().notice(st.open) : nullptr) {
    out += ",\"posted\":" + std::string(o->posted_ms ? "true" : "false") + ",\"cancelled\":" + (o->cancelled() ? "true" : "false");
  }
}

}  // namespace

Section outages_section() {
  return {.key = "outages", .title = app::i18n::S::reg_section_outages, .draw_register = draw_outages_register,
          .draw_today_alert = draw_outages_today, .alert_rank = 3, .draw_unit_record = draw_outages_unit, .write_state = write_state};
}

}  // namespace shell
