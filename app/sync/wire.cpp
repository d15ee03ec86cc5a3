#include "app/sync/wire.hpp"

#include <algorithm>

#include "app/core/base64.hpp"
#include "app/sync/sync_json.hpp"

namespace app::sync {
namespace {

Error bad(const char* code, const std::string& what) { return Error{code, what}; }

Result<json::Value> parse_object(std::string_view body) {
  Result<json::Value> v = json::parse(body);
  if (!v.ok()) return v.error();
  if (!v.value().is_object()) return bad("bad_json", "malformed JSON: expected an object");
  return v;
}

// An array of base64 strings decoded into binary records.
Result<std::vector<std::string>> records_of(const json::Value* ops) {
  std::vector<std::string> out;
  if (!ops) return out;
  if (!ops->is_array()) return bad("bad_json", "\"ops\" must be an array");
  out.reserve(ops->items.size());
  for (std::size_t i = 0; i < ops->items.size(); ++i) {
    const json::Value& item = ops->items[i];
    std::string bytes;
    if (!item.is_string() || !base64_decode(item.s, &bytes)) {
      return bad("bad_base64", "ops[" + std::to_string(i) + "] is not base64");
    }
    out.push_back(std::move(bytes));
  }
  return out;
}

bool id_of(const json::Value* v, Id* out) { return v && v->is_string() && Id::from_hex(v->s, out); }

// A tablet's ordinal; 0 when absent (an older server) or not a plausible one.
std::int64_t ordinal_of(const json::Value* v) { return v && v->is_int() && v->i > 0 && v->i < 1000000 ? v->i : 0; }

void append_records(std::string& out, const std::vector<std::string_view>& records) {
  out += '[';
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i) out += ',';
    out += '"';
    out += base64_encode(records[i]);
    out += '"';
  }
  out += ']';
}

}  // namespace

std::string encode_request(const Id& device, std::int64_t cursor, const std::vector<std::string_view>& records) {
  std::string out = "{\"device_id\":\"" + device.to_hex() + "\",\"cursor\":" + std::to_string(cursor) + ",\"ops\":";
  append_records(out, records);
  return out + "}";
}

Result<SyncRequest> parse_request(std::string_view body) {
  Result<json::Value> doc = parse_object(body);
  if (!doc.ok()) return doc.error();
  const json::Value& v = doc.value();
  SyncRequest r;
  if (!id_of(v.get("device_id"), &r.device_id)) return bad("bad_request", "\"device_id\" must be 32 hex digits");
  const json::Value* cursor = v.get("cursor");
  if (cursor && (!cursor->is_int() || cursor->i < 0)) return bad("bad_request", "\"cursor\" must be a whole number >= 0");
  r.cursor = cursor ? cursor->i : 0;
  Result<std::vector<std::string>> records = records_of(v.get("ops"));
  if (!records.ok()) return records.error();
  r.records = std::move(records).value();
  if (r.records.size() > kMaxOpsPerRequest) {
    return bad("too_many_ops", "at most " + std::to_string(kMaxOpsPerRequest) + " ops per request");
  }
  return r;
}

std::string encode_response(const std::vector<Id>& acked, const std::vector<std::string_view>& records,
                            std::int64_t cursor, bool more, std::int64_t tablet_no) {
  std::string out = "{\"acked\":[";
  for (std::size_t i = 0; i < acked.size(); ++i) {
    if (i) out += ',';
    out += '"' + acked[i].to_hex() + '"';
  }
  out += "],\"ops\":";
  append_records(out, records);
  out += ",\"cursor\":" + std::to_string(cursor) + ",\"more\":" + (more ? "true" : "false");
  out += ",\"tablet_no\":" + std::to_string(tablet_no) + "}";
  return out;
}

Result<SyncResponse> parse_response(std::string_view body) {
  Result<json::Value> doc = parse_object(body);
  if (!doc.ok()) return doc.error();
  const json::Value& v = doc.value();
  SyncResponse r;
  const json::Value* acked = v.get("acked");
  if (!acked || !acked->is_array()) return bad("bad_response", "\"acked\" missing");
  for (const json::Value& a : acked->items) {
    Id id;
    if (!id_of(&a, &id)) return bad("bad_response", "\"acked\" holds a bad op id");
    r.acked.push_back(id);
  }
  Result<std::vector<std::string>> records = records_of(v.get("ops"));
  if (!records.ok()) return records.error();
  r.records = std::move(records).value();
  const json::Value* cursor = v.get("cursor");
  if (!cursor || !cursor->is_int() || cursor->i < 0) return bad("bad_response", "\"cursor\" missing");
  r.cursor = cursor->i;
  const json::Value* more = v.get("more");
  r.more = more && more->type == json::Value::Type::boolean && more->b;
  r.tablet_no = ordinal_of(v.get("tablet_no"));
  return r;
}

std::string encode_enroll_request(const EnrollRequest& r) {
  return "{\"code\":" + json::quote(r.code) + ",\"pin\":" + json::quote(r.pin) + ",\"device_id\":\"" +
         r.device_id.to_hex() + (r.office ? "\",\"purpose\":\"office\"}" : "\"}");
}

Result<EnrollRequest> parse_enroll_request(std::string_view body) {
  Result<json::Value> doc = parse_object(body);
  if (!doc.ok()) return doc.error();
  const json::Value& v = doc.value();
  const json::Value* code = v.get("code");
  const json::Value* pin = v.get("pin");
  EnrollRequest r;
  if (!code || !code->is_string() || !pin || !pin->is_string()) {
    return bad("bad_request", "\"code\" and \"pin\" are required strings");
  }
  r.code = code->s;
  r.pin = pin->s;
  // Bounded before anything is looked up or counted (the server keys its
  // sign-in throttle by code and device id): a staff code is at most 32
  // bytes without control characters, a PIN at most 12 digits.
  const bool code_ok = !r.code.empty() && r.code.size() <= kMaxStaffCodeBytes &&
                       std::none_of(r.code.begin(), r.code.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (!code_ok) return bad("bad_request", "\"code\" must be 1 to 32 bytes");
  const bool pin_ok = !r.pin.empty() && r.pin.size() <= 12 &&
                      std::all_of(r.pin.begin(), r.pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!pin_ok) return bad("bad_request", "\"pin\" must be 1 to 12 digits");
  if (!id_of(v.get("device_id"), &r.device_id)) return bad("bad_request", "\"device_id\" must be 32 hex digits");
  // Optional: only the office page says what it is; a tablet says nothing.
  if (const json::Value* purpose = v.get("purpose")) {
    if (!purpose->is_string() || (purpose->s != "office" && purpose->s != "tablet")) {
      return bad("bad_request", "\"purpose\" must be \"office\" or \"tablet\"");
    }
    r.office = purpose->s == "office";
  }
  return r;
}

std::string encode_enroll_response(const EnrollResponse& r) {
  return "{\"token\":" + json::quote(r.token) + ",\"community\":\"" + r.community.to_hex() +
         "\",\"community_name\":" + json::quote(r.community_name) + ",\"staff\":\"" + r.staff.to_hex() +
         "\",\"role\":" + std::to_string(r.role) + ",\"tablet_no\":" + std::to_string(r.tablet_no) +
         (r.demo ? std::string(",\"demo\":true") : std::string()) +
         (r.recovery_key.empty() ? std::string() : ",\"recovery_key\":" + json::quote(r.recovery_key)) + "}";
}

Result<EnrollResponse> parse_enroll_response(std::string_view body) {
  Result<json::Value> doc = parse_object(body);
  if (!doc.ok()) return doc.error();
  const json::Value& v = doc.value();
  EnrollResponse r;
  const json::Value* token = v.get("token");
  const json::Value* name = v.get("community_name");
  const json::Value* role = v.get("role");
  if (!token || !token->is_string() || !id_of(v.get("community"), &r.community) || !id_of(v.get("staff"), &r.staff)) {
    return bad("bad_response", "enrolment answer incomplete");
  }
  r.token = token->s;
  if (name && name->is_string()) r.community_name = name->s;
  if (role && role->is_int()) r.role = role->i;
  r.tablet_no = ordinal_of(v.get("tablet_no"));
  const json::Value* demo = v.get("demo");
  r.demo = demo && demo->type == json::Value::Type::boolean && demo->b;
  if (const json::Value* key = v.get("recovery_key"); key && key->is_string() && key->s.size() == 64) r.recovery_key = key->s;
  return r;
}

std::string error_body(std::string_view code, std::string_view message) {
  return "{\"error\":" + json::quote(code) + ",\"message\":" + json::quote(message) + "}";
}

Error parse_error_body(int status, std::string_view body) {
  Result<json::Value> doc = json::parse(body);
  if (doc.ok()) {
    const json::Value* code = doc.value().get("error");
    const json::Value* message = doc.value().get("message");
    if (code && code->is_string()) return Error{code->s, message && message->is_string() ? message->s : code->s};
  }
  return Error{"http_" + std::to_string(status), "HTTP " + std::to_string(status)};
}

}  // namespace app::sync
