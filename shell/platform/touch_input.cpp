#include "shell/platform/touch_input.hpp"

#include <emscripten/html5.h>

#include <cfloat>

#include "imgui.h"

namespace shell {
namespace {

TouchInput g_touch;

// The first changed touch, in device pixels relative to the canvas.
bool primary_point(const EmscriptenTouchEvent* e, float* x, float* y) {
  const double dpr = emscripten_get_device_pixel_ratio();
  for (int i = 0; i < e->numTouches; ++i) {
    if (!e->touches[i].isChanged) continue;
    *x = static_cast<float>(e->touches[i].targetX * dpr);
    *y = static_cast<float>(e->touches[i].targetY * dpr);
    return true;
  }
  return false;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  float x = 0, y = 0;
  if (!primary_point(e, &x, &y)) return EM_TRUE;
  switch (type) {
    case EMSCRIPTEN_EVENT_TOUCHSTART: g_touch.on_down(x, y); break;
    case EMSCRIPTEN_EVENT_TOUCHMOVE: g_touch.on_move(x, y); break;
    default:
      g_touch.on_up(x, y);
      if (type == EMSCRIPTEN_EVENT_TOUCHEND && g_touch.on_release_in_gesture) g_touch.on_release_in_gesture(x, y);
      break;
  }
  return EM_TRUE;  // preventDefault: no page scroll, no zoom, no synthesized mouse events
}

}  // namespace

TouchInput& touch_input() { return g_touch; }

void TouchInput::install(const char* canvas) {
  emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
}

void TouchInput::on_down(float x, float y) {
  last_was_touch_ = true;
  queue_.push_back({Step::down, x, y});
}

void TouchInput::on_move(float x, float y) {
  // Moves only matter for the latest position: merge consecutive ones.
  if (!queue_.empty() && queue_.back().kind == Step::move) {
    queue_.back().x = x;
    queue_.back().y = y;
    return;
  }
  queue_.push_back({Step::move, x, y});
}

void TouchInput::on_up(float x, float y) { queue_.push_back({Step::up, x, y}); }

bool TouchInput::apply_to_imgui() {
  ImGuiIO& io = ImGui::GetIO();
  if (phase_ == Phase::idle && queue_.empty()) {
    if (!last_was_touch_) return false;
    // A finger is not a hovering pointer: after a touch, nothing is under it.
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
    return true;
  }

  if (phase_ == Phase::positioned) {
    // The frame after the position: press, and hold it for this whole frame.
    phase_ = Phase::pressed;
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = true;
    return true;
  }
  if (phase_ == Phase::released) {
    phase_ = Phase::idle;     // one frame after release: the finger has left
    if (queue_.empty()) {
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      io.MouseDown[0] = false;
      return true;
    }
  }

  // Consume at most one press or release per frame, with any moves before it.
  while (!queue_.empty()) {
    const Step step = queue_.front();
    if (step.kind == Step::move) {
      queue_.pop_front();
      x_ = step.x;
      y_ = step.y;
      continue;
    }
    if (step.kind == Step::down) {
      if (phase_ == Phase::pressed) break;  // still finishing the previous touch
      queue_.pop_front();
      x_ = step.x;
      y_ = step.y;
      phase_ = Phase::positioned;
      break;
    }
    // up: only once the press has been seen by ImGui for a frame
    if (phase_ != Phase::pressed) break;
    queue_.pop_front();
    x_ = step.x;
    y_ = step.y;
    phase_ = Phase::released;
    break;
  }

  io.MousePos = ImVec2(x_, y_);
  io.MouseDown[0] = (phase_ == Phase::pressed);
  return true;
}

}  // namespace shell
