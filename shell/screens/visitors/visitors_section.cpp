// Visitors in the shell's sections: a tab under 台账, "N 位来访者在访" on
// Today while any visitor is in, and its summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/visitors/visitors_screens.hpp"

namespace shell {
namespace {

void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const VisitorsUi& st = state.visitors;
  const app::VisitorsService& visitors = session.visitors();
  out += "\"in\":" + std::to_string(visitors.in_now().size()) + ",\"left\":" + std::to_string(visitors.recent_left(1000).size()) +
         ",\"visit\":\"" + state_id(st.visit) + "\",\"form_open\":" + (st.form_open ? "true" : "false");
  if (const app::VisitorRecord* v = !st.visit.is_nil() ? visitors.visit(st.visit) : nullptr) {
    out += ",\"told\":" + std::string(v->told() ? "true" : "false") + ",\"left_ms\":" + std::to_string(v->left_ms) + ",\"ticket\":\"" +
           state_id(v->ticket) + "\",\"ticket_number\":\"" + visitors.ticket_number(*v) + "\"";
    // The channel the ticket was received by (来访 is 1), as the tickets record it.
    if (auto t = session.master_data().tickets.tickets.find(v->ticket); !v->ticket.is_nil() && t != session.master_data().tickets.tickets.end()) {
      out += ",\"ticket_channel\":" + std::to_string(t->second.channel);
    }
  }
}

}  // namespace

Section visitors_section() {
  return {.key = "visitors", .title = app::i18n::S::reg_section_visitors, .draw_register = draw_visitors_register,
          .draw_today_alert = draw_visitors_today, .alert_rank = 6, .write_state = write_state};
}

}  // namespace shell
