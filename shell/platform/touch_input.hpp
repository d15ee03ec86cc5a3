#pragma once
// Touch for ImGui 1.86, which only knows a mouse position and button state per
// frame. A tap (touchstart+touchend) often arrives between two frames, so the
// finger is replayed over frames: position first, then press, then release
// where it lifted, and the position is kept one frame after release so the
// widget under the finger sees the click. Then the "mouse" leaves, so no
// hover state sticks on a touch screen.
#include <deque>
#include <functional>

namespace shell {

class TouchInput {
 public:
  // Registers html5.h touch callbacks on the canvas (and prevents the
  // browser's own scrolling, zooming and synthesized mouse events).
  void install(const char* canvas_selector);

  // Called from the touch callbacks (device pixels).
  void on_down(float x, float y);
  void on_move(float x, float y);
  void on_up(float x, float y);

  // Called once per frame after the GLFW backend's NewFrame: overrides the
  // mouse while a touch is being replayed. Returns true if touch drove the mouse.
  bool apply_to_imgui();

  // A real mouse moved: let the GLFW backend drive the pointer again.
  void note_mouse() { last_was_touch_ = false; }

  bool busy() const { return !queue_.empty() || phase_ != Phase::idle; }

  // Runs inside the touchend handler (a user gesture), where the browser lets
  // us focus the hidden text input so the on-screen keyboard opens.
  std::function<void(float x, float y)> on_release_in_gesture;

 private:
  struct Step { enum Kind { down, move, up } kind; float x, y; };
  enum class Phase { idle, positioned, pressed, released };
  std::deque<Step> queue_;
  Phase phase_ = Phase::idle;
  float x_ = 0, y_ = 0;
  bool last_was_touch_ = false;
};

TouchInput& touch_input();

}  // namespace shell
