#pragma once
// Checking a staff code and PIN (POST /api/v1/enroll) so that an attacker
// cannot turn sign-in against the staff:
// - Failed tries are counted in the database (table sign_in_failures), so
//   servers sharing it share the counts: per staff code and device id, per
//   staff code from devices that never held a token for it, and per client
//   address (an IPv6 address by its /64).
// - A try is counted before its PIN is checked, in the same transaction that
//   checks the limits: parallel tries cannot slip past a limit together. A
//   right PIN takes its count back.
// - A device that has held a token for the code is judged by its own
//   failures only: a storm of wrong PINs from elsewhere never locks the owner
//   out of their own tablet.
// - An unknown code is answered like a wrong PIN, in the same time (checked
//   against a dummy argon2id hash) and limited alike, so codes cannot be
//   probed. Its rows are bounded like the rest: an address makes at most three
//   per failure it is allowed, rows leave when their window ends, and past
//   max_rows the gate refuses (429) instead of growing.
#include <cstdint>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>
#include <utility>

#include "app/core/id.hpp"
#include "app/core/ports.hpp"
#include "app/server/server_store.hpp"

namespace server {

struct SignInLimits {
  int device_failures = 5;    // per (staff code, device id): then that device waits out the window
  int code_failures = 20;     // per staff code, from devices that never enrolled with it
  int address_failures = 20;  // per client address, across codes and devices
  std::int64_t window_ms = 15 * 60 * 1000;  // counts start at a key's first failure and end with the window
  std::int64_t max_rows = 100000;           // the table's hard cap
  int concurrent_hashes = 2;  // argon2id holds 64 MiB while it runs: at most this many at once
};

enum class SignInVerdict {
  signed_in,
  wrong,    // wrong PIN or unknown code: the same answer
  locked,   // too many failures (or the table is full): try later
  revoked,  // right PIN, but revoke-devices stopped enrolment until a new PIN
  failed,   // the database failed; `detail` says how
};

struct SignInOutcome {
  explicit SignInOutcome(SignInVerdict v, std::string detail_ = {}) : verdict(v), detail(std::move(detail_)) {}
  SignInVerdict verdict;
  std::string detail;
  StaffRow staff;  // who signed in (signed_in)
};

// "203.0.113.9" as it is; an IPv6 address by its first 64 bits (one host
// holds a whole /64); cut to 64 bytes whatever it is.
std::string address_key(std::string_view remote_addr);

class SignInGate {
 public:
  SignInGate(ServerStore& store, app::ClockPort& clock, SignInLimits limits);

  // `code` and `pin` as sent (the request parser bounded their length);
  // `address`: the client's, as the HTTP server saw it.
  SignInOutcome check(std::string_view code, std::string_view pin, const app::Id& device, std::string_view address);

 private:
  struct Keys {
    std::string device, code, address;
  };
  enum class Admission { admitted, locked, full };
  app::Result<Admission> admit(const Keys& keys, bool trusted);
  app::Status take_back(const Keys& keys, bool trusted);
  const std::string& dummy_hash();

  ServerStore& store_;
  app::ClockPort& clock_;
  SignInLimits limits_;
  std::counting_semaphore<64> hashing_;
  std::once_flag dummy_once_;
  std::string dummy_;
};

}  // namespace server
