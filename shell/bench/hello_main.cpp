// The floor of the stack for scripts/bench startup: a bare ImGui page with the
// same loader, the same font and the same atlas as the app, and nothing else.
#include "imgui.h"
#include "shell/platform/js_bridge.hpp"
#include "shell/platform/web_host.hpp"
#include "shell/ui/widgets.hpp"

int main() {
  static shell::WebHost host;
  if (!host.init("hello")) return 1;
  host.run(
      [] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("hello", nullptr, ImGuiWindowFlags_NoDecoration);
        shell::widgets::heading("你好，世界 · Hello, world");
        shell::widgets::button("hello", "按钮 Button");
        ImGui::End();
        butler_interactive();
      },
      nullptr);
  return 0;
}
