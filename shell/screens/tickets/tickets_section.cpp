// Tickets in the shell's sections: its own screen in the navigation, what is
// late and owes a callback at the top of Today, this week's household visits
// in the day's plan, and its summary for the tests' hook.
#include <string>

#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/theme.hpp"

namespace shell {
namespace {

void today_plan(ScreenContext& ctx) {
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_visits_due(ctx);
}

// What is open and late, what owes a callback, and the ticket on its page.
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const TicketsUi& tk = state.tickets;
  const app::TicketsService& tickets = session.tickets();
  out += "\"open\":" + std::to_string(tickets.open_tickets().size()) + ",\"overdue\":" + std::to_string(tickets.overdue_ticket_count()) +
         ",\"callbacks_owed\":" + std::to_string(tickets.callbacks_owed().size()) +
         ",\"conflicts\":" + std::to_string(tickets.ticket_conflicts().size()) +
         ",\"form_open\":" + std::string(tk.form_open ? "true" : "false") + ",\"page\":\"" + state_id(tk.open) + "\"";
  if (const app::Ticket* t = !tk.open.is_nil() ? tickets.ticket(tk.open) : nullptr) {
    out += ",\"status\":" + std::to_string(static_cast<int>(t->status)) + ",\"kind\":" + std::to_string(static_cast<int>(t->kind)) +
           ",\"severity\":" + std::to_string(static_cast<int>(t->severity)) + ",\"steps\":" + std::to_string(t->history.size()) +
           ",\"signed\":" + std::string(t->signature.empty() ? "false" : "true");
  }
  out += ",\"visits_due\":" + std::to_string(tickets.visit_plan().due_this_week.size());
}

}  // namespace

Section tickets_section() {
  return {.key = "tickets", .draw_today_alert = draw_ticket_alerts, .alert_rank = 1, .draw_today_plan = today_plan,
          .write_state = write_state};
}

}  // namespace shell
