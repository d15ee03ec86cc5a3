// Butler Rounds in the browser: the host runs frames, the app shell draws them.
#include "shell/app_shell.hpp"
#include "shell/platform/web_host.hpp"

int main() {
  static shell::WebHost host;
  if (!host.init("管家巡查")) return 1;
  static shell::AppShell app(host);
  host.run([] { app.draw(); }, [](shell::BrowserEvent e) { app.on_browser_event(e); });
  return 0;
}
