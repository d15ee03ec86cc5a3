#pragma once
// Owns the browser side of a frame: GLFW window and WebGL2 context, canvas
// size and devicePixelRatio, fonts, touch and hidden-input text, redraw
// scheduling. Screens never see any of it; they only draw.
#include <functional>
#include <vector>

#include "shell/fonts/font_atlas.hpp"
#include "shell/platform/browser_events.hpp"
#include "shell/platform/text_input.hpp"

struct GLFWwindow;

namespace shell {

class WebHost {
 public:
  using DrawFn = std::function<void()>;
  using EventFn = std::function<void(BrowserEvent)>;

  // Creates the window and ImGui; takes the font the loader fetched.
  bool init(const char* title);
  // Starts the browser-driven main loop; returns immediately.
  void run(DrawFn draw, EventFn on_event);

  bool online() const { return online_; }
  FontAtlas& fonts() { return fonts_; }
  TextInput& text() { return text_; }

  // Asks for frames even without input (an animation, a countdown, saving).
  void request_frames(int n) { if (n > pending_frames_) pending_frames_ = n; }

 private:
  static void tick(void* self);
  void frame();
  void update_canvas_size();

  GLFWwindow* window_ = nullptr;
  FontAtlas fonts_;
  TextInput text_;
  DrawFn draw_;
  EventFn on_event_;
  int fb_w_ = 0, fb_h_ = 0;
  float dpr_ = 0;
  bool online_ = true;
  bool first_frame_done_ = false;
  int pending_frames_ = 3;
  double last_draw_s_ = 0;
  bool more_font_fetching_ = false;
  double more_font_retry_s_ = 0;  // after a failed fetch (offline): not before then

 public:
  // The font's second file arrived (or not: null).
  void on_more_font(unsigned char* data, int size);
};

}  // namespace shell
