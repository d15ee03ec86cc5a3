// Tickets: the open ones soonest deadline first, each with its countdown
// (red once late), the overdue ones, the callbacks owed and the closed ones;
// for the head butler below them the month's callback coverage and re-check
// sample, the conflicts two tablets left, and the paid-repair price list.
// A tap opens the ticket on its page (ticket_page.cpp).
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

constexpr std::size_t kClosedShown = 50;

void ticket_row(ScreenContext& ctx, const app::Ticket& t, const char* id) {
  const std::string title = ticket_place(ctx.session, t) + " · " + t.what;
  // The number first: what the butler reads out on the phone (T3-0042).
  std::string sub = tk::ticket_number(t) + " · " + tr(tk::kind_label(t.kind)) + " · " + tr(tk::severity_label(t.severity)) + " · " +
                    tr(tk::status_label(t.status));
  if (!t.handler.empty()) sub += " · " + t.handler;
  std::string pill;
  ImU32 color = colors::muted;
  const std::int64_t now = ctx.session.lateness_now_ms();
  if (!t.open()) {
    pill = tr(tk::status_label(t.status));
  } else if (auto next = ctx.session.tickets().next_deadline(t)) {
    pill = countdown_text(*next, now);
    color = countdown_color(*next, now);
  } else if (t.status == tk::Status::done && t.slip.category == tk::RepairCategory::leak) {
    pill = tr(S::tickets_waiting_leak_test);
    color = colors::warn;
  }
  if (widgets::list_row(id, title.c_str(), sub.c_str(), pill.c_str(), color)) {
    ctx.state.tickets.open = t.id;
    ctx.state.tickets.message.clear();
  }
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill.c_str(), "label");
}

void ticket_list(ScreenContext& ctx, const std::vector<const app::Ticket*>& list, S empty) {
  if (list.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(empty));
    return;
  }
  int index = 0;
  for (const app::Ticket* t : list) {
    char id[32];
    std::snprintf(id, sizeof id, "ticket:%d", index++);
    ticket_row(ctx, *t, id);
  }
}

std::vector<const app::Ticket*> closed_tickets(const app::Session& s) {
  std::vector<const app::Ticket*> out;
  for (const auto& [id, t] : s.master_data().tickets.tickets) {
    if (t.received_ms != 0 && !t.open()) out.push_back(&t);
  }
  std::sort(out.begin(), out.end(), [](const app::Ticket* a, const app::Ticket* b) {
    return a->closed_ms != b->closed_ms ? a->closed_ms > b->closed_ms : a->id < b->id;
  });
  if (out.size() > kClosedShown) out.resize(kClosedShown);
  return out;
}

// The head butler's part: coverage and the re-check sample, conflicts, prices.
void review(ScreenContext& ctx) {
  const app::Session& s = ctx.session;
  const std::int64_t month = s.today() / 100;
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  widgets::heading(tr(S::tickets_recheck));
  const app::CallbackCoverage c = s.tickets().callback_coverage(month);
  char line[160];
  app::i18n::format_to(line, sizeof line, S::tickets_coverage, c.owed, c.done, c.problems);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.done < c.owed ? colors::warn : colors::ok), "%s", line);
  automation().record_last_item("tickets_coverage", line, "label");
  // The period's draw, with the share it really is (1 of 12 is 8%, not 4%).
  const app::RecheckDraw draw = s.tickets().recheck_draw(month);
  char period[48];
  const int year = static_cast<int>(draw.first_month / 100), first = static_cast<int>(draw.first_month % 100),
            last = static_cast<int>(draw.last_month % 100);
  if (first == last) app::i18n::format_to(period, sizeof period, S::recheck_period_month, year, first);
  else app::i18n::format_to(period, sizeof period, S::recheck_period_months, year, first, last);
  char drawn[200];
  app::i18n::format_to(drawn, sizeof drawn, S::recheck_draw_line, period, static_cast<int>(draw.sample.size()), draw.done,
                       draw.percent_drawn(), static_cast<int>(draw.percent_set));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", drawn);
  ImGui::PopTextWrapPos();
  automation().record_last_item("recheck_draw", drawn, "label");
  int index = 0;
  for (const app::Ticket* t : draw.sample) {
    char id[32];
    std::snprintf(id, sizeof id, "recheck:%d", index++);
    ticket_row(ctx, *t, id);
  }
  const auto conflicts = s.tickets().ticket_conflicts();
  if (!conflicts.empty()) {
    ImGui::Dummy(ImVec2(0, ui().css(12)));
    widgets::heading(tr(S::tickets_conflicts));
    index = 0;
    for (const auto& [t, step] : conflicts) {
      char id[32];
      std::snprintf(id, sizeof id, "conflict:%d", index++);
      const std::string title = ticket_place(s, *t) + " · " + t->what;
      const std::string sub = tk::ticket_number(*t) + " · " + short_time(s.local(step->at_ms)) + " " + tr(tk::event_label(*step)) + tr(S::ticket_ev_refused) + " · " +
                              s.estate().staff_name(step->by) + (step->note.empty() ? "" : " · " + step->note);
      if (widgets::list_row(id, title.c_str(), sub.c_str(), tr(tk::status_label(t->status)), colors::danger)) {
        ctx.state.tickets.open = t->id;
      }
    }
  }
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  if (widgets::button("prices_open", tr(S::tickets_prices), -1)) ctx.state.tickets.prices_open = true;
}

}  // namespace

std::string ticket_place(const app::Session& s, const app::Ticket& t) {
  if (const app::UnitRow* row = t.unit.is_nil() ? nullptr : s.estate().unit_row(t.unit)) return row->label;
  return tr(S::tickets_public_area);
}

void draw_tickets(ScreenContext& ctx) {
  TicketsUi& ui_state = ctx.state.tickets;
  if (!ui_state.open.is_nil()) {
    if (const app::Ticket* t = ctx.session.tickets().ticket(ui_state.open)) {
      draw_ticket_page(ctx, *t);
      return;
    }
    ui_state.open = {};
  }
  if (ui_state.prices_open) {
    draw_price_list(ctx);
    return;
  }
  widgets::heading(tr(S::tickets_title));
  const std::vector<const app::Ticket*> open_list = ctx.session.tickets().open_tickets();
  std::vector<const app::Ticket*> overdue;
  for (const app::Ticket* t : open_list) if (ctx.session.tickets().overdue(*t)) overdue.push_back(t);
  const std::vector<const app::Ticket*> owed = ctx.session.tickets().callbacks_owed();
  char tabs[4][48];
  std::snprintf(tabs[0], sizeof tabs[0], tr(S::tickets_tab_open), static_cast<int>(open_list.size()));
  std::snprintf(tabs[1], sizeof tabs[1], tr(S::tickets_tab_overdue), static_cast<int>(overdue.size()));
  std::snprintf(tabs[2], sizeof tabs[2], tr(S::tickets_tab_callbacks), static_cast<int>(owed.size()));
  std::snprintf(tabs[3], sizeof tabs[3], "%s", tr(S::tickets_tab_closed));
  const char* labels[] = {tabs[0], tabs[1], tabs[2], tabs[3]};
  widgets::choices("tickets_tab", labels, 4, &ui_state.tab, ui().portrait ? 2 : 4);
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  switch (ui_state.tab) {
    case 0: ticket_list(ctx, open_list, S::tickets_empty); break;
    case 1: ticket_list(ctx, overdue, S::tickets_none_overdue); break;
    case 2: ticket_list(ctx, owed, S::tickets_none_callbacks); break;
    default: ticket_list(ctx, closed_tickets(ctx.session), S::tickets_none_closed); break;
  }
  if (ctx.session.estate().lead_signed_in()) review(ctx);
}

}  // namespace shell
