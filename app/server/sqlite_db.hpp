#pragma once
// A thin RAII layer over the SQLite C API: statements that finalize
// themselves, errors as app::Error instead of return codes to check by hand.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "app/core/result.hpp"

namespace server {

class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
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
};

class Db {
 public:
  static app::Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  sqlite3* raw() const { return db_; }
  app::Status exec(std::string_view sql);
  app::Error error(std::string_view what) const;

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
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
