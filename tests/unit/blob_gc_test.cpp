// Photos no stored record names are removed a day after their upload
// (issue 20): uploading photos nothing refers to cannot fill a community's
// storage for good. A record names its photo whether it comes before the
// upload (the tablet's order) or after it; an older database learns which
// photos its stored records name once, when it is opened.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "app/server/server_ports.hpp"
#include "app/server/db.hpp"
#include "quota_fixture.hpp"
#include "test_db.hpp"

using namespace app;
using quota_fixture::Server;
using quota_fixture::Tablet;

namespace {

constexpr std::int64_t kHourMs = 60LL * 60 * 1000;

}  // namespace

TEST_CASE("the sweep keeps named and young photos and removes one no record names a day after upload") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  const std::string named_first = "photo named before its upload", named_later = "photo named after its upload";
  const std::string orphan = "photo nothing names", young = "photo uploaded late, nothing names yet";
  const std::int64_t t0 = s.clock.now;

  REQUIRE(s.push(t, {s.photo_op(t, sha256_hex(named_first))}).status == 200);
  REQUIRE(s.put(t, named_first).status == 200);
  REQUIRE(s.put(t, named_later).status == 200);
  REQUIRE(s.put(t, orphan).status == 200);
  s.clock.now = t0 + 12 * kHourMs;
  REQUIRE(s.push(t, {s.photo_op(t, sha256_hex(named_later))}).status == 200);
  s.clock.now = t0 + 23 * kHourMs;
  REQUIRE(s.put(t, young).status == 200);
  CHECK(s.store->usage(t.community, server::quota_day(s.clock.now)).blob_count == 4);

  // A day and an hour after the first uploads: a request sweeps (at most every 10 minutes).
  s.clock.now = t0 + 25 * kHourMs;
  REQUIRE(s.push(t, {}).status == 200);
  CHECK(s.get_status(t, named_first) == 200);
  CHECK(s.get_status(t, named_later) == 200);
  CHECK(s.get_status(t, orphan) == 404);
  CHECK(s.get_status(t, young) == 200);
  const server::QuotaUsage after = s.store->usage(t.community, server::quota_day(s.clock.now));
  CHECK(after.blob_count == 3);
  CHECK(after.blob_bytes_total ==
        static_cast<std::int64_t>(named_first.size() + named_later.size() + young.size()));

  // A day after its upload the young one is not older than a day yet; five
  // minutes on it is, but requests sweep at most every ten minutes.
  s.clock.now = t0 + 47 * kHourMs;
  REQUIRE(s.push(t, {}).status == 200);
  CHECK(s.get_status(t, young) == 200);
  s.clock.now = t0 + 47 * kHourMs + 5 * 60 * 1000;
  REQUIRE(s.push(t, {}).status == 200);
  CHECK(s.get_status(t, young) == 200);
  s.clock.now = t0 + 47 * kHourMs + 11 * 60 * 1000;
  REQUIRE(s.push(t, {}).status == 200);
  CHECK(s.get_status(t, young) == 404);
  CHECK(s.get_status(t, named_first) == 200);
  CHECK(s.store->blob_count() == 2);
}

TEST_CASE("a photo named only in another community is swept in its own") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  const Tablet other = s.enroll("XF001", Id{7, 2});
  const std::string photo = "the same photo in two communities";
  REQUIRE(s.push(other, {s.photo_op(other, sha256_hex(photo))}).status == 200);
  REQUIRE(s.put(t, photo).status == 200);
  REQUIRE(s.put(other, photo).status == 200);
  auto swept = s.store->collect_blobs(s.clock.now + server::kDayMs + 1, server::kDayMs);
  REQUIRE(swept.ok());
  CHECK(swept.value().blobs == 1);
  CHECK(s.get_status(t, photo) == 404);
  CHECK(s.get_status(other, photo) == 200);
}

TEST_CASE("butler-server admin gc-blobs removes the photos no record names") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  // The admin command runs on the real clock: these uploads are two days old by it.
  s.clock.now = server::SystemClock().now_ms() - 2 * server::kDayMs;
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  REQUIRE(s.push(t, {s.photo_op(t, sha256_hex("kept"))}).status == 200);
  REQUIRE(s.put(t, "kept").status == 200);
  REQUIRE(s.put(t, "orphan").status == 200);
  s.admin({"gc-blobs"});
  CHECK(s.store->blob_count() == 1);
  CHECK(s.store->get_blob(t.community, sha256_hex("kept")));
  CHECK_FALSE(s.store->get_blob(t.community, sha256_hex("orphan")));
}

TEST_CASE("an older database learns once which photos its stored records name") {
  const auto path = std::filesystem::temp_directory_path() / ("butler-blobs-" + std::to_string(::getpid()) + ".sqlite");
  std::filesystem::remove(path);
  fakes::Random random{3};
  Op named;
  named.op_id = Id::random(random);
  named.device_id = Id{7, 1};
  named.actor = Id::random(random);
  named.hlc = {1790000000000, 0};
  named.entity = Id::random(random);
  named.kind = OpKind::photo_added;
  named.payload.set(F::parent, Id::random(random).to_hex()).set(F::photo, sha256_hex("kept")).set(F::taken_ms, 1790000000000);
  {
    // The schema before quotas: blobs without an upload time, no references, no counters.
    auto db = server::Db::open(path.string());
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec(R"SQL(
      CREATE TABLE communities(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
      CREATE TABLE ops(seq INTEGER PRIMARY KEY AUTOINCREMENT, community INTEGER NOT NULL REFERENCES communities(id),
        op_id BLOB NOT NULL, record BLOB NOT NULL, UNIQUE(community, op_id));
      CREATE TABLE blobs(community INTEGER NOT NULL REFERENCES communities(id), sha256 TEXT NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY(community, sha256));
      INSERT INTO communities(id, uid, name, city) VALUES(1, '01', '翠苑', '宁波市');
      INSERT INTO ops(community, op_id, record) VALUES(1, x'01', 'not a record at all');
    )SQL").ok());
    server::Stmt op(*db.value(), "INSERT INTO ops(community, op_id, record) VALUES(1, x'02', ?)");
    op.bind_blob(1, encode_op(named)).step();
    REQUIRE_FALSE(op.failed());
    server::Stmt blob(*db.value(), "INSERT INTO blobs(community, sha256, data) VALUES(1, ?, ?)");
    for (const std::string bytes : {"kept", "orphan"}) {
      blob.reset();
      blob.bind(1, sha256_hex(bytes)).bind_blob(2, bytes).step();
      REQUIRE_FALSE(blob.failed());
    }
  }
  const std::int64_t upgraded = server::SystemClock().now_ms();
  for (int open = 0; open < 2; ++open) {  // a second start changes nothing
    auto store = server::ServerStore::open(path.string());
    REQUIRE(store.ok());
    const server::QuotaUsage u = store.value()->usage(1, server::quota_day(upgraded));
    CHECK(u.blob_count == 2);
    CHECK(u.blob_bytes_total == 10);
    // Counted as uploaded at the upgrade: a day's grace for each.
    CHECK(store.value()->collect_blobs(upgraded + server::kDayMs - 60 * 1000, server::kDayMs).value().blobs == 0);
  }
  {
    auto store = std::move(server::ServerStore::open(path.string())).value();
    CHECK(store->collect_blobs(upgraded + server::kDayMs + 60 * 1000, server::kDayMs).value().blobs == 1);
    CHECK(store->get_blob(1, sha256_hex("kept")));
    CHECK_FALSE(store->get_blob(1, sha256_hex("orphan")));
    CHECK(store->usage(1, server::quota_day(upgraded)).blob_count == 1);
    CHECK(store->usage(1, server::quota_day(upgraded)).blob_bytes_total == 4);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}
