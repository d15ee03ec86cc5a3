#pragma once
// Keyboard and IME text for ImGui from the hidden HTML input (web/butler_lib.js).
// Text, composition, Enter and Backspace come from the input's own events,
// because mobile keyboards and IMEs misreport them as key codes.
#include <string>
#include <vector>

#include "imgui.h"
#include "shell/platform/browser_events.hpp"

namespace shell {

class FontAtlas;

class TextInput {
 public:
  // Feeds queued browser input into ImGui for this frame. Keys are pressed for
  // one frame and released on the next, in order with the text around them.
  // Non-input events (online, update…) are returned for the shell to handle.
  std::vector<BrowserEvent> drain(FontAtlas& fonts);

  // After the frame: focus or blur the hidden input to match ImGui's wish.
  void sync_focus(bool imgui_wants_text);

  // Where the text field being edited was drawn (device px), for placing the
  // hidden input under it (the IME candidate window follows it).
  void set_active_field_rect(ImVec2 min, ImVec2 max, bool numeric = false) {
    field_min_ = min;
    field_max_ = max;
    numeric_ = numeric;
  }

  // The touch handler focused the input for a tap on a text field; ImGui
  // activates the field a few frames later, so do not blur it meanwhile.
  void note_gesture_focus() { grace_frames_ = 10; }

  // Pinyin being composed but not yet committed, shown under the field.
  const std::string& composition() const { return composition_; }

 private:
  int held_key_ = -1;
  int grace_frames_ = 0;  // the ImGui key index pressed last frame, released now
  std::string composition_;
  ImVec2 field_min_{0, 0}, field_max_{0, 0};
  bool numeric_ = false;  // the field takes a number: the numeric keyboard
};

}  // namespace shell
