#include "shell/platform/text_input.hpp"

#include <GLFW/glfw3.h>

#include "shell/fonts/font_atlas.hpp"
#include "shell/platform/js_bridge.hpp"
#include "shell/platform/touch_input.hpp"

namespace shell {
namespace {

// The GLFW key the ImGui GLFW backend maps each browser key to (io.KeyMap).
int glfw_key(BrowserKey key) {
  switch (key) {
    case BrowserKey::enter: return GLFW_KEY_ENTER;
    case BrowserKey::backspace: return GLFW_KEY_BACKSPACE;
    case BrowserKey::tab: return GLFW_KEY_TAB;
    case BrowserKey::left: return GLFW_KEY_LEFT;
    case BrowserKey::right: return GLFW_KEY_RIGHT;
    case BrowserKey::home: return GLFW_KEY_HOME;
    case BrowserKey::end: return GLFW_KEY_END;
    case BrowserKey::del: return GLFW_KEY_DELETE;
    case BrowserKey::escape: return GLFW_KEY_ESCAPE;
    case BrowserKey::none: break;
  }
  return -1;
}

}  // namespace

std::vector<BrowserEvent> TextInput::drain(FontAtlas& fonts) {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<BrowserEvent> events;
  // A key pressed last frame is released in this one, and no key is pressed
  // in the same frame: ImGui 1.86 knows a press only as up one frame and down
  // the next, so two Backspaces in a row, each down in the frame after the
  // other, would read as one key held and delete one character.
  bool released = false;
  if (held_key_ >= 0) {
    io.KeysDown[held_key_] = false;
    held_key_ = -1;
    released = true;
  }
  auto& queue = browser_queue();
  while (!queue.empty()) {
    QueuedInput& in = queue.front();
    if (in.kind == QueuedInput::Kind::key) {
      if (released) {
        note_activity();  // pressed next frame, after this one shows it up
        break;
      }
      const int k = glfw_key(in.key);
      queue.pop_front();
      if (k < 0) continue;
      io.KeysDown[k] = true;
      held_key_ = k;
      note_activity();  // the release needs another frame
      break;            // one key per frame, so text after it lands after it
    }
    if (in.kind == QueuedInput::Kind::text) {
      fonts.request_text(in.text);
      io.AddInputCharactersUTF8(in.text.c_str());
    } else if (in.kind == QueuedInput::Kind::composition) {
      fonts.request_text(in.text);
      composition_ = in.text;
    } else {
      events.push_back(in.event);
    }
    queue.pop_front();
  }
  return events;
}

void TextInput::sync_focus(bool imgui_wants_text) {
  const bool focused = butler_text_input_focused() != 0;
  if (grace_frames_ > 0) {
    --grace_frames_;
    if (imgui_wants_text) grace_frames_ = 0;
    else return;
  }
  if (!imgui_wants_text) {
    composition_.clear();
    if (focused) butler_text_input_blur();
    return;
  }
  // Touch taps focus the input inside the gesture (see TouchInput); a mouse
  // click or keyboard navigation focuses it here.
  if (!focused) {
    butler_text_input_focus(field_min_.x, field_min_.y, field_max_.x - field_min_.x, field_max_.y - field_min_.y, numeric_ ? 1 : 0);
  }
}

}  // namespace shell
