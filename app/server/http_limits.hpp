#pragma once
// Every request body is bounded before a byte of it is read: each endpoint
// takes at most its own size (enrolment 4 KiB, sync Limits::sync_body, a
// photo Limits::blob_body, an office sheet Limits::import_body), everything
// else none. A declared Content-Length above the bound is refused with 413,
// a body without one (Transfer-Encoding: chunked, or none at all) with 411:
// tablets and the office page always send a length, and httplib would read a
// chunked body whole, whatever its size. A compressed body (Content-Encoding)
// is refused with 415: httplib would inflate it without bound. Refusals are
// the API's JSON error shape (error_reply) and end the connection unread
// (HttpServer::close_after_reply).
#include <cstddef>
#include <optional>
#include <string_view>

#include "app/server/sync_service.hpp"

namespace httplib {
class Server;
struct Request;
}  // namespace httplib

namespace server {

inline constexpr std::size_t kEnrollBody = 4 * 1024;

// The largest body `method` `path` takes (0: none).
std::size_t body_bound(std::string_view method, std::string_view path, const Limits& limits);

// The refusal of `req` by its headers alone, or nothing when its body may be read.
std::optional<Reply> refuse_body(const httplib::Request& req, const Limits& limits);

// Installs the check before routing (and before "100 Continue" is sent).
void mount_body_limits(httplib::Server& http, const Limits& limits);

}  // namespace server
