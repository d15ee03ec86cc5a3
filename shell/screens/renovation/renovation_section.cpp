// Renovation in the shell's sections: a tab under 登记, and its summary for
// the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"

namespace shell {
namespace {

// What is in progress, and the application on its page.
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const RenovationUi& rn = state.renovation;
  out += "\"in_progress\":" + std::to_string(session.renovation().renovations_in_progress().size()) + ",\"application\":\"" +
         state_id(rn.application) + "\"";
  if (const app::Renovation* r = !rn.application.is_nil() ? session.renovation().renovation(rn.application) : nullptr) {
    out += ",\"stage\":" + std::to_string(static_cast<int>(r->stage)) + ",\"passes_out\":" + std::to_string(r->passes_out()) +
           ",\"open_notices\":" + std::to_string(r->open_notices());
  }
  out += ",\"notice_open\":" + std::string(rn.notice.renovation.is_nil() ? "false" : "true") +
         ",\"form_open\":" + std::string(rn.form_open ? "true" : "false");
}

}  // namespace

Section renovation_section() {
  return {.key = "renovation", .title = app::i18n::S::reg_section_renovation, .draw_register = draw_renovations,
          .write_state = write_state};
}

}  // namespace shell
