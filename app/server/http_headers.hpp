#pragma once
// The security headers on every answer the server gives (the API, the web
// app, the office page, httplib's own errors): no MIME sniffing, no Referer
// leaving the page, never shown in another site's frame, and a
// Content-Security-Policy for each kind of answer:
//   - the app page (Emscripten's wasm build): its own scripts only, and
//     WebAssembly compiled from the bytes it downloads ('wasm-unsafe-eval');
//     inline styles (the page's own <style>, the print frame's page);
//   - the office page: its own script only (as its meta tag already says);
//   - scripts: the app's policy (a service worker runs under its script's);
//   - everything else (JSON, exports, files): nothing may load or run.
namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace server {

extern const char* const kAppPolicy;
extern const char* const kOfficePolicy;
extern const char* const kNothingPolicy;

// Sets the headers on `res` (replacing any of the same name).
void apply_security_headers(const httplib::Request& req, httplib::Response& res);

// Installs apply_security_headers as the server's post-routing handler.
void mount_security_headers(httplib::Server& http);

}  // namespace server
