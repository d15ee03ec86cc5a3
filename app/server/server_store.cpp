#include "app/server/server_store.hpp"

#include "app/server/id_blob.hpp"

namespace server {

thread_local int ServerStore::held_ = 0;

namespace {

CommunityRow community_of(const Stmt& s) {
  CommunityRow c;
  c.id = s.integer(0);
  app::Id::from_hex(s.text(1), &c.uid);
  c.name = s.text(2);
  c.city = s.text(3);
  return c;
}

}  // namespace

app::Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::string& path) {
  auto db = Db::open(path);
  if (!db.ok()) return db.error();
  std::unique_ptr<ServerStore> store(new ServerStore(std::move(db).value(), path));
  if (app::Status s = store->migrate(); !s.ok()) return s.error();
  return store;
}

app::Status ServerStore::migrate() {
  // WAL: readers (pulls, exports) never wait for the writer (pushes).
  // synchronous=FULL: an ack must mean stored. With NORMAL a power cut could
  // lose the last commits after the tablets had dropped them from their outbox.
  // Tables and columns added later are added to an older database here.
  app::Status s = db_->exec(R"SQL(
    PRAGMA journal_mode=WAL;
    PRAGMA synchronous=FULL;
    PRAGMA foreign_keys=ON;
    CREATE TABLE IF NOT EXISTS communities(
      id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS staff(
      code TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
      staff_id TEXT NOT NULL, role INTEGER NOT NULL, salt TEXT NOT NULL, pin_hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS devices(
      token_hash TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
      staff_code TEXT NOT NULL, device_id TEXT NOT NULL, role INTEGER NOT NULL, enrolled_ms INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS ops(
      seq INTEGER PRIMARY KEY AUTOINCREMENT, community INTEGER NOT NULL REFERENCES communities(id),
      op_id BLOB NOT NULL, record BLOB NOT NULL, UNIQUE(community, op_id));
    CREATE INDEX IF NOT EXISTS ops_by_community ON ops(community, seq);
    CREATE TABLE IF NOT EXISTS blobs(
      community INTEGER NOT NULL REFERENCES communities(id), sha256 TEXT NOT NULL, data BLOB NOT NULL,
      PRIMARY KEY(community, sha256));
    CREATE TABLE IF NOT EXISTS tablet_numbers(
      community INTEGER NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, tablet_no INTEGER NOT NULL,
      PRIMARY KEY(community, device_id), UNIQUE(community, tablet_no));
    CREATE TABLE IF NOT EXISTS tablet_recovery_keys(
      community INTEGER NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, recovery_key TEXT NOT NULL,
      PRIMARY KEY(community, device_id));
    CREATE INDEX IF NOT EXISTS devices_by_staff ON devices(staff_code, device_id);
    -- Failed sign-ins in the current window, per scope ('device': code + device
    -- id, 'code', 'address'); app/server/sign_in.cpp keeps it bounded.
    CREATE TABLE IF NOT EXISTS sign_in_failures(
      scope TEXT NOT NULL, subject TEXT NOT NULL, failures INTEGER NOT NULL, first_ms INTEGER NOT NULL,
      PRIMARY KEY(scope, subject));
    CREATE INDEX IF NOT EXISTS sign_in_failures_by_age ON sign_in_failures(first_ms);
    -- Tablet tokens revoke-devices ended (a lost tablet): a request with one
    -- is answered device_revoked, and the tablet wipes its own store. Not
    -- reset-pin's nor expired ones: those tablets may hold unsent work.
    -- Bounded by revoke_devices (kRevokedKeepMs, kRevokedMaxRows).
    CREATE TABLE IF NOT EXISTS revoked_devices(
      token_hash TEXT PRIMARY KEY, device_id TEXT NOT NULL, at_ms INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS revoked_devices_by_device ON revoked_devices(device_id);
    CREATE INDEX IF NOT EXISTS revoked_devices_by_age ON revoked_devices(at_ms);
  )SQL");
  if (!s.ok()) return s;
  if (s = migrate_device_users(); !s.ok()) return s;
  if (s = migrate_community_cursor(); !s.ok()) return s;
  if (s = add_column_if_missing("devices", "office", "INTEGER NOT NULL DEFAULT 0"); !s.ok()) return s;
  if (s = add_column_if_missing("staff", "enrol_blocked", "INTEGER NOT NULL DEFAULT 0"); !s.ok()) return s;
  if (s = migrate_blobs(); !s.ok()) return s;
  // Tokens handed out before expiry existed count as used at the upgrade:
  // a tablet that synced yesterday is not signed out by it.
  return add_column_if_missing("devices", "last_used_ms", "INTEGER NOT NULL DEFAULT 0",
                               "UPDATE devices SET last_used_ms = MAX(enrolled_ms, CAST(strftime('%s','now') AS INTEGER) * 1000)");
}

app::Status ServerStore::add_column_if_missing(std::string_view table, std::string_view column, std::string_view type,
                                               std::string_view then) {
  // A database made before the column: SQLite has no ADD COLUMN IF NOT EXISTS.
  Stmt info(db_->raw(), "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
  if (info.bind(1, table).bind(2, column).step()) return app::ok_status();
  if (info.failed()) return info.error();
  app::Status s =
      db_->exec("ALTER TABLE " + std::string(table) + " ADD COLUMN " + std::string(column) + " " + std::string(type));
  if (!s.ok() || then.empty()) return s;
  return db_->exec(then);
}

app::Status ServerStore::in_transaction(const std::function<app::Status(Db&)>& body) {
  WriterLock lock(*this);
  Transaction tx(*db_);
  if (!tx.began()) return db_->error("begin");
  if (app::Status s = body(*db_); !s.ok()) return s;  // rolled back
  return tx.commit();
}

app::Status ServerStore::in_read_snapshot(const std::function<app::Status(Db&)>& body) {
  return reading([&](Db& db) -> app::Status {
    // Inside the writer's own transaction (no readers) that one is the snapshot.
    if (!sqlite3_get_autocommit(db.raw())) return body(db);
    if (app::Status s = db.exec("BEGIN"); !s.ok()) return s;
    app::Status s = body(db);
    (void)db.exec(s.ok() ? "COMMIT" : "ROLLBACK");  // a read transaction: nothing to lose
    return s;
  });
}

app::Status ServerStore::migrate_community_cursor() {
  // An older database numbered ops across communities (seq). Its ops keep
  // their number as cseq, so a tablet's cursor stays valid, and new ones go
  // on from the community's highest: nothing is pulled twice or missed.
  if (app::Status s = add_column_if_missing("ops", "cseq", "INTEGER"); !s.ok()) return s;
  return db_->exec(R"SQL(
    UPDATE ops SET cseq = seq WHERE cseq IS NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS ops_by_cseq ON ops(community, cseq);
  )SQL");
}

app::Result<CommunityRow> ServerStore::create_community(const app::Id& uid, std::string_view name, std::string_view city) {
  WriterLock lock(*this);
  Stmt s(*db_, "INSERT INTO communities(uid, name, city) VALUES(?,?,?)");
  s.bind(1, uid.to_hex()).bind(2, name).bind(3, city).step();
  if (s.failed()) return s.error();
  return CommunityRow{sqlite3_last_insert_rowid(db_->raw()), uid, std::string(name), std::string(city)};
}

std::optional<CommunityRow> ServerStore::community(std::int64_t id) {
  return reading([&](Db& db) -> std::optional<CommunityRow> {
    Stmt s(db, "SELECT id, uid, name, city FROM communities WHERE id=?");
    if (!s.bind(1, id).step()) return std::nullopt;
    return community_of(s);
  });
}

std::optional<CommunityRow> ServerStore::find_community(std::string_view name_or_uid) {
  WriterLock lock(*this);
  Stmt s(*db_, "SELECT id, uid, name, city FROM communities WHERE uid=? OR name=? ORDER BY id LIMIT 1");
  if (!s.bind(1, name_or_uid).bind(2, name_or_uid).step()) return std::nullopt;
  return community_of(s);
}

std::vector<CommunityRow> ServerStore::communities() {
  WriterLock lock(*this);
  std::vector<CommunityRow> out;
  Stmt s(*db_, "SELECT id, uid, name, city FROM communities ORDER BY id");
  while (s.step()) out.push_back(community_of(s));
  return out;
}

app::Status ServerStore::put_staff(const StaffRow& r) {
  WriterLock lock(*this);
  Stmt s(db_->raw(),
         "INSERT OR REPLACE INTO staff(code, community, staff_id, role, salt, pin_hash, enrol_blocked) "
         "VALUES(?,?,?,?,?,?,?)");
  s.bind(1, r.code).bind(2, r.community).bind(3, r.staff.to_hex()).bind(4, r.role).bind(5, r.salt).bind(6, r.pin_hash);
  s.bind(7, std::int64_t{r.enrol_blocked ? 1 : 0}).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

app::Result<std::size_t> ServerStore::set_pin(std::string_view code, std::string_view salt, std::string_view pin_hash) {
  std::size_t revoked = 0;
  app::Status done = in_transaction([&](Db& db) -> app::Status {
    Stmt s(db, "UPDATE staff SET salt=?, pin_hash=?, enrol_blocked=0 WHERE code=?");
    s.bind(1, salt).bind(2, pin_hash).bind(3, code).step();
    if (s.failed()) return s.error();
    if (sqlite3_changes(db.raw()) == 0) return app::Error{"unknown_staff", "no staff with code " + std::string(code)};
    Stmt devices(db, "DELETE FROM devices WHERE staff_code=?");
    devices.bind(1, code).step();
    if (devices.failed()) return devices.error();
    revoked = static_cast<std::size_t>(sqlite3_changes(db.raw()));
    // Its failed tries were against the old PIN: the owner starts afresh.
    Stmt tries(db, "DELETE FROM sign_in_failures WHERE (scope='code' AND subject=?1) OR "
                         "(scope='device' AND substr(subject, 1, length(?1) + 1) = ?1 || char(10))");
    tries.bind(1, code).step();
    return tries.failed() ? app::Status(tries.error()) : app::ok_status();
  });
  if (!done.ok()) return done.error();
  return revoked;
}

app::Status ServerStore::upgrade_pin_hash(std::string_view code, std::string_view old_hash, std::string_view new_hash) {
  WriterLock lock(*this);
  Stmt s(*db_, "UPDATE staff SET salt='', pin_hash=? WHERE code=? AND pin_hash=?");
  s.bind(1, new_hash).bind(2, code).bind(3, old_hash).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

app::Status ServerStore::add_device(std::string_view token_hash, const DeviceRow& d, std::int64_t now_ms) {
  WriterLock lock(*this);
  Stmt s(*db_,
         "INSERT INTO devices(token_hash, community, staff_code, device_id, role, enrolled_ms, office, last_used_ms) "
         "VALUES(?,?,?,?,?,?,?,?6)");
  s.bind(1, token_hash).bind(2, d.community).bind(3, d.staff_code).bind(4, d.device.to_hex()).bind(5, d.role);
  s.bind(6, now_ms).bind(7, std::int64_t{d.office ? 1 : 0}).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

std::optional<DeviceRow> ServerStore::find_device(std::string_view token_hash) {
  return reading([&](Db& db) -> std::optional<DeviceRow> {
    Stmt s(db, "SELECT community, staff_code, device_id, role, office, last_used_ms FROM devices WHERE token_hash=?");
    if (!s.bind(1, token_hash).step()) return std::nullopt;
    DeviceRow d;
    d.community = s.integer(0);
    d.staff_code = s.text(1);
    app::Id::from_hex(s.text(2), &d.device);
    d.role = s.integer(3);
    d.office = s.integer(4) != 0;
    d.last_used_ms = s.integer(5);
    return d;
  });
}

app::Status ServerStore::touch_device(std::string_view token_hash, std::int64_t now_ms) {
  WriterLock lock(*this);
  Stmt s(*db_, "UPDATE devices SET last_used_ms=? WHERE token_hash=? AND last_used_ms<?1");
  s.bind(1, now_ms).bind(2, token_hash).step();
  if (s.failed()) return s.error();
  return app::ok_status();
}

bool ServerStore::token_revoked(std::string_view token_hash) {
  return reading([&](Db& db) {
    Stmt s(db, "SELECT 1 FROM revoked_devices WHERE token_hash=?");
    return s.bind(1, token_hash).step();
  });
}

std::int64_t ServerStore::revoked_count() {
  return reading([&](Db& db) -> std::int64_t {
    Stmt s(db, "SELECT COUNT(*) FROM revoked_devices");
    return s.step() ? s.integer(0) : -1;
  });
}

bool ServerStore::device_known(std::string_view staff_code, const app::Id& device) {
  return reading([&](Db& db) {
    Stmt s(db, "SELECT 1 FROM devices WHERE staff_code=? AND device_id=? LIMIT 1");
    return s.bind(1, staff_code).bind(2, device.to_hex()).step();
  });
}

app::Result<std::int64_t> ServerStore::tablet_no(std::int64_t community, const app::Id& device) {
  const std::string hex = device.to_hex();
  constexpr const char* kKnown = "SELECT tablet_no FROM tablet_numbers WHERE community=? AND device_id=?";
  // Numbered already (every sync after the first): a reader answers.
  const std::optional<std::int64_t> given = reading([&](Db& db) -> std::optional<std::int64_t> {
    Stmt s(db, kKnown);
    if (s.bind(1, community).bind(2, hex).step()) return s.integer(0);
    return std::nullopt;
  });
  if (given) return *given;
  WriterLock lock(*this);  // one writer: the look-up and the insert are not interleaved with another's
  Stmt known(*db_, kKnown);
  if (known.bind(1, community).bind(2, hex).step()) return known.integer(0);
  if (known.failed()) return known.error();
  Stmt next(*db_,
            "INSERT INTO tablet_numbers(community, device_id, tablet_no) "
            "SELECT ?1, ?2, COALESCE(MAX(tablet_no), 0) + 1 FROM tablet_numbers WHERE community=?1");
  next.bind(1, community).bind(2, hex).step();
  if (next.failed()) return next.error();
  known.reset();  // clears the bindings too
  if (known.bind(1, community).bind(2, hex).step()) return known.integer(0);
  return known.failed() ? known.error() : db_->error("tablet number");
}

app::Result<std::string> ServerStore::recovery_key(std::int64_t community, const app::Id& device, const std::string& fresh) {
  WriterLock lock(*this);
  const std::string hex = device.to_hex();
  Stmt keep(*db_, "INSERT OR IGNORE INTO tablet_recovery_keys(community, device_id, recovery_key) VALUES(?, ?, ?)");
  keep.bind(1, community).bind(2, hex).bind(3, fresh).step();
  if (keep.failed()) return keep.error();
  Stmt known(*db_, "SELECT recovery_key FROM tablet_recovery_keys WHERE community=? AND device_id=?");
  if (known.bind(1, community).bind(2, hex).step()) return known.text(0);
  return known.failed() ? known.error() : db_->error("recovery key");
}

app::Result<std::size_t> ServerStore::revoke_devices(std::string_view staff_code, std::int64_t now_ms) {
  std::size_t revoked = 0;
  app::Status done = in_transaction([&](Db& db) -> app::Status {
    Stmt block(db, "UPDATE staff SET enrol_blocked=1 WHERE code=?");
    block.bind(1, staff_code).step();
    if (block.failed()) return block.error();
    if (sqlite3_changes(db.raw()) == 0) return app::Error{"unknown_staff", "no staff with code " + std::string(staff_code)};
    // The tablets' tokens are remembered (the office page's sign-in has no
    // store to wipe), so each one's next request tells it to wipe itself.
    Stmt remember(db, "INSERT OR REPLACE INTO revoked_devices(token_hash, device_id, at_ms) "
                            "SELECT token_hash, device_id, ?2 FROM devices WHERE staff_code=?1 AND office=0");
    remember.bind(1, staff_code).bind(2, now_ms).step();
    if (remember.failed()) return remember.error();
    // Bounded: a year's revocations, and never more than kRevokedMaxRows (the newest).
    Stmt old(db, "DELETE FROM revoked_devices WHERE at_ms < ?");
    old.bind(1, now_ms - kRevokedKeepMs).step();
    if (old.failed()) return old.error();
    Stmt excess(db, "DELETE FROM revoked_devices WHERE token_hash IN "
                          "(SELECT token_hash FROM revoked_devices ORDER BY at_ms DESC, token_hash LIMIT -1 OFFSET ?)");
    excess.bind(1, static_cast<std::int64_t>(kRevokedMaxRows)).step();
    if (excess.failed()) return excess.error();
    Stmt s(db, "DELETE FROM devices WHERE staff_code=?");
    s.bind(1, staff_code).step();
    if (s.failed()) return s.error();
    revoked = static_cast<std::size_t>(sqlite3_changes(db.raw()));
    return app::ok_status();
  });
  if (!done.ok()) return done.error();
  return revoked;
}

app::Result<std::size_t> ServerStore::insert_ops(std::int64_t community,
                                                 const std::vector<std::pair<app::Id, std::string_view>>& ops,
                                                 const QuotaCharge* charge) {
  // A poll pushes nothing: no write transaction (it would take the writer's
  // lock and SQLite's write lock for nothing, on every poll of every tablet).
  if (ops.empty()) return std::size_t{0};
  WriterLock lock(*this);
  Transaction tx(*db_);
  if (!tx.began()) return db_->error("begin");
  Stmt s(*db_,
         "INSERT OR IGNORE INTO ops(community, op_id, record, cseq) "
         "VALUES(?1, ?2, ?3, (SELECT COALESCE(MAX(cseq), 0) + 1 FROM ops WHERE community=?1))");
  if (!s.ok()) return s.error();
  std::size_t fresh = 0;
  for (const auto& [id, record] : ops) {
    s.reset();
    s.bind(1, community).bind_blob(2, id_blob(id)).bind_blob(3, record).step();
    if (s.failed()) return s.error();  // the transaction rolls back: nothing stored
    if (sqlite3_changes(db_->raw()) == 0) continue;  // stored already
    ++fresh;
    if (app::Status named = record_blob_names(community, record); !named.ok()) return named.error();
  }
  if (charge) {
    if (app::Status c = charge_ops(community, fresh, *charge); !c.ok()) return c.error();  // over: rolled back
  }
  if (app::Status c = tx.commit(); !c.ok()) return c.error();
  return fresh;
}

app::Result<OpsPage> ServerStore::ops_after(std::int64_t community, std::int64_t cursor, std::size_t max_ops,
                                            std::size_t max_bytes, const std::unordered_set<app::Id, app::IdHash>* skip) {
  return reading([&](Db& db) { return ops_after_on(db, community, cursor, max_ops, max_bytes, skip); });
}

app::Result<OpsPage> ServerStore::ops_after_on(Db& db, std::int64_t community, std::int64_t cursor, std::size_t max_ops,
                                               std::size_t max_bytes,
                                               const std::unordered_set<app::Id, app::IdHash>* skip) {
  OpsPage page;
  page.cursor = cursor;
  Stmt s(db, "SELECT cseq, op_id, record FROM ops WHERE community=? AND cseq>? ORDER BY cseq LIMIT ?");
  s.bind(1, community).bind(2, cursor).bind(3, static_cast<std::int64_t>(max_ops) + 1);
  std::size_t bytes = 0, scanned = 0;
  while (s.step()) {
    if (scanned == max_ops || (bytes > 0 && bytes + s.blob(2).size() > max_bytes)) {
      page.more = true;
      break;
    }
    ++scanned;
    page.cursor = s.integer(0);
    if (skip && !skip->empty() && skip->count(id_of_blob(s.blob(1)))) continue;
    page.records.emplace_back(s.blob(2));
    bytes += page.records.back().size();
  }
  if (s.failed()) return s.error();
  return page;
}

app::Result<std::vector<std::string>> ServerStore::all_records(std::int64_t community) {
  WriterLock lock(*this);
  std::vector<std::string> out;
  Stmt s(*db_, "SELECT record FROM ops WHERE community=? ORDER BY cseq");
  s.bind(1, community);
  while (s.step()) out.emplace_back(s.blob(0));
  if (s.failed()) return s.error();
  return out;
}

bool ServerStore::has_op(std::int64_t community, const app::Id& op_id) {
  return reading([&](Db& db) {
    Stmt s(db, "SELECT 1 FROM ops WHERE community=? AND op_id=?");
    return s.bind(1, community).bind_blob(2, id_blob(op_id)).step();
  });
}

std::int64_t ServerStore::op_count(std::int64_t community) {
  WriterLock lock(*this);
  Stmt s(*db_, community < 0 ? "SELECT count(*) FROM ops" : "SELECT count(*) FROM ops WHERE community=?");
  if (community >= 0) s.bind(1, community);
  return s.step() ? s.integer(0) : -1;
}

}  // namespace server
