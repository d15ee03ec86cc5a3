#include "app/sync/blob_uploader.hpp"

#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/sync/sync_client.hpp"
#include "app/sync/wire.hpp"

namespace app::sync {

BlobUploader::BlobUploader(ClockPort& clock, RandomPort& random, std::int64_t base_backoff_ms, std::int64_t max_backoff_ms)
    : clock_(clock), random_(random), base_backoff_ms_(base_backoff_ms), max_backoff_ms_(max_backoff_ms) {}

void BlobUploader::restore(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  queue_.assign(names.begin(), names.end());
  in_flight_.clear();
  next_attempt_ms_ = 0;
}

void BlobUploader::add(const std::string& sha256) {
  if (std::find(queue_.begin(), queue_.end(), sha256) == queue_.end()) queue_.push_back(sha256);
}

void BlobUploader::poke() { next_attempt_ms_ = 0; }

bool BlobUploader::due(bool ops_sent) const {
  return ops_sent && !queue_.empty() && in_flight_.empty() && clock_.now_ms() >= next_attempt_ms_;
}

std::string BlobUploader::next() {
  if (queue_.empty()) return {};
  in_flight_ = queue_.front();
  return in_flight_;
}

void BlobUploader::on_answer(const std::string& sha256, int http_status, std::string_view body) {
  if (sha256 != in_flight_) return;  // stale
  if (http_status == 200) {
    in_flight_.clear();
    queue_.erase(std::remove(queue_.begin(), queue_.end(), sha256), queue_.end());
    failures_ = 0;
    last_error_.clear();
    next_attempt_ms_ = 0;
    return;
  }
  using i18n::S;
  if (http_status == 429 || http_status == 507) back_off(words_for(parse_error_body(http_status, body)));  // quotas
  else if (http_status == 401) back_off(i18n::tr(S::err_sync_unauthorized));
  else if (http_status == 413) back_off(i18n::tr(S::err_sync_too_large));
  else if (http_status >= 500) back_off(i18n::tr(S::err_sync_server));
  else back_off(std::string(i18n::tr(S::err_sync_server)) + " (" + std::to_string(http_status) + " " + std::string(body.substr(0, 120)) + ")");
  // The failed one goes to the back, so one bad photo cannot hold up the rest.
  queue_.erase(std::remove(queue_.begin(), queue_.end(), sha256), queue_.end());
  queue_.push_back(sha256);
}

void BlobUploader::on_missing_locally(const std::string& sha256) {
  if (sha256 != in_flight_) return;
  in_flight_.clear();
  queue_.erase(std::remove(queue_.begin(), queue_.end(), sha256), queue_.end());
  last_error_ = i18n::tr(i18n::S::err_photo_missing);
}

void BlobUploader::on_failure(const std::string& sha256, std::string_view message) {
  if (sha256 != in_flight_) return;
  std::string text = i18n::tr(i18n::S::err_sync_network);
  if (!message.empty()) text += " (" + std::string(message) + ")";
  back_off(std::move(text));
}

void BlobUploader::back_off(std::string message) {
  in_flight_.clear();
  ++failures_;
  last_error_ = std::move(message);
  // Exponential backoff with equal jitter, as SyncClient does.
  std::int64_t delay = base_backoff_ms_;
  for (int i = 1; i < failures_ && delay < max_backoff_ms_; ++i) delay *= 2;
  delay = std::min(delay, max_backoff_ms_);
  const std::int64_t half = delay / 2;
  const auto jitter = half > 0 ? static_cast<std::int64_t>(random_.next_u64() % static_cast<std::uint64_t>(half + 1)) : 0;
  next_attempt_ms_ = clock_.now_ms() + half + jitter;
}

UploadStatus BlobUploader::status() const {
  return UploadStatus{queue_.size(), !in_flight_.empty(), last_error_, failures_};
}

}  // namespace app::sync
