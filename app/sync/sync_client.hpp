#pragma once
// The tablet's side of sync, as a state machine with no I/O: the shell drives
// it with fetch (emscripten) and tests drive it with a lossy fake network.
//
// What is "sent" is remembered by position in the durable log. Storage keeps
// records in the order it committed them (IndexedDB's auto-increment keys), so
// the client keeps one number, `acked_prefix`: every record stored before that
// position is known to the server (pushed and acked, or pulled from it). At
// start-up the outbox is every stored record from that position on. It may
// hold records the server has already (pulled ones, or ones pushed just
// before a crash, before the ack arrived); pushing them again is harmless
// because the server stores an op id once and acks it again. Backup imports
// and ops that arrive any other way are stored like local ones and so are
// pushed too. The prefix only moves when the outbox is empty, so it never
// passes a record the server has not seen.
//
// The host (shell) must:
//   - call restore() after Session::load with the same records, in stored order
//     (from Session::first_loaded_position(); the whole log if it says so);
//   - call on_durable() for every batch storage reports committed, in order
//     (Session::set_durable_listener does this);
//   - when due(): send next_request()'s body as POST /api/v1/sync with the
//     device token, then report on_response() or on_failure() with its id;
//   - merge the ops on_response() returns (Session::merge_remote) at once;
//   - persist state() (encode_state) only after that merge and while
//     Session::pending_count() == 0, so a stored cursor never runs ahead of
//     the pulled ops it covers. A stored state that lags is always safe:
//     it only means pushing or pulling some ops again.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/ops/op.hpp"

namespace app::sync {

struct SyncState {
  std::int64_t cursor = 0;          // the server's position: pulled every op up to it
  std::uint64_t acked_prefix = 0;   // stored records before this position are on the server
  bool operator==(const SyncState&) const = default;
};
std::string encode_state(const SyncState& s);
Result<SyncState> decode_state(std::string_view text);
// A server refusal in this tablet's own words (by its code), else the server's text.
std::string words_for(const Error& e);

struct SyncStatus {
  bool running = false;              // a request is in flight
  std::int64_t last_synced_ms = 0;   // 0: never
  std::size_t pending = 0;           // records waiting to be pushed
  std::string last_error;            // empty after a success; in the user's language
  int failures = 0;                  // in a row
  std::int64_t next_attempt_ms = 0;
  std::size_t rejected = 0;          // records the server refused (kept locally, reported)
  bool device_revoked = false;       // the server named this tablet lost: the host wipes it
};

struct ClientOptions {
  std::size_t batch = 2000;                // ops per request (the server takes up to 2000)
  std::int64_t base_backoff_ms = 2000;
  std::int64_t max_backoff_ms = 5 * 60 * 1000;
  std::int64_t period_ms = 3 * 60 * 1000;  // pull this often while online
};

struct Request {
  std::uint64_t id = 0;  // echo it back in on_response / on_failure
  std::string body;      // JSON for POST /api/v1/sync
  std::size_t ops = 0;
};

class SyncClient {
 public:
  SyncClient(ClockPort& clock, RandomPort& random, const Id& device, ClientOptions options = {});

  // `stored_records` are the records from position `first_position` on (a
  // tablet that started from a snapshot holds only those). Returns false,
  // changing nothing, when the outbox would need records before them: the
  // host then reads the whole log and restores from position 0.
  bool restore(const SyncState& state, const std::vector<std::string_view>& stored_records, std::uint64_t first_position = 0);
  void on_durable(const std::vector<std::string>& records, bool from_server);

  // Sync at once (went online, app started, user tapped "sync now").
  void poke();
  bool due() const;
  Request next_request();
  // The answer to request `id`. Success: drops acked records from the outbox
  // and returns the pulled ops (validated) to merge. Stale answers (to a
  // request already given up) are ignored and return nothing.
  Result<std::vector<Op>> on_response(std::uint64_t id, int http_status, std::string_view body);
  void on_failure(std::uint64_t id, std::string_view message);  // no answer at all (offline, timeout)
  // The server answered device_revoked (revoke-devices: a lost tablet). From
  // then on nothing is sent (due() stays false) and the host must wipe this
  // device's store and enrolment. Not set by unauthorized or expired (a reset
  // PIN, a token unused for long): those tablets enrol again and keep their work.
  bool device_revoked() const { return device_revoked_; }

  const SyncState& state() const { return state_; }
  SyncStatus status() const;
  // The tablet's ordinal as the server's last answer gave it (0: none yet):
  // the host keeps it with the enrolment (learn_tablet_no) and tells the session.
  std::int64_t tablet_no() const { return tablet_no_; }

 private:
  struct Pending {
    Id op_id;
    std::string record;
  };
  void fail(std::string message);
  void settle_prefix();

  ClockPort& clock_;
  RandomPort& random_;
  Id device_;
  ClientOptions options_;
  SyncState state_;
  std::deque<Pending> outbox_;
  std::uint64_t durable_count_ = 0;  // records stored so far (position of the next one)
  std::uint64_t next_id_ = 1;
  std::uint64_t in_flight_ = 0;      // id of the request awaiting an answer, 0: none
  std::size_t in_flight_ops_ = 0;    // the first N outbox entries went with it
  std::int64_t next_attempt_ms_ = 0;
  std::int64_t last_synced_ms_ = 0;
  std::string last_error_;
  int failures_ = 0;
  std::size_t rejected_ = 0;
  std::int64_t tablet_no_ = 0;
  bool device_revoked_ = false;
};

}  // namespace app::sync
