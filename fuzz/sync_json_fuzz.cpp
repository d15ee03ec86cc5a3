// The sync protocol's JSON as the server reads a tablet's body and a tablet
// reads the server's answer: json::parse and the messages on it
// (parse_request, parse_response, parse_enroll_request, parse_enroll_response,
// parse_error_body). Properties: no crash; a parsed document written back with
// json::quote parses to the same document; every message that parses encodes
// back to a body that parses to the same message.
#include <cstdint>
#include <string>

#include "app/sync/sync_json.hpp"
#include "app/sync/wire.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using app::json::Value;

// A parsed document written back as JSON (the reader's own grammar).
void write(const Value& v, std::string& out) {
  switch (v.type) {
    case Value::Type::null: out += "null"; break;
    case Value::Type::boolean: out += v.b ? "true" : "false"; break;
    case Value::Type::integer: out += std::to_string(v.i); break;
    case Value::Type::string: out += app::json::quote(v.s); break;
    case Value::Type::array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ',';
        write(v.items[i], out);
      }
      out += ']';
      break;
    case Value::Type::object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i) out += ',';
        out += app::json::quote(v.members[i].first);
        out += ':';
        write(v.members[i].second, out);
      }
      out += '}';
      break;
  }
}

bool same(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case Value::Type::null: return true;
    case Value::Type::boolean: return a.b == b.b;
    case Value::Type::integer: return a.i == b.i;
    case Value::Type::string: return a.s == b.s;
    case Value::Type::array:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (!same(a.items[i], b.items[i])) return false;
      }
      return true;
    case Value::Type::object:
      if (a.members.size() != b.members.size()) return false;
      for (std::size_t i = 0; i < a.members.size(); ++i) {
        if (a.members[i].first != b.members[i].first || !same(a.members[i].second, b.members[i].second)) return false;
      }
      return true;
  }
  return false;
}

std::vector<std::string_view> views_of(const std::vector<std::string>& records) {
  return {records.begin(), records.end()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sync = app::sync;
  const std::string_view body = fuzz::as_text(data, size);

  if (auto doc = app::json::parse(body); doc.ok()) {
    std::string text;
    write(doc.value(), text);
    auto again = app::json::parse(text);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(same(again.value(), doc.value()));
  }

  if (auto r = sync::parse_request(body); r.ok()) {
    const sync::SyncRequest& a = r.value();
    auto b = sync::parse_request(sync::encode_request(a.device_id, a.cursor, views_of(a.records)));
    FUZZ_CHECK(b.ok());
    FUZZ_CHECK(b.value().device_id == a.device_id && b.value().cursor == a.cursor && b.value().records == a.records);
    for (const std::string& record : a.records) (void)app::decode_op(record);  // as the server does next
  }

  if (auto r = sync::parse_response(body); r.ok()) {
    const sync::SyncResponse& a = r.value();
    auto b = sync::parse_response(sync::encode_response(a.acked, views_of(a.records), a.cursor, a.more, a.tablet_no));
    FUZZ_CHECK(b.ok());
    FUZZ_CHECK(b.value().acked == a.acked && b.value().records == a.records && b.value().cursor == a.cursor &&
               b.value().more == a.more && b.value().tablet_no == a.tablet_no);
  }

  if (auto r = sync::parse_enroll_request(body); r.ok()) {
    const sync::EnrollRequest& a = r.value();
    auto b = sync::parse_enroll_request(sync::encode_enroll_request(a));
    FUZZ_CHECK(b.ok());
    FUZZ_CHECK(b.value().code == a.code && b.value().pin == a.pin && b.value().device_id == a.device_id &&
               b.value().office == a.office);
  }

  if (auto r = sync::parse_enroll_response(body); r.ok()) {
    const sync::EnrollResponse& a = r.value();
    auto b = sync::parse_enroll_response(sync::encode_enroll_response(a));
    FUZZ_CHECK(b.ok());
    FUZZ_CHECK(b.value().token == a.token && b.value().community == a.community && b.value().staff == a.staff &&
               b.value().community_name == a.community_name && b.value().role == a.role &&
               b.value().tablet_no == a.tablet_no && b.value().demo == a.demo);
  }

  (void)sync::parse_error_body(400, body);
  return 0;
}
