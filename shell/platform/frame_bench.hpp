#pragma once
// scripts/bench rounds: times whole frames (ImGui build + draw submission) in
// the page, either the app's or an empty full-screen window's as the baseline
// of the same run. Bench only: the page calls butler_bench_frames_start only
// in a benchmark, and nothing changes when it does not.
#include <vector>

namespace shell {

struct FrameBench {
  int remaining = 0;       // frames still to time; the host draws every animation frame meanwhile
  bool empty = false;      // draw the baseline window instead of the app
  std::vector<double> ms;        // one per timed frame: ImGui build + draw submission
  std::vector<double> build_ms;  // the ImGui part alone (to ImGui::Render), to tell the two apart

  bool running() const { return remaining > 0; }
  void record(double frame_ms, double build) {
    ms.push_back(frame_ms);
    build_ms.push_back(build);
    --remaining;
  }
};

FrameBench& frame_bench();

// The baseline: the app's full-screen window with nothing in it, so the
// difference from a timed app frame is what the screen itself costs.
void draw_empty_frame();

}  // namespace shell
