#include "shell/ui/press_guard.hpp"

#include <unordered_map>

#include "imgui_internal.h"

namespace shell::widgets {
namespace {

struct Seen {
  int last_frame = -1;     // the frame it was last drawn (laid out, even scrolled away)
  double appeared = 0.0;   // ImGui time of the frame it appeared in
};

// Keyed by the item's id; forgotten a while after the item goes.
std::unordered_map<ImGuiID, Seen>& seen() {
  static std::unordered_map<ImGuiID, Seen> items;
  return items;
}

void forget_gone(int frame) {
  constexpr int kForgetAfterFrames = 120;
  if (frame % 600 != 0) return;
  for (auto it = seen().begin(); it != seen().end();) {
    it = frame - it->second.last_frame > kForgetAfterFrames ? seen().erase(it) : std::next(it);
  }
}

}  // namespace

bool fresh_press(bool pressed) {
  const ImGuiID id = ImGui::GetItemID();
  if (id == 0) return pressed;
  const int frame = ImGui::GetFrameCount();
  forget_gone(frame);
  Seen& s = seen()[id];
  // Not drawn in the frame before: it appears now.
  if (s.last_frame != frame && s.last_frame != frame - 1) s.appeared = ImGui::GetTime();
  s.last_frame = frame;
  if (!pressed) return false;
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.MouseClicked[0] && !io.MouseReleased[0]) return true;  // not a finger's press (keyboard)
  // The press was taken in the NewFrame of MouseClickedTime's frame, against
  // what the frame before showed: it must come after the appearing frame.
  return io.MouseClickedTime[0] > s.appeared;
}

}  // namespace shell::widgets
