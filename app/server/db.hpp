#pragma once
// The server's database seam: one Db/Stmt API over two engines, SQLite (the
// embedded default, app/server/sqlite_db.cpp) and PostgreSQL (several server
// instances sharing one database, app/server/pg_db.cpp). The store's SQL is
// written once, SQLite-style (`?`, `?N`, INSERT OR IGNORE); the few places
// the engines differ — placeholders, INSERT OR IGNORE, how a write
// transaction begins and what it locks — are in app/server/sql_dialect.cpp.
// Errors come back as app::Error, never as exceptions.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/core/result.hpp"

namespace server {

enum class Engine { sqlite, postgresql };

// "postgresql://…" or "postgres://…" (libpq's URIs); anything else is a SQLite file or ":memory:".
bool is_postgres_url(std::string_view location);

// One prepared statement of an engine; Stmt is its face.
class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual bool ok() const = 0;
  virtual void bind_int(int i, std::int64_t v) = 0;
  virtual void bind_text(int i, std::string_view text) = 0;
  virtual void bind_blob(int i, std::string_view bytes) = 0;
  virtual bool step() = 0;
  virtual bool done() const = 0;
  virtual bool failed() const = 0;
  virtual void reset() = 0;
  virtual std::int64_t integer(int col) const = 0;
  virtual std::string text(int col) const = 0;
  virtual std::string_view blob(int col) const = 0;
  virtual std::int64_t changes() const = 0;
  virtual app::Error error() const = 0;
};

class Db {
 public:
  // A writer at `location` (a PostgreSQL URL, a SQLite path, ":memory:").
  static app::Result<std::unique_ptr<Db>> open(const std::string& location);
  // A reader beside it: SQLite read-only (WAL), PostgreSQL another connection.
  static app::Result<std::unique_ptr<Db>> open_reader(const std::string& location);

  virtual ~Db() = default;
  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  virtual Engine engine() const = 0;
  // One or more statements, no parameters (schema steps, BEGIN, COMMIT).
  virtual app::Status exec(std::string_view sql) = 0;
  virtual app::Error error(std::string_view what) const = 0;
  // Inside BEGIN … (not autocommit).
  virtual bool in_transaction() const = 0;
  virtual std::unique_ptr<StmtImpl> prepare(std::string_view sql) = 0;
};

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql) : impl_(db.prepare(sql)) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return impl_->ok(); }
  Stmt& bind(int i, std::int64_t v) {
    impl_->bind_int(i, v);
    return *this;
  }
  Stmt& bind(int i, std::string_view text) {
    impl_->bind_text(i, text);
    return *this;
  }
  Stmt& bind_blob(int i, std::string_view bytes) {
    impl_->bind_blob(i, bytes);
    return *this;
  }
  // A row: true; no more rows: false (and done() is true); else failed().
  bool step() { return impl_->step(); }
  bool done() const { return impl_->done(); }
  bool failed() const { return impl_->failed(); }
  void reset() { impl_->reset(); }  // clears the bindings too
  std::int64_t integer(int col) const { return impl_->integer(col); }
  std::string text(int col) const { return impl_->text(col); }
  std::string_view blob(int col) const { return impl_->blob(col); }  // valid until the next step
  // Rows the last INSERT/UPDATE/DELETE step changed.
  std::int64_t changes() const { return impl_->changes(); }
  app::Error error() const { return impl_->error(); }

 private:
  std::unique_ptr<StmtImpl> impl_;
};

// A write transaction, rolled back unless commit() succeeded: an
// all-or-nothing push never leaves half its ops behind. Without a community
// it excludes every other writer (SQLite's BEGIN IMMEDIATE; PostgreSQL: one
// advisory lock for the database); with one, every other writer of that
// community (PostgreSQL: its communities row, FOR UPDATE) — see
// app/server/sql_dialect.cpp.
class Transaction {
 public:
  explicit Transaction(Db& db, std::optional<std::int64_t> community = std::nullopt);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool began() const { return began_; }
  app::Status commit();

 private:
  Db& db_;
  bool began_ = false, done_ = false;
};

// A read transaction: every statement inside sees one snapshot (exports).
app::Status begin_read_snapshot(Db& db);

}  // namespace server
