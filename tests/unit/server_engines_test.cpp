// The server store on both engines (issue 21): versioned schema migrations
// from every earlier version, two server instances sharing one database (a
// push to one is pulled from the other at once; sign-in throttling counted
// in the database, not in a process), and the sync cursor staying in commit
// order while two instances push to one community at once.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "app/server/schema.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sign_in.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

// A database two stores can open: a SQLite file (":memory:" is one
// connection's own) or a fresh PostgreSQL schema.
struct SharedDb {
  std::string url;
  std::filesystem::path file;
  explicit SharedDb(const std::string& engine) {
    if (engine == "postgresql") {
      url = test_db::fresh(engine);
      return;
    }
    static int n = 0;
    file = std::filesystem::temp_directory_path() /
           ("butler-engines-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".sqlite");
    std::filesystem::remove(file);
    url = file.string();
  }
  ~SharedDb() {
    if (file.empty()) return;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ec);
  }
};

std::unique_ptr<server::ServerStore> open_store(const std::string& url) {
  auto s = server::ServerStore::open(url);
  INFO((s.ok() ? std::string() : s.error().message));
  REQUIRE(s.ok());
  return std::move(s).value();
}

server::Engine engine_of(const std::string& engine) {
  return engine == "postgresql" ? server::Engine::postgresql : server::Engine::sqlite;
}

}  // namespace

TEST_CASE("server store engines: PostgreSQL is under test when BUTLER_TEST_PG names a database") {
  if (!test_db::postgres_url()) {
    WARN("BUTLER_TEST_PG is not set: the server tests' PostgreSQL cases are skipped (scripts/test unit sets it)");
    return;
  }
  auto db = server::Db::open(test_db::postgres_url());
  INFO((db.ok() ? std::string() : db.error().message));
  REQUIRE(db.ok());
  CHECK(db.value()->engine() == server::Engine::postgresql);
}

TEST_CASE("server store migrations: a database at each earlier schema version is migrated to the latest") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  const int latest = server::latest_schema_version(engine_of(engine));
  for (int version = 0; version < latest; ++version) {
    INFO(engine << " from version " << version);
    SharedDb shared(engine);
    {
      // Made with the old steps only, as an older server left it.
      auto db = server::Db::open(shared.url);
      REQUIRE(db.ok());
      REQUIRE(server::migrate_schema(*db.value(), version).ok());
      CHECK(server::schema_version(*db.value()).value() == version);
      if (version >= 1) {
        REQUIRE(db.value()->exec("INSERT INTO communities(uid, name, city) VALUES('0a', '翠苑', '宁波市')").ok());
      }
    }
    auto store = open_store(shared.url);
    CHECK(server::schema_version(store->db()).value() == latest);
    std::int64_t community = 0;
    if (version >= 1) {
      auto kept = store->find_community("翠苑");
      REQUIRE(kept);
      community = kept->id;
    } else {
      community = store->create_community(Id{1, 1}, "翠苑", "宁波市").value().id;
    }
    // The latest schema's behaviour: cursors per community, photos, quotas, tokens.
    const std::string a = "record-a", b = "record-b";
    REQUIRE(store->insert_ops(community, {{Id{5, 1}, a}, {Id{5, 2}, b}}).value() == 2);
    const auto page = store->ops_after(community, 0, 10, 1 << 20).value();
    CHECK(page.records == std::vector<std::string>{a, b});
    CHECK(page.cursor == 2);
    REQUIRE(store->put_blob(community, "ab", "photo", 1000).ok());
    CHECK(store->get_blob(community, "ab") == std::optional<std::string>("photo"));
    CHECK(store->usage(community, 0).blob_count == 1);
    server::DeviceRow d;
    d.community = community;
    d.staff_code = "A01";
    d.device = Id{7, 7};
    REQUIRE(store->add_device("tok", d, 5000).ok());
    CHECK(store->find_device("tok")->last_used_ms == 5000);
  }
}

TEST_CASE("server store migrations run once, and a database newer than the server is refused untouched") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  INFO(engine);
  SharedDb shared(engine);
  { auto first = open_store(shared.url); }
  {
    auto again = open_store(shared.url);  // nothing left to run: opens as it is
    CHECK(server::schema_version(again->db()).value() == server::latest_schema_version(engine_of(engine)));
    REQUIRE(again->db().exec("UPDATE schema_version SET version = version + 1").ok());
  }
  auto newer = server::ServerStore::open(shared.url);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().code == "schema_newer");
}

TEST_CASE("server store on two instances: a push to one is pulled from the other at once, cursors continue") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  INFO(engine);
  SharedDb shared(engine);
  auto a = open_store(shared.url);
  auto b = open_store(shared.url);
  const auto community = a->create_community(Id{1, 1}, "翠苑", "宁波市").value();
  REQUIRE(b->community(community.id));  // the other instance knows it at once

  const std::string r1 = "pushed-to-a";
  REQUIRE(a->insert_ops(community.id, {{Id{9, 1}, r1}}).value() == 1);
  auto page = b->ops_after(community.id, 0, 100, 1 << 20).value();
  CHECK(page.records == std::vector<std::string>{r1});
  CHECK(page.cursor == 1);
  // B numbers on from A's op; A pulls B's.
  const std::string r2 = "pushed-to-b";
  REQUIRE(b->insert_ops(community.id, {{Id{9, 2}, r2}, {Id{9, 1}, r1}}).value() == 1);  // r1 is stored already
  page = a->ops_after(community.id, 1, 100, 1 << 20).value();
  CHECK(page.records == std::vector<std::string>{r2});
  CHECK(page.cursor == 2);
  // A photo put to B is served by A.
  REQUIRE(b->put_blob(community.id, "cd", "jpeg", 1000).ok());
  CHECK(a->get_blob(community.id, "cd") == std::optional<std::string>("jpeg"));
  // Tablet numbers are given once across instances.
  CHECK(a->tablet_no(community.id, Id{3, 3}).value() == 1);
  CHECK(b->tablet_no(community.id, Id{3, 3}).value() == 1);
  CHECK(b->tablet_no(community.id, Id{4, 4}).value() == 2);
}

TEST_CASE("server store on two instances: failed sign-ins on one lock the device on the other") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  INFO(engine);
  SharedDb shared(engine);
  auto a = open_store(shared.url);
  auto b = open_store(shared.url);
  const auto community = a->create_community(Id{1, 1}, "翠苑", "宁波市").value();
  server::StaffRow staff;
  staff.community = community.id;
  staff.code = "A01";
  staff.staff = Id{2, 2};
  staff.role = 1;
  staff.pin_hash = server::hash_pin("2468").value();
  REQUIRE(a->put_staff(staff).ok());
  fakes::Clock clock;
  server::SignInLimits limits;
  server::SignInGate gate_a(*a, clock, limits), gate_b(*b, clock, limits);
  const Id device{6, 6};
  for (int i = 0; i < limits.device_failures; ++i) {
    CHECK(gate_a.check("A01", "0000", device, "10.0.0.1").verdict == server::SignInVerdict::wrong);
  }
  // The right PIN on the other instance: the failures are in the database.
  CHECK(gate_b.check("A01", "2468", device, "10.0.0.1").verdict == server::SignInVerdict::locked);
  clock.now += limits.window_ms + 1;
  CHECK(gate_b.check("A01", "2468", device, "10.0.0.1").verdict == server::SignInVerdict::signed_in);
}

TEST_CASE("server store cursor stays in commit order while two instances push to one community at once") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  INFO(engine);
  SharedDb shared(engine);
  auto a = open_store(shared.url);
  auto b = open_store(shared.url);
  auto reader_store = open_store(shared.url);
  const auto community = a->create_community(Id{1, 1}, "翠苑", "宁波市").value();
  constexpr int kWriters = 4, kBatches = 25, kPerBatch = 4;
  std::atomic<int> failures{0}, writers_left{kWriters};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      server::ServerStore& store = w % 2 == 0 ? *a : *b;
      for (int batch = 0; batch < kBatches; ++batch) {
        std::vector<std::string> records;
        std::vector<std::pair<Id, std::string_view>> ops;
        for (int k = 0; k < kPerBatch; ++k) records.push_back("w" + std::to_string(w) + "-" + std::to_string(batch) + "-" + std::to_string(k));
        for (int k = 0; k < kPerBatch; ++k) {
          ops.emplace_back(Id{static_cast<std::uint64_t>(w + 1), static_cast<std::uint64_t>(batch * kPerBatch + k + 1)},
                           records[static_cast<std::size_t>(k)]);
        }
        if (!store.insert_ops(community.id, ops).ok()) ++failures;
      }
      --writers_left;
    });
  }
  // A tablet polling meanwhile: had it ever seen a number before a smaller
  // one committed, its cursor would have passed that op and it would miss it.
  std::vector<std::string> pulled;
  std::int64_t cursor = 0;
  for (;;) {
    const bool last = writers_left.load() == 0;
    auto page = reader_store->ops_after(community.id, cursor, 7, 1 << 20);
    REQUIRE(page.ok());
    pulled.insert(pulled.end(), page.value().records.begin(), page.value().records.end());
    cursor = page.value().cursor;
    if (last && !page.value().more) break;
  }
  for (std::thread& t : writers) t.join();
  CHECK(failures == 0);
  CHECK(pulled.size() == static_cast<std::size_t>(kWriters * kBatches * kPerBatch));
  CHECK(std::set<std::string>(pulled.begin(), pulled.end()).size() == pulled.size());
  CHECK(cursor == kWriters * kBatches * kPerBatch);
}

TEST_CASE("server store on PostgreSQL opens its connection again after the database dropped it") {
  if (!test_db::postgres_url()) {
    WARN("BUTLER_TEST_PG is not set: skipped");
    return;
  }
  SharedDb shared("postgresql");
  auto store = open_store(shared.url);
  const auto community = store->create_community(Id{1, 1}, "翠苑", "宁波市").value();
  std::int64_t pid = 0;
  {
    server::Stmt s(store->db(), "SELECT pg_backend_pid()");
    REQUIRE(s.step());
    pid = s.integer(0);
  }
  auto admin = server::Db::open(shared.url);
  REQUIRE(admin.ok());
  {
    server::Stmt kill(*admin.value(), "SELECT pg_terminate_backend(CAST(? AS INTEGER))");
    REQUIRE(kill.bind(1, pid).step());
  }
  // The push that finds the connection gone fails whole (the tablet sends it
  // again); the next one is stored on a new connection, numbered on.
  const std::string r1 = "first", r2 = "second";
  auto lost = store->insert_ops(community.id, {{Id{8, 1}, r1}});
  if (!lost.ok()) REQUIRE(store->insert_ops(community.id, {{Id{8, 1}, r1}}).ok());
  REQUIRE(store->insert_ops(community.id, {{Id{8, 2}, r2}}).value() == 1);
  CHECK(store->ops_after(community.id, 0, 10, 1 << 20).value().records == std::vector<std::string>{r1, r2});
}
