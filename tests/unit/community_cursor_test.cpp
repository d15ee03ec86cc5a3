// The sync cursor counts one community's ops (issue 20): a global number
// told every tablet how busy the other communities were. An older database,
// numbered across communities, keeps its numbers so a tablet's cursor stays
// valid, and new ops go on from the community's highest.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "app/server/server_store.hpp"
#include "app/server/db.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

std::string record(int n) { return "record-" + std::to_string(n); }

Status put(server::ServerStore& store, std::int64_t community, std::uint64_t id) {
  const std::string r = record(static_cast<int>(id));
  auto done = store.insert_ops(community, {{Id{id, id}, r}});
  if (!done.ok()) return done.error();
  return ok_status();
}

}  // namespace

TEST_CASE("each community's cursor counts only its own ops") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  auto store = std::move(server::ServerStore::open(test_db::location())).value();
  const auto a = store->create_community(Id{1, 1}, "翠苑", "宁波市").value();
  const auto b = store->create_community(Id{2, 2}, "幸福里", "杭州市").value();
  for (std::uint64_t i = 1; i <= 5; ++i) REQUIRE(put(*store, a.id, i).ok());
  REQUIRE(put(*store, b.id, 100).ok());
  REQUIRE(put(*store, a.id, 6).ok());
  REQUIRE(put(*store, b.id, 101).ok());

  const auto page_b = store->ops_after(b.id, 0, 100, 1 << 20).value();
  CHECK(page_b.records == std::vector<std::string>{record(100), record(101)});
  CHECK(page_b.cursor == 2);  // not 8: 翠苑's six ops are nobody's business here
  const auto page_a = store->ops_after(a.id, 4, 100, 1 << 20).value();
  CHECK(page_a.records == std::vector<std::string>{record(5), record(6)});
  CHECK(page_a.cursor == 6);
  // A record sent again takes no new number.
  REQUIRE(put(*store, b.id, 100).ok());
  CHECK(store->ops_after(b.id, 2, 100, 1 << 20).value().records.empty());
}

TEST_CASE("an older database keeps its ops' numbers as cursors and numbers new ones per community") {
  const auto path = std::filesystem::temp_directory_path() / ("butler-cursor-" + std::to_string(::getpid()) + ".sqlite");
  std::filesystem::remove(path);
  {
    auto db = server::Db::open(path.string());
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec(R"SQL(
      CREATE TABLE communities(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
      CREATE TABLE ops(seq INTEGER PRIMARY KEY AUTOINCREMENT, community INTEGER NOT NULL REFERENCES communities(id),
        op_id BLOB NOT NULL, record BLOB NOT NULL, UNIQUE(community, op_id));
      INSERT INTO communities(id, uid, name, city) VALUES(1, '01', '翠苑', '宁波市'), (2, '02', '幸福里', '杭州市');
      INSERT INTO ops(community, op_id, record) VALUES(1, x'01', 'a1'), (2, x'02', 'b1'), (1, x'03', 'a2'), (2, x'04', 'b2');
    )SQL").ok());
  }
  {
    auto store = std::move(server::ServerStore::open(path.string())).value();
    // A 幸福里 tablet that had pulled b1 (seq 2) before the upgrade.
    auto page = store->ops_after(2, 2, 100, 1 << 20).value();
    CHECK(page.records == std::vector<std::string>{"b2"});
    CHECK(page.cursor == 4);
    REQUIRE(put(*store, 2, 7).ok());
    page = store->ops_after(2, 4, 100, 1 << 20).value();
    CHECK(page.records == std::vector<std::string>{record(7)});
    CHECK(page.cursor == 5);  // after the community's highest, not the table's
    CHECK(store->ops_after(1, 0, 100, 1 << 20).value().records == std::vector<std::string>{"a1", "a2"});
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}
