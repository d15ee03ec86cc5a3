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

namespace app { class Session; }

namespace shell {

class BrowserClock final : public app::ClockPort {
 public:
  std::int64_t now_ms() override;
};

class BrowserRandom final : public app::RandomPort {
 public:
  std::uint64_t next_u64() override;  // crypto.getRandomValues, via getentropy
};

class BrowserStore final : public app::StoragePort {
 public:
  enum class Phase { opening, loaded, failed };

  // Opens the database and starts reading every record.
  void open();
  void append(std::uint64_t batch, const std::vector<std::string>& records) override;

  // Where commit results go once the session exists.
  void attach(app::Session* session) { session_ = session; }
  // Told after the session, for measurements (scripts/bench store).
  void set_commit_observer(std::function<void(bool ok)> observer) { observer_ = std::move(observer); }

  Phase phase() const { return phase_; }
  const std::string& open_error() const { return open_error_; }
  std::size_t records_read() const { return records_.size(); }
  // The records read at start-up, pointing into one buffer, and the buffer
  // itself, handed over to whoever keeps the records (the session's log).
  const std::vector<std::string_view>& records() const { return records_; }
  std::shared_ptr<const void> take_arena();

  // Called from JS (see browser_store.cpp's exported functions): every stored
  // record in one malloc'd buffer, each prefixed by its u32 length. Taken over.
  void on_records(unsigned char* buffer, int size, int count);
  void on_loaded(bool ok, const char* error);
  void on_commit(std::uint64_t batch, bool ok, const char* message);

 private:
  Phase phase_ = Phase::opening;
  std::string open_error_;
  unsigned char* buffer_ = nullptr;
  std::vector<std::string_view> records_;
  app::Session* session_ = nullptr;
  std::function<void(bool)> observer_;
};

BrowserStore& browser_store();

}  // namespace shell
