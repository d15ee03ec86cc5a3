#include "shell/platform/browser_events.hpp"

#include <emscripten/emscripten.h>

namespace shell {
namespace {
std::deque<QueuedInput> g_queue;
bool g_activity = true;
}  // namespace

std::deque<QueuedInput>& browser_queue() { return g_queue; }
void note_activity() { g_activity = true; }
bool take_activity() {
  const bool was = g_activity;
  g_activity = false;
  return was;
}

}  // namespace shell

using shell::QueuedInput;

extern "C" {
EMSCRIPTEN_KEEPALIVE void butler_queue_text(const char* utf8) {
  shell::browser_queue().push_back({QueuedInput::Kind::text, utf8 ? utf8 : "", {}, {}});
  shell::note_activity();
}
EMSCRIPTEN_KEEPALIVE void butler_queue_key(int key) {
  shell::browser_queue().push_back({QueuedInput::Kind::key, {}, static_cast<shell::BrowserKey>(key), {}});
  shell::note_activity();
}
EMSCRIPTEN_KEEPALIVE void butler_queue_composition(const char* utf8) {
  shell::browser_queue().push_back({QueuedInput::Kind::composition, utf8 ? utf8 : "", {}, {}});
  shell::note_activity();
}
EMSCRIPTEN_KEEPALIVE void butler_queue_event(int event) {
  shell::browser_queue().push_back({QueuedInput::Kind::event, {}, {}, static_cast<shell::BrowserEvent>(event)});
  shell::note_activity();
}
}
