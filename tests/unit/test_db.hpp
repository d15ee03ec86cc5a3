#pragma once
// The server's tests run on both database engines: SQLite always, and
// PostgreSQL when BUTLER_TEST_PG holds a database URL (scripts/test starts a
// throwaway cluster and sets it). Without it the PostgreSQL cases are
// skipped, with a notice on stderr. Each PostgreSQL case gets a fresh schema
// of its own in that database (search_path in the URL), so cases and
// parallel ctest processes never see each other's rows.
//
//   const std::string engine = GENERATE(from_range(test_db::engines()));
//   auto store = server::ServerStore::open(test_db::fresh(engine));
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "app/server/db.hpp"

namespace test_db {

inline const char* postgres_url() {
  const char* url = std::getenv("BUTLER_TEST_PG");
  return url && *url ? url : nullptr;
}

// "sqlite", and "postgresql" when BUTLER_TEST_PG is set.
inline std::vector<std::string> engines() {
  if (postgres_url()) return {"sqlite", "postgresql"};
  static std::once_flag told;
  std::call_once(told, [] {
    std::fprintf(stderr, "test_db: BUTLER_TEST_PG is not set: the PostgreSQL cases are skipped (scripts/test sets it)\n");
  });
  return {"sqlite"};
}

// Schemas made by this process, dropped when it ends (a long-lived database
// in BUTLER_TEST_PG is left as it was).
struct Schemas {
  std::mutex mu;
  std::vector<std::string> names;
  ~Schemas() {
    if (names.empty() || !postgres_url()) return;
    auto db = server::Db::open(postgres_url());
    if (!db.ok()) return;
    for (const std::string& n : names) (void)db.value()->exec("DROP SCHEMA IF EXISTS " + n + " CASCADE");
  }
};
inline Schemas& schemas() {
  static Schemas s;
  return s;
}

// A URL of `base`'s database whose tables live in schema `name`.
inline std::string in_schema(const std::string& base, const std::string& name) {
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name;
}

// A new empty schema in BUTLER_TEST_PG's database, as a URL.
inline std::string fresh_postgres() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  const std::string name = "t_" + std::to_string(::getpid()) + "_" + std::to_string(salt % 100000) + "_" +
                           std::to_string(counter++);
  auto db = server::Db::open(postgres_url());
  if (!db.ok()) {
    std::fprintf(stderr, "test_db: %s\n", db.error().message.c_str());
    std::abort();  // BUTLER_TEST_PG was set: a database that cannot be reached is a failure, not a skip
  }
  if (auto s = db.value()->exec("CREATE SCHEMA " + name); !s.ok()) {
    std::fprintf(stderr, "test_db: %s\n", s.error().message.c_str());
    std::abort();
  }
  {
    std::lock_guard<std::mutex> lock(schemas().mu);
    schemas().names.push_back(name);
  }
  return in_schema(postgres_url(), name);
}

// An empty database of `engine`: ":memory:" for SQLite.
inline std::string fresh(const std::string& engine) {
  return engine == "postgresql" ? fresh_postgres() : std::string(":memory:");
}

// The engine the test fixtures' stores open on (location()): SQLite unless a
// test case says otherwise for its run with
//   const std::string engine = GENERATE(from_range(test_db::engines()));
//   test_db::Use use(engine);
inline std::string& current_engine() {
  static std::string engine = "sqlite";
  return engine;
}
struct Use {
  explicit Use(std::string engine) : previous(current_engine()) { current_engine() = std::move(engine); }
  ~Use() { current_engine() = previous; }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  std::string previous;
};
inline std::string location() { return fresh(current_engine()); }

}  // namespace test_db
