#pragma once
// HTTP from C++ through fetch (web/net_lib.js): asynchronous, the answer
// arrives between frames. status 0 = no answer (offline, timeout); `body` is
// then the reason in words.
#include <functional>
#include <string>

namespace shell {

using HttpDone = std::function<void(int status, const std::string& body)>;

void http_send(const std::string& method, const std::string& url, const std::string& body, const std::string& token,
               HttpDone done, int timeout_ms = 30000);

// The page's origin ("http://127.0.0.1:8080"): where the sync server is by default.
std::string page_origin();

}  // namespace shell
