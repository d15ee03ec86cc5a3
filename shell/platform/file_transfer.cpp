#include "shell/platform/file_transfer.hpp"

#include <emscripten/emscripten.h>

#include "shell/platform/browser_events.hpp"
#include "shell/platform/js_bridge.hpp"

namespace shell {
namespace {
std::function<void(bool, std::string)> g_pending;
}  // namespace

void download_file(const std::string& name, const std::string& bytes) {
  butler_download(name.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
}

void pick_file(std::function<void(bool, std::string)> done) {
  g_pending = std::move(done);
  butler_pick_file();
}

}  // namespace shell

extern "C" EMSCRIPTEN_KEEPALIVE void butler_on_file(const unsigned char* bytes, int len) {
  auto done = std::move(shell::g_pending);
  shell::g_pending = nullptr;
  if (done) done(len >= 0, len > 0 ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(len)) : std::string());
  shell::note_activity();
}
