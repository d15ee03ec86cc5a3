#pragma once
// The shift handover's screens (handover/): the last handover, its take-over, this
// shift's form.
#include <cstdint>
#include <string>

#include "shell/screens/screens.hpp"

namespace shell {

void draw_handover(ScreenContext& ctx);
void draw_handover_form(ScreenContext& ctx);   // this shift's handover (handover_form.cpp)

}  // namespace shell
