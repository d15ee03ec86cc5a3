#pragma once
// The ticket screens (tickets/): the list, the new-ticket sheet, a ticket's page, its next
// step and repair slip, the price list, the deadlines' settings, household visits.
#include <cstdint>
#include <string>

#include "shell/screens/screens.hpp"

namespace shell {

void draw_tickets(ScreenContext& ctx);
void draw_ticket_deadlines(ScreenContext& ctx);  // Settings · 工单时限
// Tickets (tickets.cpp and the files it leads to).
void open_ticket_form(ShellState& st, const app::Id& unit = {});         // from anywhere
void draw_ticket_form(ScreenContext& ctx);                                 // the sheet, over any screen
void draw_ticket_page(ScreenContext& ctx, const app::Ticket& t);
void draw_ticket_actions(ScreenContext& ctx, const app::Ticket& t);        // its next step
void draw_complaint_acts(ScreenContext& ctx, const app::Ticket& t);        // 上报, 答复业主, 申请/批准延期
void draw_complained_about(const app::Ticket& t);                          // 被投诉人 · 被投诉部门
void draw_repair_slip(ScreenContext& ctx, const app::Ticket& t);
void draw_price_list(ScreenContext& ctx);
std::string ticket_place(const app::Session& s, const app::Ticket& t);     // "3栋 2单元 1502" or 公共区域
void draw_ticket_alerts(ScreenContext& ctx);                               // Today: overdue, callbacks owed
void draw_visits_due(ScreenContext& ctx);                                  // Today: this week's household visits
void draw_visit_form(ScreenContext& ctx);                                  // the visit record sheet

}  // namespace shell
