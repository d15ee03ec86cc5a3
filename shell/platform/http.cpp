#include "shell/platform/http.hpp"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <unordered_map>

#include "shell/platform/browser_events.hpp"

extern "C" {
void butler_http(double id, const char* method, const char* url, const unsigned char* body, int body_len, const char* token,
                 int timeout_ms);
void butler_page_origin(char* out, int out_len);
}

namespace shell {
namespace {

std::unordered_map<std::uint64_t, HttpDone>& pending() {
  static std::unordered_map<std::uint64_t, HttpDone> calls;
  return calls;
}
std::uint64_t g_next_id = 1;

}  // namespace

void http_send(const std::string& method, const std::string& url, const std::string& body, const std::string& token,
               HttpDone done, int timeout_ms) {
  const std::uint64_t id = g_next_id++;
  pending()[id] = std::move(done);
  butler_http(static_cast<double>(id), method.c_str(), url.c_str(), reinterpret_cast<const unsigned char*>(body.data()),
              static_cast<int>(body.size()), token.c_str(), timeout_ms);
}

std::string page_origin() {
  char origin[256] = {0};
  butler_page_origin(origin, sizeof origin);
  return origin;
}

}  // namespace shell

extern "C" EMSCRIPTEN_KEEPALIVE void butler_on_http(double id, int status, unsigned char* bytes, int len) {
  auto& calls = shell::pending();
  auto it = calls.find(static_cast<std::uint64_t>(id));
  std::string body(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(len > 0 ? len : 0));
  std::free(bytes);
  if (it == calls.end()) return;
  shell::HttpDone done = std::move(it->second);
  calls.erase(it);
  done(status, body);
  shell::note_activity();
}
