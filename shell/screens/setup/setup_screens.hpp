#pragma once
// The set-up screens (社区设置 under 登记): the overview (what is missing, the
// zones, the files imported), a zone's route with drag to reorder, and the
// zone and checkpoint sheets.
#include "app/core/id.hpp"
#include "app/core/result.hpp"

namespace shell {

struct ScreenContext;
struct SetupUi;

void draw_setup(ScreenContext& ctx);          // the register page
void draw_setup_route(ScreenContext& ctx);    // setup_route.cpp: one zone's checkpoints in walking order
void draw_setup_sheets(ScreenContext& ctx);   // setup_sheets.cpp: the zone and checkpoint sheets, when open
void open_zone_sheet(ScreenContext& ctx, const app::Id& zone);        // nil: a new zone
void open_checkpoint_sheet(ScreenContext& ctx, const app::Id& checkpoint);  // nil: a new one on the open route
void draw_setup_message(const SetupUi& st);
void draw_setup_hours(ScreenContext& ctx, bool lead);  // setup_hours.cpp: model-unit and greeting hours, the gate
void draw_hours_sheet(ScreenContext& ctx);
// A set-up sheet's foot: its refusal, then 保存 and 取消 side by side.
void sheet_footer(SetupUi& st, const char* save_id, const char* cancel_id, bool* open, bool* save);
// A command's outcome shown; the sheet closes when it was saved.
void sheet_finish(SetupUi& st, const app::Status& s, bool* open);
void draw_setup_import(ScreenContext& ctx);  // setup_import.cpp: a lead's upload of an office file

}  // namespace shell
