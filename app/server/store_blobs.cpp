// Photos and what a community may store (app/server/quotas.hpp): the blobs,
// which of them an op names (blob_refs, written with the op), the per-day
// and total counters the quota checks read, and the sweep of photos no op
// names.
#include "app/server/schema.hpp"
#include "app/server/server_store.hpp"

namespace server {
namespace {

app::Error over(std::string_view code, std::string message) { return app::Error{std::string(code), std::move(message)}; }

}  // namespace

app::Status record_blob_names(Db& db, std::int64_t community, std::string_view record) {
  const std::vector<std::string> names = blobs_named_by_record(record);
  if (names.empty()) return app::ok_status();
  Stmt ref(db, "INSERT OR IGNORE INTO blob_refs(community, sha256) VALUES(?,?)");
  Stmt mark(db, "UPDATE blobs SET named=1 WHERE community=? AND sha256=? AND named=0");
  for (const std::string& sha : names) {
    ref.reset();
    ref.bind(1, community).bind(2, sha).step();
    if (ref.failed()) return ref.error();
    mark.reset();
    mark.bind(1, community).bind(2, sha).step();
    if (mark.failed()) return mark.error();
  }
  return app::ok_status();
}

app::Status ServerStore::charge_ops(std::int64_t community, std::size_t fresh, const QuotaCharge& charge) {
  if (fresh == 0) return app::ok_status();
  Stmt add(*db_,
           "INSERT INTO quota_days(community, day, ops) VALUES(?1, ?2, ?3) "
           "ON CONFLICT(community, day) DO UPDATE SET ops = quota_days.ops + ?3 RETURNING ops");
  if (!add.bind(1, community).bind(2, charge.day).bind(3, static_cast<std::int64_t>(fresh)).step()) {
    return add.failed() ? add.error() : db_->error("quota_days");
  }
  const std::int64_t ops = add.integer(0);
  const std::int64_t limit = charge.limits.ops_per_day;
  if (limit > 0 && ops > limit) {
    return over(kQuotaOps, "this push would make " + std::to_string(ops) + " records today, over the limit of " +
                               std::to_string(limit));
  }
  return app::ok_status();
}

QuotaUsage ServerStore::usage(std::int64_t community, std::int64_t day) {
  WriterLock lock(*this);
  QuotaUsage u;
  Stmt today(*db_, "SELECT ops, blob_bytes FROM quota_days WHERE community=? AND day=?");
  if (today.bind(1, community).bind(2, day).step()) {
    u.ops_today = today.integer(0);
    u.blob_bytes_today = today.integer(1);
  }
  Stmt total(*db_, "SELECT blob_bytes, blob_count FROM quota_totals WHERE community=?");
  if (total.bind(1, community).step()) {
    u.blob_bytes_total = total.integer(0);
    u.blob_count = total.integer(1);
  }
  return u;
}

app::Status ServerStore::put_blob(std::int64_t community, std::string_view sha, std::string_view bytes,
                                  std::int64_t now_ms, const QuotaCharge* charge) {
  return in_transaction([&](Db& db) -> app::Status {
    Stmt known(db, "SELECT 1 FROM blobs WHERE community=? AND sha256=?");
    if (known.bind(1, community).bind(2, sha).step()) return app::ok_status();  // sent again: nothing new
    if (known.failed()) return known.error();
    const auto size = static_cast<std::int64_t>(bytes.size());
    if (charge) {
      // Checked before the bytes are written: a refused photo costs no disk.
      const QuotaUsage u = usage(community, charge->day);
      const Quotas& q = charge->limits;
      if (q.blob_bytes_total > 0 && u.blob_bytes_total + size > q.blob_bytes_total) {
        return over(kQuotaStorage, "the community's photos would take " + std::to_string(u.blob_bytes_total + size) +
                                       " bytes, over the limit of " + std::to_string(q.blob_bytes_total));
      }
      if (q.blob_count > 0 && u.blob_count + 1 > q.blob_count) {
        return over(kQuotaStorage, "the community holds " + std::to_string(u.blob_count) + " photos, the limit");
      }
      if (q.blob_bytes_per_day > 0 && u.blob_bytes_today + size > q.blob_bytes_per_day) {
        return over(kQuotaBlobs, "today's photos would take " + std::to_string(u.blob_bytes_today + size) +
                                     " bytes, over the limit of " + std::to_string(q.blob_bytes_per_day));
      }
      Stmt day(db,
               "INSERT INTO quota_days(community, day, blob_bytes) VALUES(?1, ?2, ?3) "
               "ON CONFLICT(community, day) DO UPDATE SET blob_bytes = quota_days.blob_bytes + ?3");
      day.bind(1, community).bind(2, charge->day).bind(3, size).step();
      if (day.failed()) return day.error();
    }
    Stmt put(db,
             "INSERT INTO blobs(community, sha256, data, stored_ms, named) "
             "VALUES(?1, ?2, ?3, ?4, CASE WHEN EXISTS(SELECT 1 FROM blob_refs WHERE community=?1 AND sha256=?2) "
             "THEN 1 ELSE 0 END)");
    put.bind(1, community).bind(2, sha).bind_blob(3, bytes).bind(4, now_ms).step();
    if (put.failed()) return put.error();
    Stmt total(db,
               "INSERT INTO quota_totals(community, blob_bytes, blob_count) VALUES(?1, ?2, 1) "
               "ON CONFLICT(community) DO UPDATE SET blob_bytes = quota_totals.blob_bytes + ?2, blob_count = quota_totals.blob_count + 1");
    total.bind(1, community).bind(2, size).step();
    return total.failed() ? app::Status(total.error()) : app::ok_status();
  }, community);  // PostgreSQL: with the community's op inserts, which mark its blobs named
}

std::optional<std::string> ServerStore::get_blob(std::int64_t community, std::string_view sha) {
  return reading([&](Db& db) -> std::optional<std::string> {
    Stmt s(db, "SELECT data FROM blobs WHERE community=? AND sha256=?");
    if (!s.bind(1, community).bind(2, sha).step()) return std::nullopt;
    return std::string(s.blob(0));
  });
}

std::int64_t ServerStore::blob_count() {
  WriterLock lock(*this);
  Stmt s(*db_, "SELECT count(*) FROM blobs");
  return s.step() ? s.integer(0) : -1;
}

app::Result<BlobSweep> ServerStore::collect_blobs(std::int64_t now_ms, std::int64_t grace_ms, std::int64_t max_blobs) {
  BlobSweep swept;
  app::Status done = in_transaction([&](Db& db) -> app::Status {
    swept = BlobSweep{};
    Stmt stale(db,
               "SELECT community, sha256, length(data) FROM blobs WHERE named=0 AND stored_ms < ? "
               "ORDER BY stored_ms LIMIT ?");
    // named=0 again: on PostgreSQL an op's insert (another instance) may
    // have named it since the SELECT; the DELETE re-reads the row it waited for.
    Stmt drop(db, "DELETE FROM blobs WHERE community=? AND sha256=? AND named=0");
    Stmt total(db,
               "UPDATE quota_totals SET blob_bytes = CASE WHEN blob_bytes > ?2 THEN blob_bytes - ?2 ELSE 0 END, "
               "blob_count = CASE WHEN blob_count > 1 THEN blob_count - 1 ELSE 0 END WHERE community=?1");
    stale.bind(1, now_ms - grace_ms).bind(2, max_blobs);
    struct Stale {
      std::int64_t community, size;
      std::string sha;
    };
    std::vector<Stale> found;  // read first: rows are not deleted under a running SELECT
    while (stale.step()) found.push_back({stale.integer(0), stale.integer(2), stale.text(1)});
    if (stale.failed()) return stale.error();
    for (const Stale& b : found) {
      drop.reset();
      drop.bind(1, b.community).bind(2, b.sha).step();
      if (drop.failed()) return drop.error();
      if (drop.changes() == 0) continue;  // named meanwhile: kept
      total.reset();
      total.bind(1, b.community).bind(2, b.size).step();
      if (total.failed()) return total.error();
      ++swept.blobs;
      swept.bytes += b.size;
    }
    // The day counters are read only for today: a week back is plenty for a look.
    Stmt old(db, "DELETE FROM quota_days WHERE day < ?");
    old.bind(1, quota_day(now_ms - 7 * kDayMs)).step();
    return old.failed() ? app::Status(old.error()) : app::ok_status();
  });
  if (!done.ok()) return done.error();
  return swept;
}

}  // namespace server
