#pragma once
// A tap acts only on what was on screen when the finger went down. A widget
// drawn for the first time (a new checkpoint swapped in, a sheet opened, a
// list refilled) ignores a press that began before it appeared: the second
// tap of a double tap, or a finger still down from the screen before, must
// not land on whatever now sits under it.
namespace shell::widgets {

// Call right after the item (ImGui's last item): `pressed` when the press
// that made it began in a frame after the item was first drawn, else false.
bool fresh_press(bool pressed);

}  // namespace shell::widgets
