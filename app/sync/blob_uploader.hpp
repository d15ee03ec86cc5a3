#pragma once
// Photos go up after their ops: a queue of blob names (SHA-256) that are
// stored on this tablet and not yet confirmed by the server. Like SyncClient
// it has no I/O; the shell reads each blob from IndexedDB and PUTs it to
// /api/v1/blobs/{sha256}. The server stores a blob once by its hash, so an
// upload cut off halfway is simply sent again ("resumable by re-PUT"), and
// the queue survives a reload because the host keeps it in storage
// (a name leaves it only when the server has said 200).
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/ports.hpp"

namespace app::sync {

struct UploadStatus {
  std::size_t pending = 0;    // photos waiting (or being sent)
  bool running = false;
  std::string last_error;     // in the user's language; empty after a success
  int failures = 0;           // in a row
};

class BlobUploader {
 public:
  BlobUploader(ClockPort& clock, RandomPort& random, std::int64_t base_backoff_ms = 2000,
               std::int64_t max_backoff_ms = 5 * 60 * 1000);

  // The names storage still marks as not uploaded (at start-up); replaces the queue.
  void restore(std::vector<std::string> names);
  // A photo newly stored here.
  void add(const std::string& sha256);
  void poke();  // try now (online again, "sync now")

  // Due when something waits, nothing is in flight, the backoff has passed,
  // and the ops are up (`ops_sent`): a photo never reaches the server before
  // the op that says what it shows.
  bool due(bool ops_sent) const;
  // The next blob to send; marks it in flight.
  std::string next();
  // The server's answer for `sha256`. 200: uploaded, the host forgets it in
  // storage. A missing local blob (`missing_locally`) is dropped with a
  // message, since there is nothing to send. Anything else backs off.
  void on_answer(const std::string& sha256, int http_status, std::string_view body);
  void on_missing_locally(const std::string& sha256);
  void on_failure(const std::string& sha256, std::string_view message);  // no answer

  UploadStatus status() const;
  const std::deque<std::string>& queue() const { return queue_; }

 private:
  void back_off(std::string message);

  ClockPort& clock_;
  RandomPort& random_;
  std::int64_t base_backoff_ms_, max_backoff_ms_;
  std::deque<std::string> queue_;
  std::string in_flight_;
  std::int64_t next_attempt_ms_ = 0;
  int failures_ = 0;
  std::string last_error_;
};

}  // namespace app::sync
