// The shift handover in the shell's sections: a tab under 登记, and its
// summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/handover/handover_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"

namespace shell {
namespace {

// How many handovers, the last one and whether it was taken over, the form open.
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const app::Handover* last = session.handover().last_handover();
  out += "\"handovers\":" + std::to_string(session.handover().handovers().size()) + ",\"last_handover\":\"" +
         (last ? last->id.to_hex() : std::string()) + "\",\"last_confirmed\":" + (last && last->confirmed() ? "true" : "false") +
         ",\"handover_open\":" + (state.keys.handover_open ? "true" : "false");
}

}  // namespace

Section handover_section() {
  return {.key = "handover", .title = app::i18n::S::reg_section_handover, .draw_register = draw_handover,
          .write_state = write_state};
}

}  // namespace shell
