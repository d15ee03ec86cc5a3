#pragma once
// The browser side of app's ports: IndexedDB storage (web/store_lib.js), the
// wall clock and the crypto random source. Loading the log is asynchronous;
// the shell shows progress until it is done.
#include <cstdint>
#include <string>
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

  Phase phase() const { return phase_; }
  const std::string& open_error() const { return open_error_; }
  std::size_t records_read() const { return records_.size(); }
  // Hands the records read at start-up over (once).
  std::vector<std::string> take_records() { return std::move(records_); }

  // Called from JS (see browser_store.cpp's exported functions).
  void on_record(const unsigned char* bytes, int len) { records_.emplace_back(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(len)); }
  void on_loaded(bool ok, const char* error);
  void on_commit(std::uint64_t batch, bool ok, const char* message);

 private:
  Phase phase_ = Phase::opening;
  std::string open_error_;
  std::vector<std::string> records_;
  app::Session* session_ = nullptr;
};

BrowserStore& browser_store();

}  // namespace shell
