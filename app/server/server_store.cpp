#include "app/server/server_store.hpp"

#include "app/server/id_blob.hpp"
#include "app/server/schema.hpp"

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

app::Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::string& location) {
  auto db = Db::open(location);
  if (!db.ok()) return db.error();
  if (db.value()->engine() == Engine::sqlite) {
    // WAL: readers (pulls, exports) never wait for the writer (pushes).
    // synchronous=FULL: an ack must mean stored. With NORMAL a power cut could
    // lose the last commits after the tablets had dropped them from their outbox.
    // Per connection (WAL stays once set), so not a schema step.
    app::Status s = db.value()->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (!s.ok()) return s.error();
  }
  if (app::Status s = migrate_schema(*db.value()); !s.ok()) return s.error();
  return std::unique_ptr<ServerStore>(new ServerStore(std::move(db).value(), location));
}

app::Status ServerStore::in_transaction(const std::function<app::Status(Db&)>& body,
                                        std::optional<std::int64_t> community) {
  WriterLock lock(*this);
  Transaction tx(*db_, community);
  if (!tx.began()) return db_->error("begin");
  if (app::Status s = body(*db_); !s.ok()) return s;  // rolled back
  return tx.commit();
}

app::Status ServerStore::in_read_snapshot(const std::function<app::Status(Db&)>& body) {
  return reading([&](Db& db) -> app::Status {
    // Inside the writer's own transaction (no readers) that one is the snapshot.
    if (db.in_transaction()) return body(db);
    if (app::Status s = begin_read_snapshot(db); !s.ok()) return s;
    app::Status s = body(db);
    (void)db.exec(s.ok() ? "COMMIT" : "ROLLBACK");  // a read transaction: nothing to lose
    return s;
  });
}

app::Result<CommunityRow> ServerStore::create_community(const app::Id& uid, std::string_view name, std::string_view city) {
  WriterLock lock(*this);
  Stmt s(*db_, "INSERT INTO communities(uid, name, city) VALUES(?,?,?) RETURNING id");
  if (!s.bind(1, uid.to_hex()).bind(2, name).bind(3, city).step()) return s.failed() ? s.error() : db_->error("community");
  return CommunityRow{s.integer(0), uid, std::string(name), std::string(city)};
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
  Stmt s(*db_,
         "INSERT INTO staff(code, community, staff_id, role, salt, pin_hash, enrol_blocked) VALUES(?,?,?,?,?,?,?) "
         "ON CONFLICT(code) DO UPDATE SET community=excluded.community, staff_id=excluded.staff_id, "
         "role=excluded.role, salt=excluded.salt, pin_hash=excluded.pin_hash, enrol_blocked=excluded.enrol_blocked");
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
    if (s.changes() == 0) return app::Error{"unknown_staff", "no staff with code " + std::string(code)};
    Stmt devices(db, "DELETE FROM devices WHERE staff_code=?");
    devices.bind(1, code).step();
    if (devices.failed()) return devices.error();
    revoked = static_cast<std::size_t>(devices.changes());
    // Its failed tries were against the old PIN: the owner starts afresh.
    // (A device subject is the code, a newline, the device id.)
    const std::string prefix = std::string(code) + '\n';
    Stmt tries(db, "DELETE FROM sign_in_failures WHERE (scope='code' AND subject=?1) OR "
                         "(scope='device' AND substr(subject, 1, ?2) = ?3)");
    tries.bind(1, code).bind(2, static_cast<std::int64_t>(prefix.size())).bind(3, prefix).step();
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
  // A write transaction of the community: the look-up and the insert are
  // not interleaved with another's (another thread, or another instance).
  std::int64_t number = 0;
  app::Status s = in_transaction(
      [&](Db& db) -> app::Status {
        Stmt known(db, kKnown);
        if (known.bind(1, community).bind(2, hex).step()) {
          number = known.integer(0);
          return app::ok_status();
        }
        if (known.failed()) return known.error();
        Stmt next(db,
                  "INSERT INTO tablet_numbers(community, device_id, tablet_no) "
                  "SELECT CAST(?1 AS BIGINT), ?2, COALESCE(MAX(tablet_no), 0) + 1 FROM tablet_numbers WHERE community=?1 "
                  "RETURNING tablet_no");
        if (!next.bind(1, community).bind(2, hex).step()) return next.failed() ? next.error() : db.error("tablet number");
        number = next.integer(0);
        return app::ok_status();
      },
      community);
  if (!s.ok()) return s.error();
  return number;
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
    if (block.changes() == 0) return app::Error{"unknown_staff", "no staff with code " + std::string(staff_code)};
    // The tablets' tokens are remembered (the office page's sign-in has no
    // store to wipe), so each one's next request tells it to wipe itself.
    Stmt remember(db, "INSERT INTO revoked_devices(token_hash, device_id, at_ms) "
                            "SELECT token_hash, device_id, CAST(?2 AS BIGINT) FROM devices WHERE staff_code=?1 AND office=0 "
                            "ON CONFLICT(token_hash) DO UPDATE SET device_id=excluded.device_id, at_ms=excluded.at_ms");
    remember.bind(1, staff_code).bind(2, now_ms).step();
    if (remember.failed()) return remember.error();
    // Bounded: a year's revocations, and never more than kRevokedMaxRows (the newest).
    Stmt old(db, "DELETE FROM revoked_devices WHERE at_ms < ?");
    old.bind(1, now_ms - kRevokedKeepMs).step();
    if (old.failed()) return old.error();
    Stmt excess(db, "DELETE FROM revoked_devices WHERE token_hash IN "
                          "(SELECT token_hash FROM revoked_devices ORDER BY at_ms DESC, token_hash "
                          "LIMIT 9223372036854775807 OFFSET ?)");  // "no limit" both engines read
    excess.bind(1, static_cast<std::int64_t>(kRevokedMaxRows)).step();
    if (excess.failed()) return excess.error();
    Stmt s(db, "DELETE FROM devices WHERE staff_code=?");
    s.bind(1, staff_code).step();
    if (s.failed()) return s.error();
    revoked = static_cast<std::size_t>(s.changes());
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
  Transaction tx(*db_, community);  // PostgreSQL: the community's row lock keeps cseq in commit order
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
    if (s.changes() == 0) continue;  // stored already
    ++fresh;
    if (app::Status named = record_blob_names(*db_, community, record); !named.ok()) return named.error();
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
