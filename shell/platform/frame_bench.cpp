#include "shell/platform/frame_bench.hpp"

#include <emscripten/emscripten.h>

#include <string>

#include "imgui.h"

namespace shell {

FrameBench& frame_bench() {
  static FrameBench bench;
  return bench;
}

void draw_empty_frame() {
  // Same name and flags as AppShell::draw's window: one window, one clear.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("##main", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
  ImGui::End();
}

}  // namespace shell

extern "C" {
// Times the next n frames; empty != 0 draws the baseline window instead of the app.
EMSCRIPTEN_KEEPALIVE void butler_bench_frames_start(int n, int empty) {
  shell::FrameBench& b = shell::frame_bench();
  b.ms.clear();
  b.build_ms.clear();
  b.empty = empty != 0;
  b.remaining = n > 0 ? n : 0;
}
// The frames timed so far: {"frame":[ms…],"build":[ms…]}.
EMSCRIPTEN_KEEPALIVE const char* butler_bench_frame_results() {
  static std::string json;
  auto list = [](const std::vector<double>& xs) {
    std::string out = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? "," : "") + std::to_string(xs[i]);
    return out + "]";
  };
  const shell::FrameBench& b = shell::frame_bench();
  json = "{\"frame\":" + list(b.ms) + ",\"build\":" + list(b.build_ms) + "}";
  return json.c_str();
}
}
