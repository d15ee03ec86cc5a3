#include "shell/platform/web_host.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "shell/platform/frame_bench.hpp"
#include "shell/platform/js_bridge.hpp"
#include "shell/platform/touch_input.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/sheet_backdrop.hpp"
#include "shell/ui/theme.hpp"

namespace shell {
namespace {

constexpr const char* kCanvas = "#canvas";

// Chained in front of the ImGui GLFW backend's callbacks: any mouse or key
// activity means "draw again"; a moving mouse takes the pointer back from touch.
void on_cursor(GLFWwindow*, double, double) { note_activity(); touch_input().note_mouse(); }
void on_button(GLFWwindow*, int, int, int) { note_activity(); touch_input().note_mouse(); }
void on_scroll(GLFWwindow*, double, double) { note_activity(); }
void on_key(GLFWwindow*, int, int, int, int) { note_activity(); }
void on_char(GLFWwindow*, unsigned int) { note_activity(); }

}  // namespace

namespace {
// scripts/bench store pauses drawing to time the store path alone: headless
// Chromium draws with SwiftShader on the CPU, and a frame there costs what a
// tablet's GPU does in a fraction of the time.
bool g_rendering_paused = false;
// The host whose main loop runs (one per page), for butler_test_draw_frames.
WebHost* g_running_host = nullptr;
}  // namespace

bool WebHost::init(const char* title) {
  butler_loading_status("正在准备字体… · Preparing fonts…");
  if (!glfwInit()) return false;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  window_ = glfwCreateWindow(800, 600, title, nullptr, nullptr);
  if (!window_) return false;
  glfwMakeContextCurrent(window_);
  online_ = butler_platform_init() != 0;

  glfwSetCursorPosCallback(window_, on_cursor);
  glfwSetMouseButtonCallback(window_, on_button);
  glfwSetScrollCallback(window_, on_scroll);
  glfwSetKeyCallback(window_, on_key);
  glfwSetCharCallback(window_, on_char);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a saved file
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  touch_input().install(kCanvas);
  touch_input().on_release_in_gesture = [this](float x, float y) {
    // Inside the touchend handler: the browser allows focus() here, which is
    // what makes the on-screen keyboard appear.
    if (const WidgetRecord* field = automation().text_field_at(x, y)) {
      butler_text_input_focus(field->min.x, field->min.y, field->max.x - field->min.x, field->max.y - field->min.y,
                              field->numeric ? 1 : 0);
      text_.note_gesture_focus();
    }
  };

  int len = 0;
  unsigned char* font = butler_take_font(&len);
  if (!font || len <= 0) return false;
  fonts_.init(font, len);
  ui().fonts = &fonts_;
  update_canvas_size();
  return true;
}

void WebHost::run(DrawFn draw, EventFn on_event) {
  draw_ = std::move(draw);
  on_event_ = std::move(on_event);
  g_running_host = this;
  emscripten_set_main_loop_arg(&WebHost::tick, this, 0, false);
}

void WebHost::tick(void* self) { static_cast<WebHost*>(self)->frame(); }

void WebHost::update_canvas_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  const int w = static_cast<int>(std::lround(css_w * dpr));
  const int h = static_cast<int>(std::lround(css_h * dpr));
  if (w == fb_w_ && h == fb_h_ && dpr == dpr_) return;
  // Sized directly, not through glfwSetWindowSize: Emscripten's GLFW would
  // go fullscreen when the size happens to equal the screen's.
  emscripten_set_canvas_element_size(kCanvas, w, h);
  fb_w_ = w;
  fb_h_ = h;
  if (dpr != dpr_) {
    dpr_ = dpr;
    apply_theme(dpr);
    fonts_.set_scale(dpr);
  }
  ui().dpr = dpr;
  ui().portrait = h > w;
  request_frames(3);
}


void WebHost::frame() {
  if (g_rendering_paused) return;
  update_canvas_size();
  const double now = emscripten_get_now() / 1000.0;
  const bool active = take_activity() || touch_input().busy() || !browser_queue().empty();
  if (active) request_frames(3);  // ImGui settles hover/press state over a few frames
  FrameBench& bench = frame_bench();
  if (bench.running()) request_frames(1);  // scripts/bench rounds times consecutive frames
  // Idle: draw once a second (clocks and countdowns) and otherwise leave the
  // last frame on screen, sparing the tablet's battery.
  if (pending_frames_ <= 0 && now - last_draw_s_ < 1.0) return;
  if (pending_frames_ > 0) --pending_frames_;
  last_draw_s_ = now;

  for (BrowserEvent e : text_.drain(fonts_)) {
    if (e == BrowserEvent::online) {
      online_ = true;
      more_font_retry_s_ = 0;
    }
    if (e == BrowserEvent::offline) online_ = false;
    if (on_event_) on_event_(e);
  }
  // The font's second file, the first time a character needs it; again a
  // while after a failure (offline in a stairwell), and when back online.
  if (fonts_.wants_more() && !more_font_fetching_ && now >= more_font_retry_s_) {
    more_font_fetching_ = true;
    butler_fetch_more_font();
  }
  // New characters (data, IME) join the atlas between frames.
  if (fonts_.rebuild_if_needed()) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  // A timed frame: everything from here to the draw calls handed to WebGL.
  // The previous frame's pixels are finished first, so this frame is not
  // charged with waiting for the GPU (SwiftShader's, on the CPU, in headless
  // Chromium): that is not the CPU cost of building and submitting it.
  if (bench.running()) glFinish();
  const double frame_started = emscripten_get_now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // ImGui works in the canvas's device pixels; the GLFW backend's idea of the
  // window size does not know devicePixelRatio.
  io.DisplaySize = ImVec2(static_cast<float>(fb_w_), static_cast<float>(fb_h_));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  touch_input().apply_to_imgui();

  ImGui::NewFrame();
  automation().begin_frame();
  if (bench.running() && bench.empty) draw_empty_frame();
  else draw_();
  automation().end_frame();
  ImGui::Render();
  const double built = emscripten_get_now() - frame_started;
  text_.sync_focus(io.WantTextInput);

  glViewport(0, 0, fb_w_, fb_h_);
  // The page background is the clear colour (the main window draws none),
  // or, under a sheet, the dim over it (shell/ui/sheet_backdrop.hpp).
  ImVec4 clear = ImGui::ColorConvertU32ToFloat4(colors::background);
  hide_under_sheet(ImGui::GetDrawData(), &clear);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (bench.running()) bench.record(emscripten_get_now() - frame_started, built);

  if (!first_frame_done_) {
    first_frame_done_ = true;
    butler_first_frame_done();
  }
}

}  // namespace shell

namespace shell {
void WebHost::on_more_font(unsigned char* data, int size) {
  more_font_fetching_ = false;
  if (!data) {
    more_font_retry_s_ = emscripten_get_now() / 1000.0 + 20.0;
    return;
  }
  fonts_.add_more(data, size);
  request_frames(2);
}
}  // namespace shell

extern "C" EMSCRIPTEN_KEEPALIVE void butler_font_more(unsigned char* data, int size) {
  if (shell::g_running_host) shell::g_running_host->on_more_font(data, size);
  else std::free(data);
}

// window.butlerTest.widgets() and frames(): the automation tree of the last frame.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* butler_test_widgets() {
  static std::string json;
  json = shell::automation().widgets_json();
  return json.c_str();
}
EMSCRIPTEN_KEEPALIVE int butler_test_frame_count() { return shell::automation().frames(); }
}

extern "C" EMSCRIPTEN_KEEPALIVE void butler_bench_pause_rendering(int paused) { shell::g_rendering_paused = paused != 0; }
// Browser tests wait for a few frames after each input for ImGui to settle;
// idle, the app draws once a second (battery), so each such wait cost a test
// a second or two. This draws the next `n` frames now, as input would; it
// changes nothing else.
extern "C" EMSCRIPTEN_KEEPALIVE void butler_test_draw_frames(int n) {
  if (shell::g_running_host) shell::g_running_host->request_frames(n);
}
