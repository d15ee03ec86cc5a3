#pragma once
// The server's one SQLite file (WAL): communities, staff credentials, enrolled
// devices, the op log of every community, photo blobs, and failed sign-ins
// (app/server/sign_in.hpp: in the database, so servers sharing it share them).
//
// The sync cursor is `cseq`, the op's number within its community: a global
// number would tell one community's tablets how busy the others are. Each is
// given max+1 inside the inserting transaction; SQLite has a single writer
// and commits atomically, so cseq order is commit order and a reader never
// sees cseq 10 before cseq 9 (PostgreSQL, later, will need more care).
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
#include "app/server/sqlite_db.hpp"

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

struct OpsPage {
  std::vector<std::string> records;
  std::int64_t cursor = 0;
  bool more = false;
};

class ServerStore {
 public:
  // ":memory:" for tests; a path otherwise (WAL mode).
  static app::Result<std::unique_ptr<ServerStore>> open(const std::string& path);

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
  // (whoever has the tablet may know the PIN too).
  app::Result<std::size_t> revoke_devices(std::string_view staff_code);
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
  // Returns how many were new.
  app::Result<std::size_t> insert_ops(std::int64_t community,
                                      const std::vector<std::pair<app::Id, std::string_view>>& ops);
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

  app::Status put_blob(std::int64_t community, std::string_view sha, std::string_view bytes);
  std::optional<std::string> get_blob(std::int64_t community, std::string_view sha);
  std::int64_t blob_count();

  Db& db() { return *db_; }
  // `body` under the store's lock inside BEGIN IMMEDIATE … COMMIT (rolled back
  // unless it returns ok): a read-then-write no other thread or process splits.
  app::Status in_transaction(const std::function<app::Status(Db&)>& body);

 private:
  explicit ServerStore(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  app::Status migrate();
  // `then`: SQL run once, right after the column is added (fills it in older rows).
  app::Status add_column_if_missing(std::string_view table, std::string_view column, std::string_view type,
                                    std::string_view then = {});
  app::Status migrate_device_users();
  app::Status migrate_community_cursor();
  std::unique_ptr<Db> db_;
  std::recursive_mutex mu_;  // one connection, many HTTP threads
};

}  // namespace server
