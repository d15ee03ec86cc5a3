#include "app/server/http_limits.hpp"

#include <httplib.h>

#include <string>

#include "app/server/http_server.hpp"

namespace server {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// One path segment after `prefix`, of the characters `allowed` accepts.
template <typename Allowed>
bool one_segment_after(std::string_view path, std::string_view prefix, Allowed allowed) {
  if (!starts_with(path, prefix) || path.size() == prefix.size()) return false;
  for (char c : path.substr(prefix.size())) {
    if (c == '/' || !allowed(c)) return false;
  }
  return true;
}

// httplib reads a body for these methods; a request of another method may
// still declare one, which would be read as the next request if not refused.
bool reads_body(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "PRI";
}

// A Content-Length header's value: digits only, or nothing.
std::optional<unsigned long long> declared_length(const std::string& value) {
  if (value.empty() || value.size() > 18) return std::nullopt;
  unsigned long long n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned long long>(c - '0');
  }
  return n;
}

void answer(httplib::Response& res, const Reply& reply) {
  res.status = reply.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(reply.body, reply.content_type);
  HttpServer::close_after_reply(res);  // the body stays unread: nothing after it can be
}

}  // namespace

std::size_t body_bound(std::string_view method, std::string_view path, const Limits& limits) {
  if (method == "POST" && path == "/api/v1/enroll") return kEnrollBody;
  if (method == "POST" && path == "/api/v1/sync") return limits.sync_body;
  if (method == "PUT" && one_segment_after(path, "/api/v1/blobs/", [](char) { return true; })) return limits.blob_body;
  if (method == "POST" && one_segment_after(path, "/api/v1/import/", [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) {
    return limits.import_body;
  }
  return 0;
}

std::optional<Reply> refuse_body(const httplib::Request& req, const Limits& limits) {
  const std::string encoding = req.get_header_value("Content-Encoding");
  if (!encoding.empty() && encoding != "identity") {
    return error_reply(415, "unsupported_encoding", "a request body is sent uncompressed");
  }
  if (req.has_header("Transfer-Encoding")) {
    return error_reply(411, "length_required", "a request body is sent with its Content-Length, not in chunks");
  }
  const std::size_t bound = body_bound(req.method, req.path, limits);
  if (!req.has_header("Content-Length")) {
    if (reads_body(req.method)) return error_reply(411, "length_required", "a request body is sent with its Content-Length");
    return std::nullopt;
  }
  const auto length = declared_length(req.get_header_value("Content-Length"));
  if (!length || req.get_header_value_count("Content-Length") != 1) {
    return error_reply(400, "bad_request", "Content-Length is not one whole number");
  }
  if (*length > bound) {
    return error_reply(413, "too_large", bound == 0 ? std::string("this request takes no body")
                                                    : "this request takes at most " + std::to_string(bound) + " bytes");
  }
  return std::nullopt;
}

void mount_body_limits(httplib::Server& http, const Limits& limits) {
  http.set_pre_routing_handler([limits](const httplib::Request& req, httplib::Response& res) {
    const auto refused = refuse_body(req, limits);
    if (!refused) return httplib::Server::HandlerResponse::Unhandled;
    answer(res, *refused);
    return httplib::Server::HandlerResponse::Handled;
  });
  // A client that asks first ("Expect: 100-continue") is told before it sends the body.
  http.set_expect_100_continue_handler([limits](const httplib::Request& req, httplib::Response& res) {
    const auto refused = refuse_body(req, limits);
    if (!refused) return 100;
    answer(res, *refused);
    return refused->status;
  });
}

}  // namespace server
