#pragma once
// The server's database — one SQLite file (WAL) by default, or PostgreSQL
// (app/server/db.hpp) shared by several instances: communities, staff
// credentials, enrolled devices, the op log of every community, photo blobs,
// and failed sign-ins (app/server/sign_in.hpp: in the database, so servers
// sharing it share them).
//
// The sync cursor is `cseq`, the op's number within its community: a global
// number would tell one community's tablets how busy the others are. Each is
// given max+1 inside the inserting transaction; SQLite has a single writer
// and commits atomically, so cseq order is commit order and a reader never
// sees cseq 10 before cseq 9. PostgreSQL's insert transaction locks the
// community's row first for the same guarantee (app/server/sql_dialect.cpp).
// Every method is safe to call from the HTTP server's worker threads.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/server/quotas.hpp"
#include "app/server/read_pool.hpp"
#include "app/server/db.hpp"

namespace server {

struct CommunityRow {
  std::int64_t id = 0;
  app::Id uid;  // the community's entity id in its ops
  std::string name, city;
};

struct StaffRow {
  std::int64_t community = 0;
  std::string code;
  app::Id staff;
  std::int64_t role = 0;
  std::string salt, pin_hash;  // pin_hash "$argon2id$…" (salt empty), or an older salted SHA-256
  bool enrol_blocked = false;    // revoke-devices: no enrolment until a new PIN is set
};

struct DeviceRow {
  std::int64_t community = 0;
  std::string staff_code;
  app::Id device;
  std::int64_t role = 0;
  bool office = false;  // the office page's sign-in: no tablet, no ordinal
  std::int64_t last_used_ms = 0;  // enrolment or the last request, at most a minute stale
};

// A write counted against its community's quotas (app/server/quotas.hpp):
// the day it is counted under and the limits it is refused over.
struct QuotaCharge {
  std::int64_t day = 0;  // quota_day(now)
  Quotas limits;
};

// What a community has used: the day's counters and its photos in total.
struct QuotaUsage {
  std::int64_t ops_today = 0;
  std::int64_t blob_bytes_today = 0;
  std::int64_t blob_bytes_total = 0;
  std::int64_t blob_count = 0;
};

// What a sweep removed.
struct BlobSweep {
  std::int64_t blobs = 0;
  std::int64_t bytes = 0;
};

struct OpsPage {
  std::vector<std::string> records;
  std::int64_t cursor = 0;
  bool more = false;
};

class ServerStore {
 public:
  // ":memory:" for tests; a SQLite path (WAL mode); or a PostgreSQL URL
  // (postgresql://… or postgres://…). Runs the schema steps the database
  // lacks (app/server/schema.hpp).
  static app::Result<std::unique_ptr<ServerStore>> open(const std::string& location);

  app::Result<CommunityRow> create_community(const app::Id& uid, std::string_view name, std::string_view city);
  std::optional<CommunityRow> community(std::int64_t id);
  std::optional<CommunityRow> find_community(std::string_view name_or_uid);
  std::vector<CommunityRow> communities();

  app::Status put_staff(const StaffRow& s);  // insert or replace by code
  std::optional<StaffRow> find_staff(std::string_view code);
  // A new PIN (admin reset-pin), in one transaction: the code's tokens are
  // revoked (a PIN is reset because it leaked), its enrolment block lifted and
  // its failed sign-ins forgotten. Returns how many tokens were revoked.
  app::Result<std::size_t> set_pin(std::string_view code, std::string_view salt, std::string_view pin_hash);
  // The same PIN hashed anew (an old SHA-256 row signed in): stored only if
  // the row still holds `old_hash`, so a reset made meanwhile is not undone.
  app::Status upgrade_pin_hash(std::string_view code, std::string_view old_hash, std::string_view new_hash);

  app::Status add_device(std::string_view token_hash, const DeviceRow& d, std::int64_t now_ms);
  std::optional<DeviceRow> find_device(std::string_view token_hash);
  // A token was used: its last use is now (expiry counts from it).
  app::Status touch_device(std::string_view token_hash, std::int64_t now_ms);
  // Whether this device id has held a token for this staff code (and it was not revoked since).
  bool device_known(std::string_view staff_code, const app::Id& device);
  // A lost tablet or a staff member who left: every token of that code stops
  // working, and the code cannot enrol again until reset-pin sets a new PIN
  // (whoever has the tablet may know the PIN too). The tablets' tokens and
  // device ids go into revoked_devices, so at its next contact each tablet is
  // told device_revoked and wipes its store (reset-pin and expiry end tokens
  // without that: a forgotten PIN is no lost tablet). Enrolment is not
  // refused by device: a tablet found again enrols with the new PIN that
  // reset-pin sets, keeping what it recorded meanwhile.
  app::Result<std::size_t> revoke_devices(std::string_view staff_code, std::int64_t now_ms);
  // revoked_devices is bounded: rows older than a year go, and past this many the oldest.
  static constexpr std::int64_t kRevokedKeepMs = 365LL * 24 * 60 * 60 * 1000;
  static constexpr std::size_t kRevokedMaxRows = 100000;
  bool token_revoked(std::string_view token_hash);  // a token revoke-devices ended
  std::int64_t revoked_count();
  // A tablet's ordinal in its community (T3-0042's 3): the one this device id
  // was given before, else the next free one. Numbers belong to the device
  // id, not to a token, and are never given again: a revoked tablet's
  // records carry its number for good.
  app::Result<std::int64_t> tablet_no(std::int64_t community, const app::Id& device);
  // The tablet's recovery key in its community: the one given before, else
  // `fresh` (random, from the caller) kept from now on. Stable across
  // enrolments, so a tablet whose tablet PINs were all used up can open the
  // copy of its data key it wrapped with it (README: tablet lock).
  app::Result<std::string> recovery_key(std::int64_t community, const app::Id& device, const std::string& fresh);

  // All in one transaction: either every op is stored (or was already) or none.
  // Returns how many were new. The photos new ops name are recorded with
  // them (what keeps a photo from the sweep). With a `charge`, the new ops
  // count towards the day's and a push over the limit stores nothing
  // (error kQuotaOps); the server's own writes (admin) are not charged.
  app::Result<std::size_t> insert_ops(std::int64_t community,
                                      const std::vector<std::pair<app::Id, std::string_view>>& ops,
                                      const QuotaCharge* charge = nullptr);
  // Ops after `cursor` in commit order. Those in `skip` (the ops the caller
  // has just pushed: it holds them) are passed over but still move the cursor.
  app::Result<OpsPage> ops_after(std::int64_t community, std::int64_t cursor, std::size_t max_ops,
                                 std::size_t max_bytes, const std::unordered_set<app::Id, app::IdHash>* skip = nullptr);
  app::Result<std::vector<std::string>> all_records(std::int64_t community);
  bool has_op(std::int64_t community, const app::Id& op_id);
  // The record stored under op_id, to tell a re-sent op from a different one
  // under the same id.
  std::optional<std::string> stored_record(std::int64_t community, const app::Id& op_id);

  // Who has signed in on which tablet (app/server/store_people.cpp): the
  // record that lets one person's tablet send what another recorded on it
  // before (a shared tablet, a restored backup). Kept when tokens go.
  app::Status record_device_user(std::int64_t community, const app::Id& device, const app::Id& staff, std::int64_t now_ms);
  bool used_device(std::int64_t community, const app::Id& device, const app::Id& staff);
  // A staff member by their entity id in the community's ops.
  std::optional<StaffRow> find_staff_by_id(std::int64_t community, const app::Id& staff);
  // A role given by an accepted staff_set op: the server's own table follows.
  app::Status set_staff_role(std::int64_t community, const app::Id& staff, std::int64_t role);
  std::int64_t op_count(std::int64_t community);  // -1: every community

  // Photos (app/server/store_blobs.cpp). A blob stored already is ok and
  // not counted again; a new one over `charge`'s limits is refused
  // (kQuotaBlobs, kQuotaStorage) and not stored.
  app::Status put_blob(std::int64_t community, std::string_view sha, std::string_view bytes, std::int64_t now_ms,
                       const QuotaCharge* charge = nullptr);
  std::optional<std::string> get_blob(std::int64_t community, std::string_view sha);
  std::int64_t blob_count();
  QuotaUsage usage(std::int64_t community, std::int64_t day);
  // Removes the photos stored before `now_ms - grace_ms` that no stored op
  // names (at most `max_blobs` in one go), and day counters older than a week.
  app::Result<BlobSweep> collect_blobs(std::int64_t now_ms, std::int64_t grace_ms, std::int64_t max_blobs = 10000);

  Db& db() { return *db_; }
  // `body` under the store's lock inside a write transaction (rolled back
  // unless it returns ok): a read-then-write no other thread or process
  // splits. With `community`, PostgreSQL excludes only that community's
  // writers (its row lock); without, every writer (app/server/db.hpp).
  app::Status in_transaction(const std::function<app::Status(Db&)>& body,
                             std::optional<std::int64_t> community = std::nullopt);
  // `body` inside one read transaction on a reader (SQLite: WAL; PostgreSQL:
  // REPEATABLE READ): every statement sees the same snapshot, and pushes
  // commit meanwhile (exports). Without readers (":memory:") on the writer,
  // under its lock.
  app::Status in_read_snapshot(const std::function<app::Status(Db&)>& body);

 private:
  ServerStore(std::unique_ptr<Db> db, const std::string& location) : db_(std::move(db)), readers_(location) {}

  // The writer's lock. While a thread holds it, that thread's reads go
  // through the writer as well: they must see its open transaction.
  class WriterLock {
   public:
    explicit WriterLock(ServerStore& s) : lock_(s.mu_) { ++held_; }
    ~WriterLock() { --held_; }
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

   private:
    std::lock_guard<std::recursive_mutex> lock_;
  };
  // `read(Db&)` on a reader of its own (WAL: no wait for the writer's lock);
  // on the writer under its lock when there are no readers (":memory:") or
  // this thread holds the writer.
  template <class F>
  auto reading(F&& read) {
    if (held_ == 0) {
      if (ReadPool::Lease r = readers_.lease()) return read(r.db());
    }
    WriterLock lock(*this);
    return read(*db_);
  }

  app::Result<OpsPage> ops_after_on(Db& db, std::int64_t community, std::int64_t cursor, std::size_t max_ops,
                                    std::size_t max_bytes, const std::unordered_set<app::Id, app::IdHash>* skip);
  // Inside insert_ops' transaction: the day's count.
  app::Status charge_ops(std::int64_t community, std::size_t fresh, const QuotaCharge& charge);
  std::unique_ptr<Db> db_;
  std::recursive_mutex mu_;  // one writer connection, many HTTP threads
  ReadPool readers_;
  static thread_local int held_;  // WriterLocks this thread holds
};

}  // namespace server
