#pragma once
// The rounds screens (rounds/): the zones and the round being walked, a checkpoint's
// check, findings to verify, the checklists and their editor, supervision, the duties.
#include <cstdint>
#include <string>

#include "app/schedule/daily_duties.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"

namespace shell {

void draw_rounds(ScreenContext& ctx);
void draw_supervision(ScreenContext& ctx);                             // Rounds: the head butler's today
void draw_open_findings(ScreenContext& ctx);                           // Rounds: to verify
// Under a failed item of a checkpoint: its finding's form, or once saved what was decided and its photos.
void finding_form(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item, bool photo_required);
void draw_finding_photos(const app::Session& session, const app::Finding& f);  // its evidence, as thumbnails
void draw_todays_duties(ScreenContext& ctx);                           // Today: the day's duties of my zones
app::i18n::S duty_label(app::schedule::Duty d);
app::i18n::S duty_short(app::schedule::Duty d);  // a pill's word: 巡查, 巡楼…
app::i18n::S outcome_label(app::schedule::DutyOutcome o);
ImU32 outcome_color(app::schedule::DutyOutcome o);
void draw_round_runner(ScreenContext& ctx, const app::Id& round);      // Rounds, while walking
void draw_checklist_list(ScreenContext& ctx);                          // Rounds: the checklists, to edit
void draw_checklist_editor(ScreenContext& ctx);                        // Rounds, while one is edited
void draw_checkpoint_check(ScreenContext& ctx, const app::Id& round, const app::Id& checkpoint);

}  // namespace shell
