#pragma once
// The visitors screens (visitors/): the register and the Today alert
// (visitors_register.cpp), the reception sheet (visitors_form.cpp) and a
// visit's page (visitors_visit.cpp).
#include <string>

#include "app/visitors/visitors_data.hpp"
#include "shell/screens/screens.hpp"

namespace shell {

void draw_visitors_register(ScreenContext& ctx);
void draw_visitors_today(ScreenContext& ctx);
void open_visitors_form(VisitorsUi& st);
void draw_visitors_form(ScreenContext& ctx);
void open_visit(ShellState& st, const app::Id& visit);
void draw_visit(ScreenContext& ctx, const app::VisitorRecord& v);
// "王先生 · 3栋 2单元 1502": how a row names a visit.
std::string visit_title(const app::Session& s, const app::VisitorRecord& v);
void visitors_banner(const char* id, const std::string& message);

}  // namespace shell
