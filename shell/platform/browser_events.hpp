#pragma once
// Events the browser reports to C++ (web/butler_lib.js queues them through the
// exported butler_queue_* functions). Drained at the start of each frame so
// ImGui sees input in order and on frame boundaries.
#include <deque>
#include <string>

namespace shell {

enum class BrowserKey { none = 0, enter = 1, backspace = 2, tab = 3, left = 4, right = 5, home = 6, end = 7, del = 8, escape = 9 };
enum class BrowserEvent { none = 0, online = 1, offline = 2, update_ready = 3, hidden = 4, visible = 5 };

struct QueuedInput {
  enum class Kind { text, key, composition, event } kind;
  std::string text;      // text and composition
  BrowserKey key = BrowserKey::none;
  BrowserEvent event = BrowserEvent::none;
};

// The queue JS writes into. Single-threaded: JS and the frame run on one thread.
std::deque<QueuedInput>& browser_queue();

// Set whenever anything arrives, so the main loop knows to draw again.
void note_activity();
bool take_activity();

}  // namespace shell
