#include "app/server/schema.hpp"

#include <string>

namespace server {
namespace {

// ---- SQLite ---------------------------------------------------------------
// Every SQLite step is idempotent (IF NOT EXISTS, a column added only when
// missing): a database made before schema_version existed is at "0" with any
// mix of what the steps add, and all of them run on it.

app::Status add_column_if_missing(Db& db, std::string_view table, std::string_view column, std::string_view type,
                                  std::string_view then = {}) {
  // SQLite has no ADD COLUMN IF NOT EXISTS.
  Stmt info(db, "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
  if (info.bind(1, table).bind(2, column).step()) return app::ok_status();
  if (info.failed()) return info.error();
  app::Status s =
      db.exec("ALTER TABLE " + std::string(table) + " ADD COLUMN " + std::string(column) + " " + std::string(type));
  if (!s.ok() || then.empty()) return s;
  return db.exec(then);  // run once, right after the column is added (fills it in older rows)
}

bool has_table(Db& db, std::string_view name) {
  Stmt s(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  return s.bind(1, name).step();
}

app::Status sqlite_base(Db& db) {
  return db.exec(R"SQL(
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
}

app::Status sqlite_device_users(Db& db) {
  // Filled from the enrolments of a database made before the table, so a
  // tablet's unsent records by its earlier user still go through.
  return db.exec(R"SQL(
    CREATE TABLE IF NOT EXISTS device_users(
      community INTEGER NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, staff_id TEXT NOT NULL,
      first_ms INTEGER NOT NULL, PRIMARY KEY(community, device_id, staff_id));
    INSERT OR IGNORE INTO device_users(community, device_id, staff_id, first_ms)
      SELECT d.community, d.device_id, s.staff_id, d.enrolled_ms FROM devices d JOIN staff s ON s.code = d.staff_code;
  )SQL");
}

app::Status sqlite_community_cursor(Db& db) {
  // An older database numbered ops across communities (seq). Its ops keep
  // their number as cseq, so a tablet's cursor stays valid, and new ones go
  // on from the community's highest: nothing is pulled twice or missed.
  if (app::Status s = add_column_if_missing(db, "ops", "cseq", "INTEGER"); !s.ok()) return s;
  return db.exec(R"SQL(
    UPDATE ops SET cseq = seq WHERE cseq IS NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS ops_by_cseq ON ops(community, cseq);
  )SQL");
}

app::Status sqlite_office_and_enrol_block(Db& db) {
  if (app::Status s = add_column_if_missing(db, "devices", "office", "INTEGER NOT NULL DEFAULT 0"); !s.ok()) return s;
  return add_column_if_missing(db, "staff", "enrol_blocked", "INTEGER NOT NULL DEFAULT 0");
}

app::Status sqlite_blobs(Db& db) {
  const bool refs_existed = has_table(db, "blob_refs");
  const bool totals_existed = has_table(db, "quota_totals");
  // Photos stored before the sweep existed count as uploaded at the upgrade:
  // each gets a day for an op to name it, like a new one.
  app::Status s = add_column_if_missing(db, "blobs", "stored_ms", "INTEGER NOT NULL DEFAULT 0",
                                        "UPDATE blobs SET stored_ms = CAST(strftime('%s','now') AS INTEGER) * 1000");
  if (!s.ok()) return s;
  if (s = add_column_if_missing(db, "blobs", "named", "INTEGER NOT NULL DEFAULT 0"); !s.ok()) return s;
  // named: 1 once a stored op names the blob. The sweep reads only the
  // unnamed ones (the partial index), however many photos are kept.
  s = db.exec(R"SQL(
    CREATE INDEX IF NOT EXISTS blobs_unnamed ON blobs(stored_ms) WHERE named=0;
    CREATE TABLE IF NOT EXISTS blob_refs(
      community INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY(community, sha256)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS quota_days(
      community INTEGER NOT NULL, day INTEGER NOT NULL, ops INTEGER NOT NULL DEFAULT 0,
      blob_bytes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(community, day)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS quota_totals(
      community INTEGER PRIMARY KEY, blob_bytes INTEGER NOT NULL DEFAULT 0, blob_count INTEGER NOT NULL DEFAULT 0);
  )SQL");
  if (!s.ok()) return s;
  if (!refs_existed) {
    // Once: the photos the ops stored so far name, so none of them is swept.
    Stmt ops(db, "SELECT community, record FROM ops");
    while (ops.step()) {
      if (s = record_blob_names(db, ops.integer(0), ops.blob(1)); !s.ok()) return s;
    }
    if (ops.failed()) return ops.error();
  }
  if (totals_existed) return app::ok_status();
  return db.exec(R"SQL(
    INSERT OR REPLACE INTO quota_totals(community, blob_bytes, blob_count)
      SELECT community, SUM(length(data)), COUNT(*) FROM blobs GROUP BY community;
  )SQL");
}

app::Status sqlite_token_expiry(Db& db) {
  // Tokens handed out before expiry existed count as used at the upgrade:
  // a tablet that synced yesterday is not signed out by it.
  return add_column_if_missing(db, "devices", "last_used_ms", "INTEGER NOT NULL DEFAULT 0",
                               "UPDATE devices SET last_used_ms = MAX(enrolled_ms, CAST(strftime('%s','now') AS INTEGER) * 1000)");
}

// ---- PostgreSQL -----------------------------------------------------------
// The schema SQLite reached by steps 1-6, in one: a PostgreSQL database
// starts at this version. Integers are BIGINT (SQLite's INTEGER is 64-bit).

app::Status postgres_base(Db& db) {
  return db.exec(R"SQL(
    CREATE TABLE communities(
      id BIGSERIAL PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
    CREATE TABLE staff(
      code TEXT PRIMARY KEY, community BIGINT NOT NULL REFERENCES communities(id),
      staff_id TEXT NOT NULL, role BIGINT NOT NULL, salt TEXT NOT NULL, pin_hash TEXT NOT NULL,
      enrol_blocked BIGINT NOT NULL DEFAULT 0);
    CREATE TABLE devices(
      token_hash TEXT PRIMARY KEY, community BIGINT NOT NULL REFERENCES communities(id),
      staff_code TEXT NOT NULL, device_id TEXT NOT NULL, role BIGINT NOT NULL, enrolled_ms BIGINT NOT NULL,
      office BIGINT NOT NULL DEFAULT 0, last_used_ms BIGINT NOT NULL DEFAULT 0);
    CREATE INDEX devices_by_staff ON devices(staff_code, device_id);
    -- cseq: the op's number in its community, given under the community's
    -- row lock (app/server/sql_dialect.cpp says why).
    CREATE TABLE ops(
      community BIGINT NOT NULL REFERENCES communities(id), cseq BIGINT NOT NULL,
      op_id BYTEA NOT NULL, record BYTEA NOT NULL, PRIMARY KEY(community, cseq), UNIQUE(community, op_id));
    -- Photos in the database: one backup holds everything, and every server
    -- instance reads what another stored (README: PostgreSQL). JPEG does not
    -- compress: EXTERNAL keeps TOAST from trying.
    CREATE TABLE blobs(
      community BIGINT NOT NULL REFERENCES communities(id), sha256 TEXT NOT NULL, data BYTEA NOT NULL,
      stored_ms BIGINT NOT NULL DEFAULT 0, named BIGINT NOT NULL DEFAULT 0, PRIMARY KEY(community, sha256));
    ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL;
    CREATE INDEX blobs_unnamed ON blobs(stored_ms) WHERE named=0;
    CREATE TABLE blob_refs(community BIGINT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY(community, sha256));
    CREATE TABLE quota_days(
      community BIGINT NOT NULL, day BIGINT NOT NULL, ops BIGINT NOT NULL DEFAULT 0,
      blob_bytes BIGINT NOT NULL DEFAULT 0, PRIMARY KEY(community, day));
    CREATE TABLE quota_totals(
      community BIGINT PRIMARY KEY, blob_bytes BIGINT NOT NULL DEFAULT 0, blob_count BIGINT NOT NULL DEFAULT 0);
    CREATE TABLE tablet_numbers(
      community BIGINT NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, tablet_no BIGINT NOT NULL,
      PRIMARY KEY(community, device_id), UNIQUE(community, tablet_no));
    CREATE TABLE tablet_recovery_keys(
      community BIGINT NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, recovery_key TEXT NOT NULL,
      PRIMARY KEY(community, device_id));
    -- Sign-in throttling lives here, not in a server's memory: every
    -- instance counts the same failures (app/server/sign_in.cpp).
    CREATE TABLE sign_in_failures(
      scope TEXT NOT NULL, subject TEXT NOT NULL, failures BIGINT NOT NULL, first_ms BIGINT NOT NULL,
      PRIMARY KEY(scope, subject));
    CREATE INDEX sign_in_failures_by_age ON sign_in_failures(first_ms);
    CREATE TABLE revoked_devices(token_hash TEXT PRIMARY KEY, device_id TEXT NOT NULL, at_ms BIGINT NOT NULL);
    CREATE INDEX revoked_devices_by_device ON revoked_devices(device_id);
    CREATE INDEX revoked_devices_by_age ON revoked_devices(at_ms);
    CREATE TABLE device_users(
      community BIGINT NOT NULL REFERENCES communities(id), device_id TEXT NOT NULL, staff_id TEXT NOT NULL,
      first_ms BIGINT NOT NULL, PRIMARY KEY(community, device_id, staff_id));
  )SQL");
}

}  // namespace

const std::vector<Migration>& migrations(Engine engine) {
  // Append only: a released step is never edited (databases have run it).
  static const std::vector<Migration> sqlite = {
      {1, "communities, staff, devices, ops, blobs, tablets, sign-in failures, revocations", sqlite_base},
      {2, "who signed in on which tablet (device_users)", sqlite_device_users},
      {3, "a cursor per community (ops.cseq)", sqlite_community_cursor},
      {4, "office sign-ins, the enrolment block", sqlite_office_and_enrol_block},
      {5, "the photo sweep and quotas", sqlite_blobs},
      {6, "token expiry (devices.last_used_ms)", sqlite_token_expiry},
  };
  static const std::vector<Migration> postgres = {
      {1, "the schema of SQLite's step 6", postgres_base},
  };
  return engine == Engine::sqlite ? sqlite : postgres;
}

int latest_schema_version(Engine engine) { return migrations(engine).back().version; }

namespace {

constexpr const char* kVersionTable = "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)";

app::Result<int> read_version(Db& db) {
  Stmt s(db, "SELECT max(version) FROM schema_version");
  const bool row = s.step();
  if (s.failed()) return s.error();
  return row ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace

app::Result<int> schema_version(Db& db) {
  if (app::Status s = db.exec(kVersionTable); !s.ok()) return s.error();
  return read_version(db);
}

app::Status migrate_schema(Db& db, int target) {
  const std::vector<Migration>& steps = migrations(db.engine());
  const int latest = steps.back().version;
  if (target < 0) target = latest;
  for (;;) {
    // One step a transaction, its version with it. The transaction excludes
    // every other writer (PostgreSQL: instances starting together take
    // turns, and the second finds the first's steps done).
    Transaction tx(db);
    if (!tx.began()) return db.error("begin");
    if (app::Status s = db.exec(kVersionTable); !s.ok()) return s;
    auto at = read_version(db);
    if (!at.ok()) return at.error();
    if (at.value() > latest) {
      return app::Error{"schema_newer", "the database is at schema version " + std::to_string(at.value()) +
                                            ", newer than this butler-server knows (" + std::to_string(latest) +
                                            "): run a newer butler-server"};
    }
    if (at.value() >= target) return app::ok_status();
    const Migration& step = steps[static_cast<std::size_t>(at.value())];  // versions are 1, 2, … in order
    if (app::Status s = step.run(db); !s.ok()) {
      return app::Error{s.error().code, "schema step " + std::to_string(step.version) + " (" + step.what +
                                            "): " + s.error().message};
    }
    if (app::Status s = db.exec("DELETE FROM schema_version"); !s.ok()) return s;
    Stmt set(db, "INSERT INTO schema_version(version) VALUES(?)");
    set.bind(1, std::int64_t{step.version}).step();
    if (set.failed()) return set.error();
    if (app::Status s = tx.commit(); !s.ok()) return s;
  }
}

}  // namespace server
