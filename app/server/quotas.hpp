#pragma once
// What one community may put on the server (issue 20, denial of service): a
// broken or hostile tablet with a valid token must not fill the disk or the
// op log for everyone. Ops and photo bytes are counted per community per day
// and photos in total, in small counter rows written in the same transaction
// as what they count (app/server/store_blobs.cpp), so a check is one row read,
// never a COUNT(*) over the op log. Over a limit the whole push or upload is
// refused (429 for the day's limits, 507 for storage) and nothing is stored;
// the tablet keeps its records and tries again later.
//
// Photos no stored op names within a day of their upload are removed (the
// sweep: ServerStore::collect_blobs): uploading photos nothing refers to
// cannot fill the quota for good.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {
struct Op;
}

namespace server {

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

struct Quotas {
  // A busy estate records a few thousand ops a day; a new one importing its
  // registers a few tens of thousands. 0 means no limit.
  std::int64_t ops_per_day = 200000;
  // A downscaled photo is 200-500 KiB: 2 GiB a day is thousands of them.
  std::int64_t blob_bytes_per_day = 2LL << 30;
  std::int64_t blob_bytes_total = 20LL << 30;
  std::int64_t blob_count = 500000;
  // How long a photo may wait for an op that names it before the sweep removes it.
  std::int64_t blob_grace_ms = kDayMs;
  // The sweep runs on a request at most this often (SyncService).
  std::int64_t sweep_every_ms = 10 * 60 * 1000;
};

// Refusal codes (the API's "error"); the tablet maps them to its own words.
inline constexpr std::string_view kQuotaOps = "quota_ops";          // 429: the day's ops
inline constexpr std::string_view kQuotaBlobs = "quota_blobs";      // 429: the day's photo bytes
inline constexpr std::string_view kQuotaStorage = "quota_storage";  // 507: photo bytes or count in total

// The day counters are kept under: the Beijing calendar day (yyyymmdd), so
// a community's day turns over at its own midnight.
std::int64_t quota_day(std::int64_t now_ms);

// The photos `op` names (SHA-256 hex): what keeps a blob from the sweep.
std::vector<std::string> blobs_named_by(const app::Op& op);
// The same from a stored record; none when it does not decode.
std::vector<std::string> blobs_named_by_record(std::string_view record);

// "20G", "512M", "64K" or plain bytes; nothing when it is not a size.
std::optional<std::int64_t> parse_size(std::string_view text);

}  // namespace server
