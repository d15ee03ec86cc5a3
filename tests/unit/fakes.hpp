#pragma once
// Deterministic fakes for the core's ports: a clock that can be set (and set
// back), a seeded random source, and storage that can die mid-write.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/core/ports.hpp"
#include "app/store/storage_port.hpp"

namespace fakes {

class Clock final : public app::ClockPort {
 public:
  std::int64_t now = 1790000000000;  // late 2026
  std::int64_t now_ms() override { return now; }
};

class Random final : public app::RandomPort {
 public:
  explicit Random(std::uint64_t seed = 1) : state_(seed) {}
  std::uint64_t next_u64() override {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

// Storage that keeps what was durably written. It can be told to die after
// `records_until_death` more records: the record being written at that moment
// is torn (half its bytes land, as after a flat battery on a storage layer
// without transactions), nothing after it lands, and no acknowledgement is
// sent for the batch. Acks go through `on_commit`, synchronously or later.
class Storage final : public app::StoragePort {
 public:
  std::vector<std::string> durable;
  long records_until_death = -1;  // < 0: never dies
  bool dead = false;
  bool fail_with_quota = false;   // the transaction aborts: nothing lands, failure reported
  bool defer_acks = false;
  std::function<void(std::uint64_t, bool, std::string)> on_commit;
  std::vector<std::uint64_t> deferred;
  std::vector<std::string> acked;  // records of every batch acknowledged as committed

  void append(std::uint64_t batch, const std::vector<std::string>& records) override {
    if (dead) return;
    if (fail_with_quota) {
      if (on_commit) on_commit(batch, false, "QuotaExceededError");
      return;
    }
    for (const std::string& r : records) {
      if (records_until_death == 0) {
        durable.push_back(r.substr(0, r.size() / 2));
        dead = true;
        return;
      }
      if (records_until_death > 0) --records_until_death;
      durable.push_back(r);
    }
    if (defer_acks) {
      deferred.push_back(batch);
      return;
    }
    acked.insert(acked.end(), records.begin(), records.end());
    if (on_commit) on_commit(batch, true, "");
  }
  void flush_acks() {
    for (auto b : deferred) on_commit(b, true, "");
    deferred.clear();
  }
};

}  // namespace fakes
