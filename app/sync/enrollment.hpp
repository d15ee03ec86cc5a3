#pragma once
// Enrolment: a tablet signs in once with a staff code and PIN and keeps the
// device token the server gives (shown once, never again). What the tablet
// keeps of it, how it words the server's answer, and what it checks before
// sending. No I/O: the shell sends the request and hands back the answer.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/sync/wire.hpp"

namespace app::sync {

struct Enrollment {
  std::string server;          // "http://127.0.0.1:8080", no trailing slash
  std::string token;
  std::string staff_code;
  std::string community_name;
  Id community, staff;
  std::int64_t role = 0;
  // This tablet's ordinal in the community (T3-0042's 3), from the enrolment
  // answer or, for a tablet enrolled before ordinals, its first sync since;
  // 0 until then (app/core/record_number.hpp says what is used meanwhile).
  std::int64_t tablet_no = 0;
  bool demo_server = false;  // enrolled with a --demo server: the top bar says 演示服务器
  // The token is kept sealed with the tablet's data key (web/lock_lib.js,
  // README: tablet lock), not in the preferences: encode_enrollment then
  // leaves it out and `token` is filled in memory once a tablet PIN opens it.
  // A lost tablet's preferences give no way to push or pull as its butler.
  bool token_sealed = false;
  // From the enrolment answer, held in memory until the tablet PIN is set:
  // never written by encode_enrollment (the tablet keeps only a data key
  // wrapped by it).
  std::string recovery_key;
};

// Checks what the butler typed; the request body to POST to server + "/api/v1/enroll".
Result<std::string> enroll_request(std::string_view server, std::string_view code, std::string_view pin, const Id& device);
// The server's answer (status 0: no answer; body is then the reason) in the
// butler's language, or the enrolment to keep.
Result<Enrollment> enroll_answer(std::string_view server, std::string_view code, int http_status, std::string_view body);
// "http://host:port/" → "http://host:port"; empty if it is not an http(s) address.
std::string normalize_server(std::string_view server);

// A sync answer's ordinal, kept if it is news: true when `e` changed (the
// shell then stores it again and tells the session).
bool learn_tablet_no(Enrollment& e, std::int64_t from_sync);

// Kept across restarts (the shell stores it with the preferences).
std::string encode_enrollment(const Enrollment& e);
Result<Enrollment> decode_enrollment(std::string_view text);

}  // namespace app::sync
