#pragma once
// The sync protocol's messages on the wire (HTTP+JSON under /api/v1/):
//
//   POST /api/v1/sync   {"device_id":"<32 hex>","cursor":N,"ops":["<base64 record>",...]}
//                    -> {"acked":["<op_id hex>",...],"ops":["<base64 record>",...],"cursor":N,"more":bool,"tablet_no":N}
//   POST /api/v1/enroll {"code":"GJ001","pin":"123456","device_id":"<32 hex>"[,"purpose":"office"]}
//                    -> {"token":"<64 hex>","community":"<32 hex>","community_name":"…","staff":"<32 hex>","role":N,"tablet_no":N[,"demo":true]}
//
// tablet_no is the tablet's ordinal in its community (the 3 of T3-0042,
// app/core/record_number.hpp): every sync answer carries it, so a tablet
// enrolled before ordinals learns its own. The office page's sign-in is no
// tablet ("purpose":"office") and gets none: 0. "demo":true comes from a
// server started with --demo, whose PINs anyone can read.
//   any error        -> {"error":"<code>","message":"<text>"}
//
// Ops travel as their own checksummed binary record (app/ops/codec.hpp) in
// base64, so the server checks them with decode_op exactly as a tablet does.
// Parsing here only checks the JSON shape and the base64; whether a record is
// a valid op is the caller's business (decode_op + validate_op).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"

namespace app::sync {

inline constexpr std::size_t kMaxOpsPerRequest = 2000;

struct SyncRequest {
  Id device_id;
  std::int64_t cursor = 0;
  std::vector<std::string> records;  // binary op records, base64-decoded
};

struct SyncResponse {
  std::vector<Id> acked;
  std::vector<std::string> records;  // binary op records, base64-decoded
  std::int64_t cursor = 0;
  bool more = false;
  std::int64_t tablet_no = 0;  // 0: the server gave none (an older server, or not a tablet)
};

// The longest staff code an enrolment may carry (a code is a few letters and digits: GJ001).
inline constexpr std::size_t kMaxStaffCodeBytes = 32;

struct EnrollRequest {
  std::string code, pin;
  Id device_id;
  bool office = false;  // "purpose":"office": the office page, not a tablet (no ordinal)
};

struct EnrollResponse {
  std::string token;
  Id community, staff;
  std::string community_name;
  std::int64_t role = 0;
  std::int64_t tablet_no = 0;
  bool demo = false;  // "demo":true: a --demo server (its PINs are public), said in the tablet's top bar
  // The tablet's recovery key (64 hex digits, the same at every enrolment of
  // this device in this community; empty for the office): the tablet wraps a
  // copy of its data key with it and never stores the key itself, so whoever
  // signs in again online can choose a new tablet PIN (README: tablet lock).
  std::string recovery_key;
};

std::string encode_request(const Id& device, std::int64_t cursor, const std::vector<std::string_view>& records);
Result<SyncRequest> parse_request(std::string_view body);
std::string encode_response(const std::vector<Id>& acked, const std::vector<std::string_view>& records,
                            std::int64_t cursor, bool more, std::int64_t tablet_no = 0);
Result<SyncResponse> parse_response(std::string_view body);

std::string encode_enroll_request(const EnrollRequest& r);
Result<EnrollRequest> parse_enroll_request(std::string_view body);
std::string encode_enroll_response(const EnrollResponse& r);
Result<EnrollResponse> parse_enroll_response(std::string_view body);

std::string error_body(std::string_view code, std::string_view message);
// The {"error","message"} of an error body, or a generic error if it is not one.
Error parse_error_body(int status, std::string_view body);

}  // namespace app::sync
