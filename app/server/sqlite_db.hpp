#pragma once
// A thin RAII layer over the SQLite C API: statements that finalize
// themselves, errors as app::Error instead of return codes to check by hand.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/core/result.hpp"

namespace server {

class Db;

class Stmt {
 public:
  // Prepared now, finalized at the end.
  Stmt(sqlite3* db, std::string_view sql);
  // Taken from `db`'s cache of prepared statements (prepared on its first
  // use), reset and given back at the end: a sync poll's few statements cost
  // a prepare each otherwise, a quarter of its time.
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, std::string_view text);
  Stmt& bind_blob(int i, std::string_view bytes);
  // SQLITE_ROW: true; SQLITE_DONE: false (and done() is true); else error().
  bool step();
  bool done() const { return rc_ == SQLITE_DONE; }
  bool failed() const { return !ok() || (rc_ != SQLITE_ROW && rc_ != SQLITE_DONE && rc_ != SQLITE_OK); }
  void reset();
  std::int64_t integer(int col) const;
  std::string text(int col) const;
  std::string_view blob(int col) const;  // valid until the next step
  app::Error error() const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
  Db* cache_ = nullptr;                       // given back here instead of finalized,
  std::vector<sqlite3_stmt*>* slot_ = nullptr;  // among the others of its SQL
};

class Db {
 public:
  // The writer: read-write, created if missing, shared by threads (FULLMUTEX).
  static app::Result<std::unique_ptr<Db>> open(const std::string& path);
  // A reader beside it (WAL): read-only, one thread at a time.
  static app::Result<std::unique_ptr<Db>> open_reader(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  sqlite3* raw() const { return db_; }
  app::Status exec(std::string_view sql);
  app::Error error(std::string_view what) const;

 private:
  friend class Stmt;
  explicit Db(sqlite3* db) : db_(db) {}
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

// BEGIN IMMEDIATE … COMMIT, rolled back unless commit() succeeded: an
// all-or-nothing push never leaves half its ops behind.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  bool began() const { return began_; }
  app::Status commit();

 private:
  Db& db_;
  bool began_ = false, done_ = false;
};

}  // namespace server
