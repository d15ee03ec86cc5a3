#pragma once
// The SQLite engine of app/server/db.hpp: a thin RAII layer over the C API,
// statements that finalize themselves (or go back to a cache), errors as
// app::Error instead of return codes to check by hand.
#include <sqlite3.h>

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/server/db.hpp"

namespace server {

class SqliteDb final : public Db {
 public:
  // The writer: read-write, created if missing, shared by threads (FULLMUTEX).
  static app::Result<std::unique_ptr<Db>> open(const std::string& path);
  // A reader beside it (WAL): read-only, one thread at a time.
  static app::Result<std::unique_ptr<Db>> open_reader(const std::string& path);
  ~SqliteDb() override;

  Engine engine() const override { return Engine::sqlite; }
  app::Status exec(std::string_view sql) override;
  app::Error error(std::string_view what) const override;
  bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
  // Taken from the cache of prepared statements (prepared on its first use),
  // reset and given back at the end: a sync poll's few statements cost a
  // prepare each otherwise, a quarter of its time.
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override;
  sqlite3* raw() const { return db_; }

 private:
  friend class SqliteStmt;
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  // A statement of `sql` no one is using (prepared if there is none), and
  // back. Two users of the same SQL at once (a nested call) get two.
  sqlite3_stmt* take(std::string_view sql, std::vector<sqlite3_stmt*>** slot);
  void give_back(std::vector<sqlite3_stmt*>* slot, sqlite3_stmt* stmt);

  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  std::mutex cache_mu_;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, SqlHash, std::equal_to<>> cache_;
};

}  // namespace server
