#pragma once
// A signature pad drawn with ImGui: the finger's strokes are kept in the
// signature's fixed box (app/core/signature.hpp), so a name signed in
// portrait renders the same anywhere. While a finger writes on it, the pad
// owns the drag: the screen under it does not scroll.
#include "app/core/signature.hpp"
#include "imgui.h"

namespace shell::widgets {

// The row's full width, its height in the signature box's proportion.
// Returns true when the finger added ink.
bool signature_pad(const char* id, app::Signature* signature);
// The strokes, drawn back at the cursor in a box `width` wide (same proportion).
void signature_view(const app::Signature& signature, float width);

}  // namespace shell::widgets
