#pragma once
// The renovation screens (renovation/): the applications, an application's page and its
// parts, violation notices, the new-application form, and a renovating unit on a round.
#include <cstdint>
#include <string>

#include "shell/screens/screens.hpp"

namespace shell {

void draw_renovations(ScreenContext& ctx);
// A renovation application's page and its parts (renovation_page.cpp, renovation_steps.cpp,
// renovation_notices.cpp, renovation_form.cpp), and its part of a round's stop.
void open_renovation(ShellState& st, const app::Id& application);
void draw_renovation_page(ScreenContext& ctx, const app::Renovation& r);
void draw_renovation_message(const RenovationUi& st, int where);  // 0 the next step, 3 the passes, 4 the notices
void draw_renovation_next(ScreenContext& ctx, const app::Renovation& r);     // the next stage's step
void draw_renovation_passes(ScreenContext& ctx, const app::Renovation& r);
void draw_renovation_notices(ScreenContext& ctx, const app::Renovation& r);  // with their follow-up
void open_notice_sheet(ScreenContext& ctx, const app::Renovation& r, const app::Finding* finding = nullptr);
void draw_notice_sheet(ScreenContext& ctx);
void open_renovation_form(ShellState& st, const app::Id& unit = {});
void draw_renovation_form(ScreenContext& ctx);
void draw_renovation_at_stop(ScreenContext& ctx, const app::Id& round, const app::Id& stop);  // 巡楼: a renovating unit
void draw_renovation_settings(ScreenContext& ctx);  // Settings · 按章处罚 (the lost-pass penalty)
app::i18n::S reno_stage_label(app::renovation::Stage s);
app::i18n::S reno_action_label(app::renovation::Action a);
std::string reno_yuan(std::int64_t cents);   // "3000.00"

}  // namespace shell
