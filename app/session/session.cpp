#include "app/session/session.hpp"

#include "app/session/handover_sources.hpp"

#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/domain/validate_op.hpp"
#include "app/domain/command_errors.hpp"
#include "app/store/backup.hpp"
#include "app/core/record_number.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

std::string json_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

}  // namespace

Session::Session(ClockPort& clock, RandomPort& random, StoragePort& storage, const Id& device)
    : clock_(clock), random_(random), storage_(storage), hlc_(clock), device_(device) {
  add_handover_sources(*this, handover_);
}

const LoadReport& Session::load(const std::vector<std::string>& records) {
  auto arena = std::make_shared<std::vector<std::string>>(records);
  std::vector<std::string_view> views(arena->begin(), arena->end());
  return load(views, arena);
}

const LoadReport& Session::load(const std::vector<std::string_view>& records, std::shared_ptr<const void> arena) {
  // Also a reload (a late op needed the whole log): start from nothing.
  replica_ = Replica{};
  ++loads_;
  views_version_ = ~0ull;
  snapshot_writer_.reset();
  snapshot_covered_ = 0;  // whatever snapshot is stored, the next one replaces it
  std::string snapshot_problem = std::move(load_report_.snapshot_problem);
  load_report_ = {};
  load_report_.records = records.size();
  load_report_.snapshot_problem = std::move(snapshot_problem);
  stored_records_ = records.size();
  first_loaded_position_ = 0;
  // Decoded in chunks and folded as they come: only a chunk of decoded ops is
  // ever alive, the log itself stays as the records in `arena`.
  constexpr std::size_t kChunk = 4096;
  std::vector<Op> ops;
  std::vector<std::string_view> kept;
  for (std::size_t start = 0; start < records.size(); start += kChunk) {
    ops.clear();
    kept.clear();
    for (std::size_t i = start; i < records.size() && i < start + kChunk; ++i) {
      Result<Op> op = decode_op(records[i]);
      if (!op.ok()) {
        load_report_.quarantined.push_back({i, op.error().message});
        continue;
      }
      hlc_.observe(op.value().hlc);
      ops.push_back(std::move(op).value());
      kept.push_back(records[i]);
    }
    load_report_.applied += replica_.add_loaded(std::move(ops), kept, arena);
    ops = {};
  }
  after_load();
  return load_report_;
}

LoadOutcome Session::load_from_snapshot(std::string_view bytes, const std::vector<std::string_view>& tail,
                                        std::shared_ptr<const void> arena) {
  if (bytes.empty()) return LoadOutcome::need_whole_log;
  std::vector<std::string_view> copied;
  if (!arena && !tail.empty()) {
    // The log keeps pointing at its records: without an arena, keep a copy.
    auto owned = std::make_shared<std::vector<std::string>>(tail.begin(), tail.end());
    copied.assign(owned->begin(), owned->end());
    arena = owned;
  }
  const std::vector<std::string_view>& records = arena && !copied.empty() ? copied : tail;
  Result<Snapshot> snapshot = decode_snapshot(bytes);
  if (!snapshot.ok()) {
    // Shown in Settings: in the butler's language; the detail is for us.
    const bool unknown = snapshot.error().code == "snapshot_unknown_version";
    load_report_.snapshot_problem = i18n::tr(unknown ? S::snapshot_unknown_version : S::snapshot_damaged);
    return LoadOutcome::need_whole_log;
  }
  Replica replica;
  LoadReport report;
  report.records = records.size();
  report.quarantined = std::move(snapshot.value().quarantined);
  const std::uint64_t covered = snapshot.value().op_count;
  const std::uint64_t covered_records = snapshot.value().record_count;
  hlc_.observe(snapshot.value().frontier.hlc);
  replica.install_base(std::move(snapshot).value());
  std::vector<Op> ops;
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < records.size(); ++i) {
    Result<Op> op = decode_op(records[i]);
    if (!op.ok()) {
      report.quarantined.push_back({static_cast<std::size_t>(covered_records + i), op.error().message});
      continue;
    }
    hlc_.observe(op.value().hlc);
    ops.push_back(std::move(op).value());
    kept.push_back(records[i]);
  }
  report.applied = replica.add_loaded(std::move(ops), kept, std::move(arena));
  if (replica.stale()) return LoadOutcome::need_whole_log;  // nothing taken over
  replica_ = std::move(replica);
  ++loads_;
  views_version_ = ~0ull;
  report.from_snapshot = true;
  load_report_ = std::move(report);
  snapshot_covered_ = covered;
  stored_records_ = covered_records + records.size();
  first_loaded_position_ = covered_records;
  after_load();
  return LoadOutcome::loaded;
}

void Session::after_load() {
  // A reload while batches were still being written: they stay in flight and
  // in memory (a duplicate of one that landed meanwhile is ignored).
  for (const Batch& b : in_flight_) {
    std::vector<Op> ops;
    for (const std::string& r : b.records) {
      if (Result<Op> op = decode_op(r); op.ok()) ops.push_back(std::move(op).value());
    }
    replica_.add(std::move(ops));
  }
  // The actor: whoever last recorded on this device (until sign-in exists).
  const auto& log = replica_.log();
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    if (it->device == device_ || actor_.is_nil()) {
      actor_ = replica_.decode(*it).actor;
      if (it->device == device_) break;
    }
  }
  any_saved_ = any_saved_ || replica_.size() != 0;
}

bool Session::snapshot_due() const {
  return !read_only_ && !snapshot_writer_ && !snapshot_storing_ && in_flight_.empty() && !replica_.stale() &&
         replica_.size() >= snapshot_covered_ + snapshot_every_ && clock_.now_ms() - last_commit_ms_ >= snapshot_quiet_ms_;
}

bool Session::begin_snapshot() {
  if (!snapshot_due()) return false;
  // The writer reads the replica in place; any change to it drops the writer
  // (snapshot_step) before it could read a moved id.
  snapshot_writer_ = std::make_unique<SnapshotWriter>(
      replica_.data(), replica_.size(), [this](std::size_t i) { return replica_.id_at(i); }, stored_records_,
      replica_.frontier(), load_report_.quarantined);
  snapshot_version_ = replica_.version();
  return true;
}

SnapshotStep Session::snapshot_step(std::size_t budget) {
  if (!snapshot_writer_) return SnapshotStep::idle;
  if (snapshot_writer_->done()) return SnapshotStep::done;
  // The writer walks the live state: any change since it began (a save, a
  // sync) makes what it wrote so far a mix of two states. Start again later.
  if (replica_.version() != snapshot_version_ || !in_flight_.empty()) {
    snapshot_writer_.reset();
    return SnapshotStep::abandoned;
  }
  return snapshot_writer_->step(budget) ? SnapshotStep::done : SnapshotStep::working;
}

std::vector<std::string> Session::take_snapshot() {
  if (!snapshot_writer_ || !snapshot_writer_->done()) return {};
  std::vector<std::string> bytes = snapshot_writer_->take();
  snapshot_writer_.reset();
  snapshot_storing_ = true;  // one at a time: the next waits for this one's answer
  return bytes;
}

void Session::on_snapshot_saved(bool ok, std::uint64_t op_count, std::string_view message) {
  snapshot_storing_ = false;
  if (ok) {
    snapshot_covered_ = op_count;
    snapshot_error_.clear();
  } else {
    snapshot_error_ = std::string(message);
  }
}

Op Session::make_op(OpKind kind, const Id& entity, Payload payload) {
  Op op;
  op.op_id = Id::random(random_);
  op.device_id = device_;
  op.hlc = hlc_.tick();
  op.actor = actor_;
  op.entity = entity;
  op.kind = kind;
  op.payload = std::move(payload);
  return op;
}

Status Session::check_writable() const {
  if (read_only_) return error("read_only", S::err_read_only);
  return ok_status();
}

Status Session::commit_made(std::vector<Op> ops) {
  // What a command made is judged as the server will judge it, before it is
  // stored or shown: a record refused there would sit on this tablet as
  // "set aside". The role is the actor's as this tablet knows it; a tablet
  // that has not pulled its staff yet leaves the role to the server.
  const auto me = replica_.data().staff.find(actor_);
  for (const Op& op : ops) {
    if (Status v = validate_op(op); !v.ok()) return v;
    if (me == replica_.data().staff.end() || me->second.name.empty()) continue;
    if (Status r = may_record(op, static_cast<std::int64_t>(me->second.role)); !r.ok()) return r;
  }
  return commit(std::move(ops));
}

Status Session::commit(std::vector<Op> ops, bool from_server) {
  if (ops.empty()) return ok_status();
  last_commit_ms_ = clock_.now_ms();
  Batch batch{next_batch_++, {}, ops.size()};
  batch.from_server = from_server;
  batch.records.reserve(ops.size());
  for (const Op& op : ops) batch.records.push_back(encode_op(op));
  // Visible at once, shown as "saving…" until durable. A few ops on top of
  // current views patch them in place instead of rebuilding every row.
  const std::uint64_t version_before = replica_.version();
  const std::size_t refolds_before = replica_.refolds();
  replica_.add(ops);
  if (views_version_ == version_before && replica_.refolds() == refolds_before && ops.size() <= 64 &&
      patch_views(views_, replica_.data(), ops)) {
    views_version_ = replica_.version();
  }
  in_flight_.push_back(std::move(batch));
  const Batch& b = in_flight_.back();
  storage_.append(b.id, b.records);
  return ok_status();
}

void Session::on_commit(std::uint64_t batch, bool ok, std::string_view message) {
  auto it = std::find_if(in_flight_.begin(), in_flight_.end(), [&](const Batch& b) { return b.id == batch; });
  if (it == in_flight_.end()) return;
  if (ok) {
    stored_records_ += it->records.size();
    if (durable_listener_) durable_listener_(it->records, it->from_server);
    in_flight_.erase(it);
    any_saved_ = true;
    if (std::none_of(in_flight_.begin(), in_flight_.end(), [](const Batch& b) { return b.failed; })) storage_error_.clear();
    return;
  }
  it->failed = true;
  storage_error_ = std::string(i18n::tr(S::err_storage_failed)) + " (" + std::string(message) + ")";
}

void Session::retry_failed() {
  for (Batch& b : in_flight_) {
    if (!b.failed) continue;
    b.failed = false;
    storage_.append(b.id, b.records);
  }
}

SaveState Session::save_state() const {
  if (std::any_of(in_flight_.begin(), in_flight_.end(), [](const Batch& b) { return b.failed; })) return SaveState::failed;
  if (!in_flight_.empty()) return SaveState::saving;
  return any_saved_ ? SaveState::saved : SaveState::idle;
}

bool Session::holds_demo() const {
  // One pass per change of the log, not per frame.
  if (demo_checked_version_ != replica_.version()) {
    static const Id demo_device = demo_device_id();
    holds_demo_ = false;
    for (const auto& entry : replica_.log()) {
      if (entry.device == demo_device) {
        holds_demo_ = true;
        break;
      }
    }
    demo_checked_version_ = replica_.version();
  }
  return holds_demo_;
}

std::string Session::record_prefix(char letter) const {
  return records::record_prefix(letter, tablet_no_, device_, demo_ || holds_demo());
}

std::size_t Session::pending_count() const {
  std::size_t n = 0;
  for (const Batch& b : in_flight_) n += b.ops;
  return n;
}

Status Session::load_demo(const DemoOptions& options) {
  if (Status s = check_writable(); !s.ok()) return s;
  if (has_data()) return error("demo_exists", S::err_demo_exists);
  DemoCommunity demo = generate_demo(options);
  actor_ = demo.duty_butler;
  for (const Op& op : demo.ops) hlc_.observe(op.hlc);
  return commit(std::move(demo.ops));
}

Result<std::size_t> Session::import_backup(std::string_view bytes) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  Result<std::vector<Op>> ops = decode_backup(bytes);
  if (!ops.ok()) return ops.error();
  std::vector<Op> fresh;
  for (Op& op : ops.value()) {
    if (!replica_.contains(op.op_id)) fresh.push_back(std::move(op));
  }
  const std::size_t n = fresh.size();
  for (const Op& op : fresh) hlc_.observe_remote(op.hlc);
  if (actor_.is_nil() && !fresh.empty()) actor_ = fresh.back().actor;
  if (Status s = commit(std::move(fresh)); !s.ok()) return s.error();
  return n;
}

Result<std::size_t> Session::merge_remote(std::vector<Op> ops) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  std::vector<Op> fresh;
  for (Op& op : ops) {
    if (!replica_.contains(op.op_id)) fresh.push_back(std::move(op));
  }
  // The same op can come twice in one pull (a retried page): keep the first.
  std::sort(fresh.begin(), fresh.end(), [](const Op& a, const Op& b) { return a.op_id < b.op_id; });
  fresh.erase(std::unique(fresh.begin(), fresh.end(), [](const Op& a, const Op& b) { return a.op_id == b.op_id; }),
              fresh.end());
  const std::size_t n = fresh.size();
  for (const Op& op : fresh) hlc_.observe_remote(op.hlc);
  if (actor_.is_nil() && !fresh.empty()) actor_ = fresh.back().actor;
  if (Status s = commit(std::move(fresh), true); !s.ok()) return s.error();
  return n;
}

std::string Session::export_backup() const {
  std::vector<std::string_view> records;
  records.reserve(replica_.size());
  for (const auto& entry : replica_.log()) records.push_back(entry.record);
  return encode_backup_records(records);
}

std::string Session::export_backup_of(const std::vector<std::string_view>& stored) {
  // Damaged records stay out: the file must pass its own import check.
  std::vector<std::string_view> good;
  good.reserve(stored.size());
  for (std::string_view r : stored) {
    if (decode_op(r).ok()) good.push_back(r);
  }
  return encode_backup_records(good);
}

const CommunitySummary& Session::summary() const {
  if (views_version_ == replica_.version()) return views_.summary;
  if (summary_version_ != replica_.version()) {
    summary_ = summarize(replica_.data());
    summary_version_ = replica_.version();
  }
  return summary_;
}

const Views& Session::views() const {
  if (views_version_ != replica_.version()) {
    views_ = build_views(replica_.data());
    views_version_ = replica_.version();
  }
  return views_;
}

std::string Session::state_summary_json() const {
  const CommunitySummary& s = summary();
  static const char* kSave[] = {"idle", "saving", "saved", "failed"};
  std::string out = "{";
  out += "\"community\":\"" + json_escape(s.community_name) + "\"";
  out += ",\"buildings\":" + std::to_string(s.buildings);
  out += ",\"units\":" + std::to_string(s.units);
  out += ",\"residents\":" + std::to_string(s.residents);
  out += ",\"staff\":" + std::to_string(s.staff);
  out += ",\"zones\":" + std::to_string(s.zones);
  out += ",\"checkpoints\":" + std::to_string(s.checkpoints);
  out += ",\"ops\":" + std::to_string(op_count());
  out += ",\"pending\":" + std::to_string(pending_count());
  out += ",\"save\":\"" + std::string(kSave[static_cast<int>(save_state())]) + "\"";
  out += ",\"quarantined\":" + std::to_string(load_report_.quarantined.size());
  out += ",\"from_snapshot\":" + std::string(load_report_.from_snapshot ? "true" : "false");
  out += ",\"snapshot_covered\":" + std::to_string(snapshot_covered_);
  out += ",\"snapshot_problem\":\"" + json_escape(load_report_.snapshot_problem) + "\"";
  out += ",\"read_only\":" + std::string(read_only_ ? "true" : "false");
  out += ",\"storage_error\":\"" + json_escape(storage_error_) + "\"";
  return out + "}";
}

std::int64_t Session::lateness_now_ms() const { return tickets::lateness_now(clock_.now_ms(), hlc_.last().wall_ms); }

}  // namespace app
