#include "app/session/session.hpp"

#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/store/backup.hpp"

namespace app {
namespace {

using i18n::S;

Error error(const char* code, S message) { return Error{code, i18n::tr(message)}; }

bool plausible_phone(std::string_view phone) {
  if (phone.size() < 7 || phone.size() > 20) return false;
  return std::all_of(phone.begin(), phone.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '+'; });
}

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
    : random_(random), storage_(storage), hlc_(clock), device_(device) {}

const LoadReport& Session::load(const std::vector<std::string>& records) {
  auto arena = std::make_shared<std::vector<std::string>>(records);
  std::vector<std::string_view> views(arena->begin(), arena->end());
  return load(views, arena);
}

const LoadReport& Session::load(const std::vector<std::string_view>& records, std::shared_ptr<const void> arena) {
  load_report_ = {};
  load_report_.records = records.size();
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
  // The actor: whoever last recorded on this device (until sign-in exists).
  const auto& log = replica_.log();
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    if (it->device == device_ || actor_.is_nil()) {
      actor_ = replica_.decode(*it).actor;
      if (it->device == device_) break;
    }
  }
  any_saved_ = replica_.size() != 0;
  return load_report_;
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

Status Session::commit(std::vector<Op> ops, bool from_server) {
  if (ops.empty()) return ok_status();
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

Result<Id> Session::add_resident(const Id& unit, const NewResident& r) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  if (!replica_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  if (r.name.empty()) return error("name_required", S::err_name_required);
  if (!r.phone.empty() && !plausible_phone(r.phone)) return error("bad_phone", S::err_bad_phone);
  const Id id = Id::random(random_);
  Payload p;
  p.set(F::parent, unit.to_hex()).set(F::name, r.name).set(F::is_owner, std::int64_t{r.owner ? 1 : 0});
  if (!r.phone.empty()) p.set(F::phone, r.phone);
  if (!r.occupation.empty()) p.set(F::occupation, r.occupation);
  if (r.moved_in) p.set(F::moved_in, r.moved_in);
  if (Status s = commit({make_op(OpKind::resident_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status Session::set_resident_phone(const Id& resident, std::string_view phone) {
  if (Status s = check_writable(); !s.ok()) return s;
  auto it = replica_.data().residents.find(resident);
  if (it == replica_.data().residents.end() || it->second.removed) return error("unknown_resident", S::err_unknown_resident);
  if (!plausible_phone(phone)) return error("bad_phone", S::err_bad_phone);
  Payload p;
  p.set(F::phone, std::string(phone));
  return commit({make_op(OpKind::resident_set, resident, std::move(p))});
}

Status Session::set_unit_status(const Id& unit, UnitStatus status) {
  if (Status s = check_writable(); !s.ok()) return s;
  if (!replica_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  Payload p;
  p.set(F::status, static_cast<std::int64_t>(status));
  return commit({make_op(OpKind::unit_set, unit, std::move(p))});
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
  for (const Op& op : fresh) hlc_.observe(op.hlc);
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
  for (const Op& op : fresh) hlc_.observe(op.hlc);
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

const Views& Session::views() const {
  if (views_version_ != replica_.version()) {
    views_ = build_views(replica_.data());
    views_version_ = replica_.version();
  }
  return views_;
}

std::vector<std::size_t> Session::search_units(std::string_view query) const {
  const auto& rows = unit_rows();
  std::vector<std::size_t> out;
  out.reserve(query.empty() ? rows.size() : 64);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const UnitRow& r = rows[i];
    if (query.empty() || r.label.find(query) != std::string::npos || r.owner_name.find(query) != std::string::npos) {
      out.push_back(i);
    } else {
      // "31502" style: the label without spaces, as butlers type room numbers.
      std::string compact;
      for (char c : r.label) if (c != ' ') compact += c;
      if (compact.find(query) != std::string::npos) out.push_back(i);
    }
  }
  return out;
}

const std::vector<CheckpointRow>& Session::checkpoints_of_zone(const Id& zone) const {
  static const std::vector<CheckpointRow> none;
  const Views& v = views();
  for (std::size_t i = 0; i < v.zones.size(); ++i) {
    if (v.zones[i].id == zone) return v.zone_checkpoints[i];
  }
  return none;
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
  out += ",\"read_only\":" + std::string(read_only_ ? "true" : "false");
  out += ",\"storage_error\":\"" + json_escape(storage_error_) + "\"";
  return out + "}";
}

}  // namespace app
