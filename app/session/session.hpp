#pragma once
// app::Session: the one facade the shell calls. Commands validate, turn into
// ops, apply them to memory at once and hand them to storage; an action is
// "saved" only when storage reports the transaction complete. Queries are
// const and read precomputed views, cheap enough for every frame.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"
#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/views.hpp"
#include "app/store/storage_port.hpp"

namespace app {

// Where the last action stands: what the UI shows as "saving…" / "saved".
enum class SaveState { idle, saving, saved, failed };

struct QuarantinedRecord {
  std::size_t index;   // position in the stored log
  std::string reason;  // readable, in the current language
};

struct LoadReport {
  std::size_t records = 0;
  std::size_t applied = 0;
  std::vector<QuarantinedRecord> quarantined;
};

struct NewResident {
  std::string name, phone, occupation;
  bool owner = false;
  std::int64_t moved_in = 0;  // yyyymmdd
};

class Session {
 public:
  // device: this install's id, kept by the shell across restarts.
  Session(ClockPort& clock, RandomPort& random, StoragePort& storage, const Id& device);

  // Start-up: folds the stored records; damaged or unknown ones are kept aside
  // (reported, never applied, never fatal).
  // `arena` owns the bytes the records point into; the log keeps pointing
  // there (no copy of a 30 MB log). Without one, the records are copied.
  const LoadReport& load(const std::vector<std::string_view>& records, std::shared_ptr<const void> arena);
  const LoadReport& load(const std::vector<std::string>& records);

  // --- commands ---
  Status load_demo(const DemoOptions& options);
  Result<Id> add_resident(const Id& unit, const NewResident& resident);
  Status set_resident_phone(const Id& resident, std::string_view phone);
  Status set_unit_status(const Id& unit, UnitStatus status);
  // Adds every op of a backup file not already here; validates the whole file
  // first and changes nothing if any of it is bad. Returns how many were new.
  Result<std::size_t> import_backup(std::string_view bytes);
  // Ops pulled from the sync server: those not here yet are applied and
  // stored like local ones (so they survive a restart). Returns how many were new.
  Result<std::size_t> merge_remote(std::vector<Op> ops);
  // Storage's answer for a batch (from the port, possibly much later).
  void on_commit(std::uint64_t batch, bool ok, std::string_view message);
  // Called with every batch's records once storage reports them committed, in
  // order; `from_server` for merge_remote's batches. The sync client listens.
  using DurableListener = std::function<void(const std::vector<std::string>& records, bool from_server)>;
  void set_durable_listener(DurableListener listener) { durable_listener_ = std::move(listener); }
  // Writes again every batch whose write failed (quota, full disk, aborted).
  void retry_failed();
  // A second tab: everything readable, nothing writable.
  void set_read_only(bool read_only) { read_only_ = read_only; }

  // --- queries ---
  bool has_data() const { return replica_.size() != 0; }
  bool read_only() const { return read_only_; }
  const CommunitySummary& summary() const { return views().summary; }
  const std::vector<UnitRow>& unit_rows() const { return views().units; }
  std::vector<std::size_t> search_units(std::string_view query) const;
  const std::vector<ZoneRow>& zone_rows() const { return views().zones; }
  const std::vector<CheckpointRow>& checkpoints_of_zone(const Id& zone) const;
  const MasterData& master_data() const { return replica_.data(); }
  std::size_t op_count() const { return replica_.size(); }
  std::vector<Op> decoded_log() const { return replica_.decoded_log(); }  // in fold order (tests, tools)
  SaveState save_state() const;
  std::size_t pending_count() const;  // ops applied in memory, not yet durable
  const std::string& storage_error() const { return storage_error_; }
  const LoadReport& load_report() const { return load_report_; }
  const Id& device_id() const { return device_; }
  const Id& actor() const { return actor_; }
  std::string state_summary_json() const;
  // The whole local log as one file (Settings → export).
  std::string export_backup() const;

 private:
  struct Batch {
    std::uint64_t id;
    std::vector<std::string> records;
    std::size_t ops;
    bool failed = false;
    bool from_server = false;
  };
  Op make_op(OpKind kind, const Id& entity, Payload payload);
  Status commit(std::vector<Op> ops, bool from_server = false);
  Status check_writable() const;
  const Views& views() const;

  RandomPort& random_;
  StoragePort& storage_;
  HybridClock hlc_;
  Id device_;
  Id actor_;
  Replica replica_;
  LoadReport load_report_;
  std::deque<Batch> in_flight_;  // written or failed, not yet acknowledged
  std::uint64_t next_batch_ = 1;
  bool any_saved_ = false;
  bool read_only_ = false;
  std::string storage_error_;
  DurableListener durable_listener_;
  mutable Views views_;
  mutable std::uint64_t views_version_ = ~0ull;
};

}  // namespace app
