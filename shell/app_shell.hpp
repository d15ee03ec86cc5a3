#pragma once
// The frame around the screens: navigation (bottom tabs in portrait, a side
// rail in landscape), the top bar with status and the language switch, the
// update banner, and the automation hook's state summary.
#include <string>
#include <vector>

#include "app/session/session.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/sync/sync_driver.hpp"

namespace shell {

class Host;

// What the platform reports between frames (the browser's BrowserEvent).
enum class HostEvent { online, hidden, update_ready };

class AppShell {
 public:
  // Everything outside the app (storage, network, fonts, time) is the host's:
  // the browser's WebHost, or the native screen tests' fake.
  explicit AppShell(Host& host);
  void draw();
  void on_host_event(HostEvent e);
  std::string state_json() const;
  app::Session& session() { return session_; }
  const ShellState& state() const { return state_; }

 private:
  void draw_top_bar(float height);
  void draw_nav(bool vertical, float width, float height);
  void draw_update_banner();
  void draw_overdue_badge();  // after the tickets tab's nav item
  void draw_screen();
  void toggle_language();
  bool finish_loading();   // true once the stored log is folded in
  void draw_loading();
  void draw_save_status(const std::string& text, float right_edge, float mid_y);
  void keep_storage_healthy();
  void reload_whole_log();
  void keep_snapshot_fresh();
  void lock_when_idle();
  void draw_lock_cover(float top);

  Host& host_;
  app::Session session_;
  SyncDriver sync_;
  PhotoCapture photos_{session_, sync_, host_};
  ShellState state_;
  bool loaded_ = false;
  bool load_started_ = false;
  bool interactive_ = false;      // the first interactive frame was announced
  int interactive_frames_ = 0;    // frames drawn since loading finished
  bool whole_log_failed_ = false;
  double snapshot_covers_ = -1;
  double snapshot_ops_ = -1;     // >= 0: written, to be put next frame (the ops it covers)
  // What snapshotting has cost a frame, worst so far, by part, and every
  // step frame's cost (scripts/bench store prints their spread).
  struct {
    double begin_ms = 0, step_ms = 0, take_ms = 0, put_ms = 0;
    std::vector<float> step_frames_ms;
  } snapshot_cost_;
  double last_retry_s_ = 0;
  double load_ms_ = 0;
  double last_touch_ms_ = 0;  // the last input, for the idle lock
  bool locked_ = false;  // the lock covers the app this frame
  const char* lock_mode_ = "none";  // the lock screen's mode last frame (state_json)  // folding the stored log at start-up (scripts/bench store)
};

}  // namespace shell
