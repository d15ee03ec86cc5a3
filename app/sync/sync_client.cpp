#include "app/sync/sync_client.hpp"

#include <algorithm>
#include <unordered_set>

#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/sync/sync_json.hpp"
#include "app/sync/wire.hpp"

namespace app::sync {

std::string encode_state(const SyncState& s) {
  return "{\"v\":1,\"cursor\":" + std::to_string(s.cursor) + ",\"acked_prefix\":" + std::to_string(s.acked_prefix) + "}";
}

Result<SyncState> decode_state(std::string_view text) {
  Result<json::Value> doc = json::parse(text);
  if (!doc.ok()) return doc.error();
  const json::Value* v = doc.value().get("v");
  const json::Value* cursor = doc.value().get("cursor");
  const json::Value* prefix = doc.value().get("acked_prefix");
  if (!v || !v->is_int() || v->i != 1 || !cursor || !cursor->is_int() || cursor->i < 0 || !prefix ||
      !prefix->is_int() || prefix->i < 0) {
    return Error{"bad_sync_state", "unreadable sync state"};
  }
  return SyncState{cursor->i, static_cast<std::uint64_t>(prefix->i)};
}

// The words for a refusal come from this tablet's own catalogue (its
// language, switchable at run time); the server's text is kept as detail.
std::string words_for(const Error& e) {
  using i18n::S;
  struct Known { const char* code; S key; };
  static const Known known[] = {
      {"unauthorized", S::err_sync_unauthorized}, {"expired", S::err_sync_expired},
      {"forbidden", S::err_sync_forbidden},       {"forbidden_role", S::err_sync_role},
      {"too_large", S::err_sync_too_large},       {"too_many_ops", S::err_sync_too_large},
      {"invalid_op", S::err_op_invalid},          {"bad_record", S::err_op_invalid},
      {"server_error", S::err_sync_server},
      {"forbidden_actor", S::err_sync_actor},     {"conflict", S::err_sync_conflict},
      {"clock_ahead", S::err_sync_clock_ahead},
      {"device_revoked", S::err_sync_device_revoked},
      // Over a community quota (429/507): not the records' fault, so they
      // are kept and sent again after the backoff, never set aside.
      {"quota_ops", S::err_sync_quota_ops},       {"quota_blobs", S::err_sync_quota_photos},
      {"quota_storage", S::err_sync_quota_storage},
  };
  for (const Known& k : known) {
    if (e.code == k.code) return i18n::tr(k.key);
  }
  return e.message;
}

SyncClient::SyncClient(ClockPort& clock, RandomPort& random, const Id& device, ClientOptions options)
    : clock_(clock), random_(random), device_(device), options_(options) {
  // Request ids start at random so an answer to a request made before a
  // restart can never pass for the answer to a new one.
  next_id_ = (random_.next_u64() >> 1) | 1;
}

bool SyncClient::restore(const SyncState& state, const std::vector<std::string_view>& stored_records,
                         std::uint64_t first_position) {
  SyncState restored = state;
  const std::uint64_t end = first_position + stored_records.size();
  // A prefix beyond the log means the log was wiped or replaced: push it all.
  if (restored.acked_prefix > end) restored.acked_prefix = 0;
  if (restored.acked_prefix < first_position) return false;  // needs records not in hand
  state_ = restored;
  outbox_.clear();
  in_flight_ = 0;
  in_flight_ops_ = 0;
  durable_count_ = end;
  for (std::size_t i = static_cast<std::size_t>(state_.acked_prefix - first_position); i < stored_records.size(); ++i) {
    Result<Op> op = decode_op(stored_records[i]);
    if (!op.ok()) continue;  // quarantined by Session::load: never sent
    outbox_.push_back({op.value().op_id, std::string(stored_records[i])});
  }
  next_attempt_ms_ = 0;
  settle_prefix();
  return true;
}

void SyncClient::on_durable(const std::vector<std::string>& records, bool from_server) {
  durable_count_ += records.size();
  if (!from_server) {
    for (const std::string& r : records) {
      Result<Op> op = decode_op(r);
      if (op.ok()) outbox_.push_back({op.value().op_id, r});
    }
    if (!in_flight_ && failures_ == 0) next_attempt_ms_ = 0;  // push soon after a save
  }
  settle_prefix();
}

void SyncClient::settle_prefix() {
  // Only with nothing outstanding is every stored record known to the server.
  if (outbox_.empty() && !in_flight_) state_.acked_prefix = durable_count_;
}

void SyncClient::poke() {
  if (!in_flight_) next_attempt_ms_ = 0;
}

bool SyncClient::due() const { return !device_revoked_ && !in_flight_ && clock_.now_ms() >= next_attempt_ms_; }

Request SyncClient::next_request() {
  Request r;
  r.id = next_id_++;
  in_flight_ = r.id;
  in_flight_ops_ = std::min(outbox_.size(), options_.batch);
  std::vector<std::string_view> records;
  records.reserve(in_flight_ops_);
  for (std::size_t i = 0; i < in_flight_ops_; ++i) records.push_back(outbox_[i].record);
  r.body = encode_request(device_, state_.cursor, records);
  r.ops = in_flight_ops_;
  return r;
}

void SyncClient::fail(std::string message) {
  in_flight_ = 0;
  in_flight_ops_ = 0;
  ++failures_;
  last_error_ = std::move(message);
  // Exponential backoff with "equal jitter": half the delay fixed, half random,
  // so a building full of tablets coming back online does not retry in step.
  std::int64_t delay = options_.base_backoff_ms;
  for (int i = 1; i < failures_ && delay < options_.max_backoff_ms; ++i) delay *= 2;
  delay = std::min(delay, options_.max_backoff_ms);
  const std::int64_t half = delay / 2;
  const auto jitter = half > 0 ? static_cast<std::int64_t>(random_.next_u64() % static_cast<std::uint64_t>(half + 1)) : 0;
  next_attempt_ms_ = clock_.now_ms() + half + jitter;
}

void SyncClient::on_failure(std::uint64_t id, std::string_view message) {
  if (id != in_flight_) return;
  std::string text = i18n::tr(i18n::S::err_sync_network);
  if (!message.empty()) text += " (" + std::string(message) + ")";
  fail(std::move(text));
}

Result<std::vector<Op>> SyncClient::on_response(std::uint64_t id, int http_status, std::string_view body) {
  if (id != in_flight_) return std::vector<Op>{};  // stale: its request was given up
  if (http_status < 200 || http_status >= 300) {
    Error e = parse_error_body(http_status, body);
    e.message = words_for(e);
    // A lost tablet: the host wipes it; nothing more is sent from here.
    if (http_status == 401 && e.code == "device_revoked") {
      device_revoked_ = true;
      in_flight_ = 0;
      in_flight_ops_ = 0;
      last_error_ = e.message;
      return e;
    }
    // One record the server refuses must not block every later one: set it
    // aside (it stays in the local log, counted in the status) and go on.
    if (http_status == 400 || http_status == 403 || http_status == 409) {
      Result<json::Value> doc = json::parse(body);
      const json::Value* index = doc.ok() ? doc.value().get("index") : nullptr;
      if (index && index->is_int() && index->i >= 0 && static_cast<std::size_t>(index->i) < in_flight_ops_) {
        outbox_.erase(outbox_.begin() + index->i);
        ++rejected_;
        in_flight_ = 0;
        in_flight_ops_ = 0;
        last_error_ = e.message;
        next_attempt_ms_ = 0;
        settle_prefix();
        return e;
      }
    }
    if (http_status == 413 && options_.batch > 1) {
      // Unusually large records: send fewer per request and go again soon.
      options_.batch = std::max<std::size_t>(1, options_.batch / 2);
      in_flight_ = 0;
      in_flight_ops_ = 0;
      last_error_ = e.message;
      next_attempt_ms_ = 0;
      return e;
    }
    if (http_status >= 500 && e.code != "server_error") {
      e.message = std::string(i18n::tr(i18n::S::err_sync_server)) + " (HTTP " + std::to_string(http_status) + ")";
    }
    fail(e.message);
    return e;
  }
  Result<SyncResponse> parsed = parse_response(body);
  if (!parsed.ok()) {
    fail(std::string(i18n::tr(i18n::S::err_sync_server)) + " (" + parsed.error().message + ")");
    return parsed.error();
  }
  SyncResponse& res = parsed.value();
  std::unordered_set<Id, IdHash> acked(res.acked.begin(), res.acked.end());
  std::deque<Pending> kept;
  for (std::size_t i = 0; i < in_flight_ops_; ++i) {
    if (!acked.count(outbox_[i].op_id)) kept.push_back(std::move(outbox_[i]));
  }
  outbox_.erase(outbox_.begin(), outbox_.begin() + static_cast<std::ptrdiff_t>(in_flight_ops_));
  outbox_.insert(outbox_.begin(), std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));

  std::vector<Op> pulled;
  pulled.reserve(res.records.size());
  for (const std::string& r : res.records) {
    Result<Op> op = decode_op(r);
    // The server validated every op; one this build cannot read is a newer
    // kind from a newer tablet. It is skipped (the cursor moves on): after an
    // update the shell resets the cursor to 0 to pull it again (idempotent).
    if (!op.ok() || !validate_op(op.value()).ok()) continue;
    pulled.push_back(std::move(op).value());
  }
  state_.cursor = std::max(state_.cursor, res.cursor);
  if (res.tablet_no > 0) tablet_no_ = res.tablet_no;
  in_flight_ = 0;
  in_flight_ops_ = 0;
  failures_ = 0;
  last_error_.clear();
  const std::int64_t now = clock_.now_ms();
  last_synced_ms_ = now;
  // More to pull, or more to push: go again at once; otherwise the next round.
  next_attempt_ms_ = (res.more || !outbox_.empty()) ? now : now + options_.period_ms;
  settle_prefix();
  return pulled;
}

SyncStatus SyncClient::status() const {
  SyncStatus s;
  s.running = in_flight_ != 0;
  s.last_synced_ms = last_synced_ms_;
  s.pending = outbox_.size();
  s.last_error = last_error_;
  s.failures = failures_;
  s.next_attempt_ms = next_attempt_ms_;
  s.rejected = rejected_;
  s.device_revoked = device_revoked_;
  return s;
}

}  // namespace app::sync
