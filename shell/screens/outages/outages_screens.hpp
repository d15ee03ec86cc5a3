#pragma once
// The outage screens (outages/): the register, a notice's page and Today's
// rows (outages_register.cpp), the announcement sheet (outages_form.cpp).
#include "app/outages/outages_data.hpp"
#include "shell/screens/screens.hpp"

namespace shell {

void draw_outages_register(ScreenContext& ctx);
void draw_outages_today(ScreenContext& ctx);
void draw_outages_unit(ScreenContext& ctx, const app::Id& unit);
void open_outage_form(OutagesUi& st);
void draw_outage_form(ScreenContext& ctx);
// "停水 · 3栋、5栋": how a row names a notice.
std::string outage_title(const app::Session& s, const app::Outage& o);
// "12月6日 09:00–12:00": its window in the tablet's time.
std::string outage_window(const app::Session& s, const app::Outage& o);

}  // namespace shell
