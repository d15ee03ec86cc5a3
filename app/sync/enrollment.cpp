#include "app/sync/enrollment.hpp"

#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/sync/sync_json.hpp"

namespace app::sync {
namespace {

using i18n::S;
using i18n::tr;

Error refuse(const char* code, S words, std::string_view detail = {}) {
  std::string message = tr(words);
  if (!detail.empty()) message += " (" + std::string(detail) + ")";
  return Error{code, message};
}

std::string text_of(const json::Value& doc, std::string_view key) {
  const json::Value* v = doc.get(key);
  return v && v->is_string() ? v->s : std::string();
}

}  // namespace

std::string normalize_server(std::string_view server) {
  std::string s(server);
  s.erase(0, s.find_first_not_of(" \t"));
  while (!s.empty() && (s.back() == '/' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  const bool http = s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
  if (!http || s.find_first_of(" \t") != std::string::npos) return {};
  const std::size_t host = s.find("://") + 3;
  return host < s.size() ? s : std::string();
}

Result<std::string> enroll_request(std::string_view server, std::string_view code, std::string_view pin, const Id& device) {
  if (normalize_server(server).empty()) return refuse("bad_server", S::err_enroll_bad_server);
  if (code.empty()) return refuse("code_required", S::err_enroll_code_required);
  const bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (pin.size() < 4 || pin.size() > 12 || !digits) return refuse("bad_pin", S::err_enroll_bad_pin);
  return encode_enroll_request({std::string(code), std::string(pin), device});
}

Result<Enrollment> enroll_answer(std::string_view server, std::string_view code, int http_status, std::string_view body) {
  if (http_status == 0) return refuse("network", S::err_sync_network, body);
  if (http_status == 401) return refuse("wrong_pin", S::err_enroll_wrong_pin);
  if (http_status == 429) return refuse("locked", S::err_enroll_locked);
  if (http_status != 200) {
    Result<json::Value> doc = json::parse(body);
    // revoke-devices: the PIN was right, but only a new one lets this code enrol.
    if (http_status == 403 && doc.ok() && text_of(doc.value(), "error") == "revoked") return refuse("revoked", S::err_enroll_revoked);
    const std::string detail = doc.ok() ? text_of(doc.value(), "message") : std::string();
    return refuse("server", S::err_sync_server, detail.empty() ? "HTTP " + std::to_string(http_status) : detail);
  }
  Result<EnrollResponse> answer = parse_enroll_response(body);
  if (!answer.ok() || answer.value().token.empty()) return refuse("bad_answer", S::err_sync_server, "enrol");
  Enrollment e;
  e.server = normalize_server(server);
  e.token = answer.value().token;
  e.staff_code = std::string(code);
  e.community_name = answer.value().community_name;
  e.community = answer.value().community;
  e.staff = answer.value().staff;
  e.role = answer.value().role;
  e.tablet_no = answer.value().tablet_no;
  e.demo_server = answer.value().demo;
  e.recovery_key = answer.value().recovery_key;
  return e;
}

bool learn_tablet_no(Enrollment& e, std::int64_t from_sync) {
  // 0 is "the server said nothing" (an older server): never forget a known one for it.
  if (from_sync <= 0 || from_sync == e.tablet_no) return false;
  e.tablet_no = from_sync;
  return true;
}

std::string encode_enrollment(const Enrollment& e) {
  std::string out = "{\"v\":1";
  out += ",\"server\":" + json::quote(e.server);
  if (e.token_sealed) out += ",\"token_sealed\":true";
  else out += ",\"token\":" + json::quote(e.token);
  out += ",\"code\":" + json::quote(e.staff_code);
  out += ",\"community_name\":" + json::quote(e.community_name);
  out += ",\"community\":" + json::quote(e.community.to_hex());
  out += ",\"staff\":" + json::quote(e.staff.to_hex());
  out += ",\"role\":" + std::to_string(e.role);
  out += ",\"tablet_no\":" + std::to_string(e.tablet_no);
  if (e.demo_server) out += ",\"demo_server\":true";
  return out + "}";
}

Result<Enrollment> decode_enrollment(std::string_view text) {
  Result<json::Value> doc = json::parse(text);
  if (!doc.ok() || !doc.value().is_object()) return Error{"bad_enrollment", "stored enrolment is damaged"};
  const json::Value& d = doc.value();
  Enrollment e;
  e.server = text_of(d, "server");
  e.token = text_of(d, "token");
  e.staff_code = text_of(d, "code");
  e.community_name = text_of(d, "community_name");
  if (const json::Value* role = d.get("role"); role && role->is_int()) e.role = role->i;
  // Absent in an enrolment stored before ordinals: 0, learnt at the next sync.
  if (const json::Value* no = d.get("tablet_no"); no && no->is_int() && no->i > 0) e.tablet_no = no->i;
  if (const json::Value* demo = d.get("demo_server"); demo && demo->type == json::Value::Type::boolean) e.demo_server = demo->b;
  if (const json::Value* sealed = d.get("token_sealed"); sealed && sealed->type == json::Value::Type::boolean) {
    e.token_sealed = sealed->b;
  }
  // A sealed token is not here: the tablet PIN's unlock hands it over.
  if (e.token_sealed) e.token.clear();
  if (e.server.empty() || (e.token.empty() && !e.token_sealed) || !Id::from_hex(text_of(d, "community"), &e.community) ||
      !Id::from_hex(text_of(d, "staff"), &e.staff)) {
    return Error{"bad_enrollment", "stored enrolment is damaged"};
  }
  return e;
}

}  // namespace app::sync
