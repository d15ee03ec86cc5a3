#include "app/server/http_headers.hpp"

#include <httplib.h>

#include <string>
#include <string_view>

namespace server {

const char* const kAppPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const char* const kOfficePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const char* const kNothingPolicy = "default-src 'none'; frame-ancestors 'none'";

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const char* policy_for(const httplib::Request& req) {
  const std::string& path = req.path;
  if (path == "/office" || path == "/office.html") return kOfficePolicy;
  if (path == "/" || path == "/index.html" || path == "/bench-hello.html") return kAppPolicy;
  if (path.rfind("/api/", 0) != 0 && ends_with(path, ".js")) return kAppPolicy;
  return kNothingPolicy;
}

void replace_header(httplib::Response& res, const char* name, const char* value) {
  res.headers.erase(name);
  res.set_header(name, value);
}

}  // namespace

void apply_security_headers(const httplib::Request& req, httplib::Response& res) {
  replace_header(res, "X-Content-Type-Options", "nosniff");
  replace_header(res, "Referrer-Policy", "no-referrer");
  replace_header(res, "X-Frame-Options", "DENY");
  replace_header(res, "Content-Security-Policy", policy_for(req));
}

void mount_security_headers(httplib::Server& http) { http.set_post_routing_handler(apply_security_headers); }

}  // namespace server
