// The key cabinet in the shell's sections: a tab under 登记, the keys overdue
// at the top of Today, and its summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"

namespace shell {
namespace {

// The board's counts, the tray, the sheets open and the view (2: the cabinet's upkeep).
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const KeysUi& k = state.keys;
  const app::KeysService& keys = session.keys();
  out += "\"out\":" + std::to_string(keys.keys_out().size()) + ",\"overdue\":" + std::to_string(keys.overdue_keys().size()) +
         ",\"lost\":" + std::to_string(keys.lost_keys().size()) + ",\"picked\":" + std::to_string(k.picked.size()) +
         ",\"filter\":" + std::to_string(k.filter) + ",\"key\":\"" + state_id(k.open_key) + "\",\"loan_open\":" + (k.loan_open ? "true" : "false") +
         ",\"person\":\"" + state_id(k.person) + "\",\"conflicts\":" + std::to_string(keys.key_conflicts().size()) +
         ",\"view\":" + std::to_string(k.view) + ",\"in_use\":" + std::to_string(keys.filed_keys().size()) +
         ",\"add_open\":" + (k.add_open ? "true" : "false");
}

}  // namespace

Section keys_section() {
  return {.key = "keys", .title = app::i18n::S::reg_section_keys, .draw_register = draw_keys_register,
          .draw_today_alert = draw_keys_today, .alert_rank = 2, .write_state = write_state};
}

}  // namespace shell
