// Tickets on Today, above everything but an emergency: how many are overdue
// (one tap to the list), then each ticket whose next deadline has passed or
// comes within two hours, soonest first, saying which deadline and how long
// is left ("到场 剩 4 分钟") — a complaint made on the spot shows the moment
// it is registered — and what callbacks are owed.
#include <cstdio>
#include <string>

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

constexpr std::int64_t kHorizonMs = 2 * 3600 * 1000;  // what a butler can still act on this shift
constexpr std::size_t kShown = 5;                      // the first screenful; the rest one tap away

void open_list(ScreenContext& ctx, int tab) {
  ctx.state.screen = Screen::tickets;
  ctx.state.tickets.tab = tab;
  ctx.state.tickets.open = {};
}

void due_row(ScreenContext& ctx, const app::Ticket& t, int index) {
  const auto due = ctx.session.tickets().next_due(t);
  if (!due) return;
  const std::int64_t now = ctx.session.lateness_now_ms();
  const std::string pill = std::string(tr(tk::deadline_label(due->kind))) + " " + countdown_text(due->at, now);
  const std::string title = ticket_place(ctx.session, t) + " · " + t.what;
  const std::string sub = tk::ticket_number(t) + " · " + tr(tk::kind_label(t.kind)) + " · " + tr(tk::severity_label(t.severity)) + " · " +
                          tr(tk::status_label(t.status));
  char id[32];
  std::snprintf(id, sizeof id, "today_due:%d", index);
  if (widgets::list_row(id, title.c_str(), sub.c_str(), pill.c_str(), countdown_color(due->at, now))) {
    ctx.state.screen = Screen::tickets;
    ctx.state.tickets.open = t.id;
    ctx.state.tickets.message.clear();
  }
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill.c_str(), "label");
}

}  // namespace

void draw_ticket_alerts(ScreenContext& ctx) {
  const app::TicketsService& tickets = ctx.session.tickets();
  const int overdue = tickets.overdue_ticket_count();
  const std::vector<const app::Ticket*> due = tickets.due_within(kHorizonMs);
  const std::size_t owed = tickets.callbacks_owed().size();
  if (overdue == 0 && due.empty() && owed == 0) return;
  char line[128];
  if (overdue > 0) {
    app::i18n::format_to(line, sizeof line, S::tickets_overdue_alert, overdue);
    if (widgets::button("today_overdue", line, -1, widgets::Tone::danger)) open_list(ctx, 1);
  }
  if (!due.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::today_due_title));
    for (std::size_t i = 0; i < due.size() && i < kShown; ++i) due_row(ctx, *due[i], static_cast<int>(i));
    if (due.size() > kShown) {
      app::i18n::format_to(line, sizeof line, S::today_due_more, static_cast<int>(due.size() - kShown));
      if (widgets::button("today_due_more", line, -1, widgets::Tone::quiet)) open_list(ctx, 0);
    }
  }
  if (owed > 0) {
    app::i18n::format_to(line, sizeof line, S::tickets_callbacks_alert, static_cast<int>(owed));
    if (widgets::button("today_callbacks", line, -1, widgets::Tone::normal)) open_list(ctx, 2);
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

}  // namespace shell
