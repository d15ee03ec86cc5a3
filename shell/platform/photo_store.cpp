#include "shell/platform/photo_store.hpp"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <unordered_map>

#include <string_view>
#include "shell/platform/browser_events.hpp"

extern "C" {
void butler_pick_photo(double id);
void butler_blob_put(double id, const char* sha, const unsigned char* bytes, int len, int owed);
void butler_blob_list_uploads();
void butler_blob_read(double id, const char* sha);
void butler_blob_uploaded(const char* sha);
void butler_blob_thumbnail(double id, const char* sha, int side, unsigned texture);
}

namespace shell {
namespace {

// Callbacks waiting for JS, by call id (one table per kind of answer).
template <typename Fn>
struct Waiting {
  std::unordered_map<std::uint64_t, Fn> calls;
  std::uint64_t next = 1;
  std::uint64_t add(Fn fn) {
    calls[next] = std::move(fn);
    return next++;
  }
  Fn take(double id) {
    auto it = calls.find(static_cast<std::uint64_t>(id));
    if (it == calls.end()) return {};
    Fn fn = std::move(it->second);
    calls.erase(it);
    return fn;
  }
};

Waiting<std::function<void(bool, std::string)>>& photo_calls() { static Waiting<std::function<void(bool, std::string)>> w; return w; }
Waiting<std::function<void(bool, std::string)>>& saved_calls() { static Waiting<std::function<void(bool, std::string)>> w; return w; }
Waiting<std::function<void(bool, std::string)>>& read_calls() { static Waiting<std::function<void(bool, std::string)>> w; return w; }
Waiting<std::function<void(int, int)>>& thumb_calls() { static Waiting<std::function<void(int, int)>> w; return w; }
std::vector<std::function<void(std::vector<std::string>)>>& list_calls() {
  static std::vector<std::function<void(std::vector<std::string>)>> calls;
  return calls;
}

std::string bytes_of(const unsigned char* p, int len) {
  return len > 0 ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len)) : std::string();
}

}  // namespace

void pick_photo(std::function<void(bool ok, std::string jpeg)> done) {
  butler_pick_photo(static_cast<double>(photo_calls().add(std::move(done))));
}

void put_blob(const std::string& sha256, const std::string& bytes, bool owed,
              std::function<void(bool ok, std::string message)> done) {
  const auto id = saved_calls().add(std::move(done));
  butler_blob_put(static_cast<double>(id), sha256.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
                  static_cast<int>(bytes.size()), owed ? 1 : 0);
}

void list_uploads(std::function<void(std::vector<std::string> names)> done) {
  list_calls().push_back(std::move(done));
  if (list_calls().size() == 1) butler_blob_list_uploads();  // one read answers everyone waiting
}

void read_blob(const std::string& sha256, std::function<void(bool found, std::string bytes)> done) {
  butler_blob_read(static_cast<double>(read_calls().add(std::move(done))), sha256.c_str());
}

void mark_uploaded(const std::string& sha256) { butler_blob_uploaded(sha256.c_str()); }

void load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int w, int h)> done) {
  butler_blob_thumbnail(static_cast<double>(thumb_calls().add(std::move(done))), sha256.c_str(), side, texture);
}

}  // namespace shell

extern "C" {

EMSCRIPTEN_KEEPALIVE void butler_on_photo(double id, const unsigned char* bytes, int len) {
  if (auto done = shell::photo_calls().take(id)) done(len >= 0, shell::bytes_of(bytes, len));
  shell::note_activity();
}

EMSCRIPTEN_KEEPALIVE void butler_on_blob_saved(double id, int ok, const char* message) {
  if (auto done = shell::saved_calls().take(id)) done(ok != 0, message ? message : "");
  shell::note_activity();
}

EMSCRIPTEN_KEEPALIVE void butler_on_blob_read(double id, const unsigned char* bytes, int len) {
  if (auto done = shell::read_calls().take(id)) done(len >= 0, shell::bytes_of(bytes, len));
  shell::note_activity();
}

EMSCRIPTEN_KEEPALIVE void butler_on_uploads_listed(const char* names) {
  std::vector<std::string> list;
  std::string_view rest = names ? names : "";
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    if (comma != 0) list.emplace_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  auto waiting = std::move(shell::list_calls());
  shell::list_calls().clear();
  for (auto& done : waiting) done(list);
  shell::note_activity();
}

EMSCRIPTEN_KEEPALIVE void butler_on_thumbnail(double id, int w, int h) {
  if (auto done = shell::thumb_calls().take(id)) done(w, h);
  shell::note_activity();
}

}  // extern "C"
