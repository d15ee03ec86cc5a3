// Butler Rounds in the browser: the host runs frames, the app shell draws them.
#include <emscripten/emscripten.h>

#include <string>

#include "shell/app_shell.hpp"
#include "shell/bench/bench_hooks.hpp"
#include "shell/platform/browser_host.hpp"
#include "shell/platform/web_host.hpp"

namespace {
shell::AppShell* g_app = nullptr;
}  // namespace

int main() {
  static shell::WebHost web;
  if (!web.init("管家巡查")) return 1;
  static shell::BrowserHost host(web);
  static shell::AppShell app(host);
  g_app = &app;
  shell::install_bench_hooks(&app.session());
  web.run([] { app.draw(); }, [](shell::BrowserEvent e) {
    switch (e) {
      case shell::BrowserEvent::online: app.on_host_event(shell::HostEvent::online); break;
      case shell::BrowserEvent::hidden: app.on_host_event(shell::HostEvent::hidden); break;
      case shell::BrowserEvent::update_ready: app.on_host_event(shell::HostEvent::update_ready); break;
      default: break;
    }
  });
  return 0;
}

// window.butlerTest.state(): the shell's JSON summary.
extern "C" EMSCRIPTEN_KEEPALIVE const char* butler_test_state() {
  static std::string json;
  json = g_app ? g_app->state_json() : "{}";
  return json.c_str();
}
