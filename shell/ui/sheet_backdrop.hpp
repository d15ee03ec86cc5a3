#pragma once
// What lies under a sheet (widgets::begin_modal with sheet = true) is not
// drawn: ImGui would redraw the whole screen beneath every frame and then
// dim it with a blended full-screen rectangle, only for it to be covered by
// the sheet. On a tablet that is two or three layers of full-screen fill a
// frame for nothing a butler reads (battery), and in software rendering
// (headless Chromium) it made each tap in the new-ticket sheet three times
// slower than elsewhere (scripts/bench taps). Instead the frame is cleared
// with the dim's colour over the page background, at the dim's own fade, and
// only the sheet and what is above it are rendered.
#include "imgui.h"

namespace shell {

// The sheet's window draws into this list this frame (set by begin_modal).
void note_sheet_drawn(ImDrawList* sheet);

// After ImGui::Render(): drops the draw lists beneath the sheet and the
// sheet's dim rectangle from `data`, and sets `clear` to the colour the dim
// would have made of the page background. False (nothing changed, `clear`
// untouched) when no sheet was drawn this frame or its list is not where
// ImGui puts a modal's (its dim first).
bool hide_under_sheet(ImDrawData* data, ImVec4* clear);

}  // namespace shell
