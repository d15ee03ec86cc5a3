#pragma once
// One tablet for the native screen tests: an ImGui context with the null
// backend, the fake host (fake_host.hpp) with the demo community and the
// app's own subset font, and the app shell, driven frame by frame with taps
// on widgets found by their automation ids — as tests/e2e drive the browser.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/app_shell.hpp"
#include "shell/native/imgui_asserts.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "tests/screens/fake_host.hpp"

namespace screens_test {

using shell::automation;
using shell::LaidOutItem;
using shell::WidgetRecord;

inline constexpr float kDpr = 2.0f;  // CSS px → device px, as the browser tests' tablets

struct Viewport {
  const char* name;
  float w, h;  // CSS px
};

// Reads the subset font the web build ships (shell/CMakeLists.txt makes it).
inline std::vector<unsigned char> read_font() {
  std::ifstream in(BUTLER_TEST_FONT, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}

inline bool matches(const std::string& id, const std::string& pattern) {
  if (!pattern.empty() && pattern.back() == '*') return id.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return id == pattern;
}

// One tablet: an ImGui context, the fake host and the app shell, frame by frame.
class Tablet {
 public:
  explicit Tablet(Viewport vp) : vp_(vp) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    host_ = std::make_unique<screens_test::FakeHost>();
    font_ = read_font();
    REQUIRE(font_.size() > 100000);
    host_->fonts().init(font_.data(), static_cast<int>(font_.size()));  // the atlas reads it until it goes
    host_->fonts().set_scale(kDpr);
    shell::apply_theme(kDpr);
    shell::ui().dpr = kDpr;
    shell::ui().portrait = vp.h > vp.w;
    shell::ui().fonts = &host_->fonts();
    shell::ui().host = host_.get();
    automation().set_keep_layout(true);
    shell::native::imgui_assert_failures().clear();
    app_ = std::make_unique<shell::AppShell>(*host_);
  }
  ~Tablet() {
    app_.reset();
    host_.reset();
    shell::ui().host = nullptr;
    shell::ui().fonts = nullptr;
    ImGui::DestroyContext();
  }

  void frame() {
    host_->between_frames();
    host_->fonts().rebuild_if_needed();  // no texture to upload: the null backend draws nothing
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(vp_.w * kDpr, vp_.h * kDpr);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 1.0f / 30.0f;
    io.MousePos = mouse_;
    io.MouseDown[0] = down_;
    ImGui::NewFrame();
    automation().begin_frame();
    app_->draw();
    automation().end_frame();
    ImGui::Render();
    ++frames_;
    for (const std::string& failure : shell::native::imgui_assert_failures()) problem("IM_ASSERT " + failure);
    shell::native::imgui_assert_failures().clear();
  }

  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  const WidgetRecord* find(const std::string& pattern) const {
    for (const WidgetRecord& w : automation().last_frame()) {
      if (matches(w.id, pattern)) return &w;
    }
    return nullptr;
  }

  // Scrolls (the wheel, where the browser tests drag) until the widget is
  // drawn wholly, first down then up; null if it never is.
  const WidgetRecord* reveal(const std::string& pattern) {
    // Not drawn at all: perhaps a list scrolled past it (a clipped list
    // draws only its visible rows); back to the top first.
    for (int i = 0; i < 60 && !laid_out(pattern); ++i) {
      ImGuiIO& io = ImGui::GetIO();
      mouse_ = ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * 0.5f);
      io.MouseWheel = 2.0f;
      frame();
      mouse_ = ImVec2(-FLT_MAX, -FLT_MAX);
      if (i == 8 && !laid_out(pattern)) break;  // nothing of it came: not on this screen
    }
    // A few lines per frame (nothing in a small sheet is jumped over), 60
    // frames each way: far enough for a phone's key board (~10,000 px).
    // A row of a clipped list below the fold is not laid out until the list
    // scrolls to it (a small phone shows few rows): keep going a while.
    for (int dir : {1, -1}) {  // up first: a tab or heading a long scroll left behind
      int absent = 0;
      for (int i = 0; i < 60; ++i) {
        const WidgetRecord* w = find(pattern);
        if (w && mostly_shown(*w)) return w;
        if (laid_out(pattern)) absent = 0;
        else if (++absent > 24) break;  // not this way
        ImGuiIO& io = ImGui::GetIO();
        // Mid-screen, and now and then lower: a list below a tall header
        // (a small phone) scrolls only under a finger on it.
        mouse_ = ImVec2(io.DisplaySize.x * 0.6f, io.DisplaySize.y * (absent % 2 ? 0.72f : 0.5f));
        io.MouseWheel = static_cast<float>(dir) * 2.0f;
        frame();
        mouse_ = ImVec2(-FLT_MAX, -FLT_MAX);
      }
    }
    const WidgetRecord* w = find(pattern);
    return w && mostly_shown(*w) ? w : nullptr;
  }

  // Most of it on screen: a finger at its middle lands on it (a bottom tab
  // reaches a few pixels past its bar and counts as clipped, yet is tapped).
  static bool mostly_shown(const WidgetRecord& w) {
    if (!w.clipped) return true;
    for (const LaidOutItem& item : automation().last_layout()) {
      if (item.id == w.id) return (w.max.y - w.min.y) >= 0.8f * (item.max.y - item.min.y) &&
                                  (w.max.x - w.min.x) >= 0.8f * (item.max.x - item.min.x);
    }
    return false;
  }

  // Laid out this frame, on screen or scrolled away.
  bool laid_out(const std::string& pattern) const {
    for (const LaidOutItem& item : automation().last_layout()) {
      if (matches(item.id, pattern)) return true;
    }
    return false;
  }

  // A finger on the widget's middle, as the browser's touch replay: position,
  // press, release, lift; then frames for the layout to settle.
  bool tap(const std::string& pattern) {
    // A butler waits for a greyed button (the runner holds taps a moment after 全部合格).
    for (int i = 0; i < 60 && find(pattern) && find(pattern)->disabled; ++i) frame();
    const WidgetRecord* w = reveal(pattern);
    if (!w) {
      problem("nothing to tap: " + pattern);
      return false;
    }
    tap_at(ImVec2((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f));
    return true;
  }

  // A finger at a point, whatever is drawn there now (the second tap of a
  // double tap lands where the first did): 7 frames, 233 ms at 30 fps.
  void tap_at(ImVec2 at) {
    last_tap_ = at;
    mouse_ = at;
    down_ = false;
    frame();
    down_ = true;
    frame();
    down_ = false;
    frame();
    mouse_ = ImVec2(-FLT_MAX, -FLT_MAX);
    frames(4);
  }
  ImVec2 last_tap() const { return last_tap_; }

  // The checks on the frame drawn last.
  void check(const std::vector<std::string>& expected) {
    for (const std::string& id : expected) {
      if (!laid_out(id)) problem("missing automation id " + id);
    }
    const float right = vp_.w * kDpr;
    for (const LaidOutItem& item : automation().last_layout()) {
      if (item.max.x > right + 1.0f || item.min.x < -1.0f) {
        char line[200];
        std::snprintf(line, sizeof line, "%s (%s) spans x %.0f..%.0f CSS px, the screen is %.0f wide", item.id.c_str(),
                      item.kind.c_str(), item.min.x / kDpr, item.max.x / kDpr, vp_.w);
        problem(line);
      }
    }
    for (const WidgetRecord& w : automation().last_frame()) {
      const bool target = w.kind == "button" || w.kind == "nav" || w.kind == "text" || w.kind == "row";
      const float min_px = 47.5f * kDpr;
      if (target && !w.clipped && (w.max.y - w.min.y < min_px || w.max.x - w.min.x < min_px)) {
        char line[200];
        std::snprintf(line, sizeof line, "%s (%s) is a small touch target: %.0f×%.0f CSS px", w.id.c_str(), w.kind.c_str(),
                      (w.max.x - w.min.x) / kDpr, (w.max.y - w.min.y) / kDpr);
        problem(line);
      }
    }
    // The top bar's items side by side, never one over another (a phone's
    // bar is narrow: the status must not hide under 登记工单).
    const char* const bar[] = {"ticket_new", "save_status", "net_status", "lang_switch"};
    for (std::size_t i = 0; i < std::size(bar); ++i) {
      for (std::size_t j = i + 1; j < std::size(bar); ++j) {
        const WidgetRecord* a = find(bar[i]);
        const WidgetRecord* b = find(bar[j]);
        if (a && b && a->min.x < b->max.x && b->min.x < a->max.x && a->min.y < b->max.y && b->min.y < a->max.y) {
          problem(std::string("the top bar's ") + bar[i] + " \"" + a->label + "\" overlaps " + bar[j] + " \"" + b->label + "\"");
        }
      }
    }
    // Words a butler must read whole: a button, tab or chip cut short.
    for (const WidgetRecord& w : automation().last_frame()) {
      if (w.truncated && !w.clipped) problem(w.id + " (" + w.kind + ") cuts its label: \"" + w.label + "\"");
    }
    if (std::getenv("SCREENS_DUMP")) {
      std::printf("--- %s\n", where_.c_str());
      for (const WidgetRecord& w : automation().last_frame()) std::printf("  %s [%s]\n", w.id.c_str(), w.kind.c_str());
    }
  }

  void at(const std::string& where) { where_ = std::string(vp_.name) + " " + lang() + " " + where; }
  void problem(const std::string& what) {
    for (const std::string& p : problems_) {
      if (p == where_ + ": " + what) return;
    }
    problems_.push_back(where_ + ": " + what);
    if (std::getenv("SCREENS_PROBLEMS")) std::fprintf(stderr, "PROBLEM %s\n", problems_.back().c_str());
  }
  const std::vector<std::string>& problems() const { return problems_; }
  const shell::ShellState& state() const { return app_->state(); }
  app::Session& session() { return app_->session(); }
  screens_test::FakeHost& host() { return *host_; }
  void sign_in_as(app::Role role) {
    for (const auto& [id, staff] : app_->session().master_data().staff) {
      if (staff.role == role) {
        app_->session().set_actor(id);
        frames(2);
        return;
      }
    }
    FAIL("no staff member with that role in the demo");
  }
  int frame_count() const { return frames_; }
  static std::string lang() { return app::i18n::language_code(app::i18n::current_language()); }

 private:
  Viewport vp_;
  std::vector<unsigned char> font_;  // outlives host_ (declared first), whose atlas reads it
  std::unique_ptr<screens_test::FakeHost> host_;
  std::unique_ptr<shell::AppShell> app_;
  ImVec2 mouse_{-FLT_MAX, -FLT_MAX};
  ImVec2 last_tap_{-FLT_MAX, -FLT_MAX};
  bool down_ = false;
  int frames_ = 0;
  std::string where_ = "start";
  std::vector<std::string> problems_;
};

}  // namespace screens_test
