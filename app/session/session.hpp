#pragma once
// app::Session: the commit pipeline, and the one object the shell holds.
// Commands (on the services it owns: session.estate(), session.keys()…)
// validate, turn into ops, and come here to be applied to memory at once and
// handed to storage; an action is "saved" only when storage reports the
// transaction complete. Queries are const and read precomputed views, cheap
// enough for every frame.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"
#include "app/core/local_time.hpp"
#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/core/signature.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/views.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/domain/command_context.hpp"
#include "app/domain/estate_service.hpp"
#include "app/rounds/meter_reading.hpp"
#include "app/schedule/daily_duties.hpp"
#include "app/store/snapshot.hpp"
#include "app/store/storage_port.hpp"
#include "butler_workflows/services.hpp"  // each workflow's *_service.hpp (app/workflows.cmake)

namespace app {

// Where the last action stands: what the UI shows as "saving…" / "saved".
enum class SaveState { idle, saving, saved, failed };

struct LoadReport {
  std::size_t records = 0;        // records read (the tail, when a snapshot was used)
  std::size_t applied = 0;
  std::vector<QuarantinedRecord> quarantined;
  bool from_snapshot = false;     // started from a snapshot plus the records after it
  std::string snapshot_problem;   // why a stored snapshot was not used (empty: none, or fine)
};

// What loading from a snapshot came to: done, or the whole log is needed
// (no usable snapshot, or an op after it belongs before it).
enum class LoadOutcome { loaded, need_whole_log };

// Where background snapshotting stands after a step.
enum class SnapshotStep { idle, working, done, abandoned };

class Session {
 public:
  // device: this install's id, kept by the shell across restarts.
  Session(ClockPort& clock, RandomPort& random, StoragePort& storage, const Id& device);
  // The services hold a context that points back here: never copied or moved.
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Start-up: folds the stored records; damaged or unknown ones are kept aside
  // (reported, never applied, never fatal).
  // `arena` owns the bytes the records point into; the log keeps pointing
  // there (no copy of a 30 MB log). Without one, the records are copied.
  const LoadReport& load(const std::vector<std::string_view>& records, std::shared_ptr<const void> arena);
  const LoadReport& load(const std::vector<std::string>& records);
  // Start-up from a stored snapshot plus the records written after it. Needs
  // the whole log (and changes nothing) when the snapshot is missing, damaged,
  // of an unknown version, or a later record sorts inside it.
  LoadOutcome load_from_snapshot(std::string_view snapshot, const std::vector<std::string_view>& tail,
                                 std::shared_ptr<const void> arena);
  // A late op arrived that only the whole log can place (see Replica): the
  // shell reads the whole log again and calls load().
  bool needs_whole_log() const { return replica_.stale(); }

  // --- the estate and the workflows, each its own service ---
  // Units, residents, zones, staff: what every workflow stands on.
  EstateService& estate() { return estate_; }
  const EstateService& estate() const { return estate_; }
  // The workflows of app/workflows.cmake: session.rounds(), session.tickets(), session.keys(), …
#define BUTLER_WORKFLOW(name, Type) \
  Type##Service& name() { return name##_; } \
  const Type##Service& name() const { return name##_; }
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW

  // --- commands ---
  Status load_demo(const DemoOptions& options);

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
  // Background snapshots: due when enough ops are not covered by the last one
  // and nothing is waiting to be written (a snapshot covers durable ops only).
  bool snapshot_due() const;
  bool begin_snapshot();
  // Writes up to `budget` entities; abandoned if the state changed meanwhile.
  SnapshotStep snapshot_step(std::size_t budget);
  std::vector<std::string> take_snapshot();  // after SnapshotStep::done: the bytes in chunks
  void on_snapshot_saved(bool ok, std::uint64_t op_count, std::string_view message);
  // Due after `every_ops` new ops and `quiet_ms` without a save: a snapshot
  // is written while the butler is not working, never between two taps.
  void set_snapshot_policy(std::size_t every_ops, std::int64_t quiet_ms) {
    snapshot_every_ = every_ops;
    snapshot_quiet_ms_ = quiet_ms;
  }
  // Who records from now on (the staff member this tablet is enrolled as).
  void set_actor(const Id& staff) { actor_ = staff; }
  // A second tab: everything readable, nothing writable.
  void set_read_only(bool read_only) { read_only_ = read_only; }
  // This tablet's ordinal in its community, as the server gave it at
  // enrolment or at a sync (0: not known yet): the T3 of its record numbers
  // (app/core/record_number.hpp). The shell keeps it with the enrolment.
  void set_tablet_no(std::int64_t tablet_no) { tablet_no_ = tablet_no; }
  std::int64_t tablet_no() const { return tablet_no_; }
  // The demo's own database (the shell's store knows; holds_demo() cannot
  // once the generated records lie in a snapshot): its records are tablet 0's.
  void set_demo(bool demo) { demo_ = demo; }
  // The prefix this tablet's `letter` records are numbered under now.
  std::string record_prefix(char letter) const;

  // --- queries ---
  bool has_data() const { return replica_.size() != 0; }
  // The log holds the demo estate's generated records (app/demo): such a log
  // is never enrolled to a server (a version before the demo had a database
  // of its own loaded it into the device's own log).
  bool holds_demo() const;
  bool read_only() const { return read_only_; }
  // Cheap even while the archive rows are not built (start-up). Here, not on
  // estate(): it reads the views only when they are current, else counts the
  // projection itself, and only the pipeline knows whether they are current
  // (views_version_); the context's views() would build them.
  const CommunitySummary& summary() const;
  // Builds the archive rows now if they are stale (a frame the shell chooses,
  // after start-up); the estate's and the services' queries build them on
  // demand anyway.
  void prepare_views() const { (void)views(); }
  bool views_ready() const { return views_version_ == replica_.version(); }
  const MasterData& master_data() const { return replica_.data(); }
  std::int64_t today() const { return context_.today(); }  // local yyyymmdd
  std::int64_t now_ms() const { return clock_.now_ms(); }
  // "Now" for deadlines: never before the latest time this tablet has seen,
  // so a clock set back cannot make anything look less late.
  std::int64_t lateness_now_ms() const;
  LocalTime local_now() const { return context_.local(clock_.now_ms()); }
  LocalTime local(std::int64_t wall_ms) const { return context_.local(wall_ms); }  // on this tablet's calendar

  std::size_t op_count() const { return replica_.size(); }
  std::vector<Op> decoded_log() const { return replica_.decoded_log(); }  // in fold order (tests, tools)
  SaveState save_state() const;
  std::size_t pending_count() const;  // ops applied in memory, not yet durable
  const std::string& storage_error() const { return storage_error_; }
  const LoadReport& load_report() const { return load_report_; }
  const Id& device_id() const { return device_; }
  const Id& actor() const { return actor_; }
  std::string state_summary_json() const;
  std::uint64_t snapshot_covered() const { return snapshot_covered_; }
  // Records in storage (ops and damaged ones), and the position in storage
  // of the first record loaded at start-up (after the snapshot's; sync).
  std::uint64_t stored_records() const { return stored_records_; }
  std::uint64_t first_loaded_position() const { return first_loaded_position_; }
  const std::string& snapshot_error() const { return snapshot_error_; }
  // The whole local log as one file (Settings → export). Started from a
  // snapshot, the records before it live only in storage: the shell reads
  // them (all of them) and passes them to export_backup_of.
  bool export_needs_stored_log() const { return replica_.has_base(); }
  std::string export_backup() const;
  static std::string export_backup_of(const std::vector<std::string_view>& stored);

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
  // A command's ops: validated and checked against the actor's role first.
  Status commit_made(std::vector<Op> ops);
  Status check_writable() const;
  const Views& views() const;
  void after_load();

  ClockPort& clock_;
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
  bool demo_ = false;
  std::int64_t tablet_no_ = 0;
  std::string storage_error_;
  std::unique_ptr<SnapshotWriter> snapshot_writer_;
  mutable std::uint64_t demo_checked_version_ = ~std::uint64_t{0};
  mutable bool holds_demo_ = false;
  std::uint64_t snapshot_version_ = 0;  // the replica version the writer started from
  std::uint64_t snapshot_covered_ = 0;  // ops in the last snapshot stored
  bool snapshot_storing_ = false;       // taken, not yet confirmed stored
  std::uint64_t stored_records_ = 0;
  std::uint64_t first_loaded_position_ = 0;
  std::size_t snapshot_every_ = 2000;
  std::int64_t snapshot_quiet_ms_ = 1500;
  std::int64_t last_commit_ms_ = 0;
  std::string snapshot_error_;
  DurableListener durable_listener_;
  mutable Views views_;
  mutable std::uint64_t views_version_ = ~0ull;
  mutable CommunitySummary summary_;  // while views_ are stale
  mutable std::uint64_t summary_version_ = ~0ull;

  // What the workflow services are handed: the projection, the commit
  // pipeline, who and when (app/domain/command_context.hpp).
  class Context final : public CommandContext {
   public:
    explicit Context(Session& s) : s_(s) {}
    const MasterData& data() const override { return s_.replica_.data(); }
    std::uint64_t version() const override { return (s_.loads_ << 40) ^ s_.replica_.version(); }
    const Views& views() const override { return s_.views(); }
    Status writable() const override { return s_.check_writable(); }
    Id new_id() override { return Id::random(s_.random_); }
    Op make_op(OpKind kind, const Id& entity, Payload payload) override { return s_.make_op(kind, entity, std::move(payload)); }
    Status commit(std::vector<Op> ops) override { return s_.commit_made(std::move(ops)); }
    const Id& actor() const override { return s_.actor_; }
    std::string record_prefix(char letter) const override { return s_.record_prefix(letter); }
    std::int64_t now_ms() const override { return s_.clock_.now_ms(); }
    std::int64_t lateness_now_ms() const override { return s_.lateness_now_ms(); }
    int utc_offset_minutes() const override { return s_.clock_.utc_offset_minutes(); }

   private:
    Session& s_;
  };
  // Bumped by every load, so a service's cache of the old projection never
  // matches the new one (Context::version).
  std::uint64_t loads_ = 0;
  Context context_{*this};
  EstateService estate_{context_};
#define BUTLER_WORKFLOW(name, Type) Type##Service name##_{context_};
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW
};

}  // namespace app
