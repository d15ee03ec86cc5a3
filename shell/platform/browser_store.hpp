#pragma once
// The browser side of app's ports: IndexedDB storage (web/store_lib.js), the
// wall clock and the crypto random source. Loading the log is asynchronous;
// the shell shows progress until it is done.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/ports.hpp"
#include "app/store/storage_port.hpp"
#include "shell/host/host.hpp"

namespace app { class Session; }

namespace shell {

class BrowserClock final : public app::ClockPort {
 public:
  std::int64_t now_ms() override;
  int utc_offset_minutes() override;  // the tablet's time zone
};

class BrowserRandom final : public app::RandomPort {
 public:
  std::uint64_t next_u64() override;  // crypto.getRandomValues, via getentropy
};

class BrowserStore final : public ShellStore {
 public:

  // Opens the database and starts reading the snapshot and the records after it.
  void open() override;
  // Reads every stored record again (a reload, a backup export); `done` is
  // called once they are in memory. Requests made meanwhile share the read.
  void read_whole_log(WholeLogDone done) override;
  bool reading_whole_log() const override { return !whole_waiting_.empty(); }
  // Snapshots: begin returns the key of the last committed segment the
  // snapshot will cover, or a negative number when it cannot start now.
  double snapshot_begin() override;
  // Keeps the bytes until IndexedDB has them (the write is spread over tasks).
  void put_snapshot(std::vector<std::string> chunks, double covers, std::uint64_t ops) override;
  void append(std::uint64_t batch, const std::vector<std::string>& records) override;

  // Where commit results go once the session exists.
  void attach(app::Session* session) override { session_ = session; }
  // Told after the session, for measurements (scripts/bench store).
  void set_commit_observer(std::function<void(bool ok)> observer) { observer_ = std::move(observer); }

  bool demo() const override;
  void enter_demo(DemoDone done) override;
  void leave_demo(bool wipe_own) override;
  void on_demo(bool ok, const char* message);

  Lock lock() const override { return lock_; }
  void relock() override;
  const std::vector<TabletPerson>& persons() const override { return persons_; }
  int pin_failures() const override { return pin_failures_; }
  void unlock(const std::string& staff, const std::string& pin, KeyDone done) override;
  void set_tablet_pin(const TabletPerson& person, const std::string& pin, const std::string& recovery_hex, KeyDone done) override;
  bool can_seal_token() const override { return true; }
  void seal_token(const std::string& token, std::function<void(bool ok)> done) override;
  const std::string& opened_token() const override { return opened_token_; }
  // From web/lock_lib.js and store_lib.js.
  void on_locked(const char* persons_json, int failures);
  void on_unlock(bool ok, int failures, const char* message, const char* persons_json, const char* token);
  void on_token_sealed(bool ok);
  void on_pin_set(bool ok, const char* message, const char* persons_json);

  Phase phase() const override { return phase_; }
  const std::string& open_error() const override { return open_error_; }
  std::size_t records_read() const { return records_.size(); }
  // The records read at start-up, pointing into one buffer, and the buffer
  // itself, handed over to whoever keeps the records (the session's log).
  const std::vector<std::string_view>& records() const override { return records_; }
  std::shared_ptr<const void> take_arena() override;
  // The stored snapshot read at start-up (empty if none); dropped once used.
  bool has_snapshot() const override { return snapshot_ != nullptr; }
  std::string_view snapshot() const override { return {reinterpret_cast<const char*>(snapshot_), snapshot_size_}; }
  void drop_snapshot() override;

  // Called from JS (see browser_store.cpp's exported functions): every stored
  // record in one malloc'd buffer, each prefixed by its u32 length. Taken over.
  void on_records(unsigned char* buffer, int size, int count);
  void on_snapshot(unsigned char* buffer, int size);
  void on_whole_log(unsigned char* buffer, int size, const char* error);
  void on_snapshot_saved(bool ok, std::uint64_t ops, const char* message);
  void on_loaded(bool ok, const char* error);
  void on_commit(std::uint64_t batch, bool ok, const char* message);

 private:
  Phase phase_ = Phase::opening;
  Lock lock_ = Lock::open;
  std::vector<TabletPerson> persons_;
  int pin_failures_ = 0;
  KeyDone key_done_;
  std::string opened_token_;
  std::function<void(bool ok)> token_done_;  // one sealing at a time
  std::string open_error_;
  unsigned char* buffer_ = nullptr;
  unsigned char* snapshot_ = nullptr;
  std::size_t snapshot_size_ = 0;
  std::vector<WholeLogDone> whole_waiting_;
  std::vector<std::string> snapshot_out_;  // being written, in chunks
  std::vector<std::string_view> records_;
  app::Session* session_ = nullptr;
  std::function<void(bool)> observer_;
  DemoDone demo_done_;
  mutable int demo_cached_ = -1;  // unknown until asked
};

BrowserStore& browser_store();

}  // namespace shell
