#pragma once
// Connections beside the store's one writer (SQLite: read-only, WAL;
// PostgreSQL: more connections to the same database): sync polls and
// exports read here, so they neither wait for the writer's lock nor hold it
// while a push commits. Each connection serves one thread at a time; a
// lease hands one out (opened when none is free) and gives it back.
// ":memory:" has no file to share: no readers, and the store reads through
// its writer as before.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/server/db.hpp"

namespace server {

class ReadPool {
 public:
  // `location`: the database file or URL; empty or ":memory:": a pool that never leases.
  explicit ReadPool(std::string location);

  class Lease {
   public:
    Lease() = default;
    Lease(ReadPool* pool, std::unique_ptr<Db> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ && db_) pool_->give_back(std::move(db_));
    }
    explicit operator bool() const { return db_ != nullptr; }
    Db& db() { return *db_; }

   private:
    ReadPool* pool_ = nullptr;
    std::unique_ptr<Db> db_;
  };

  // A reader, or an empty lease (no file, or it could not be opened: the
  // caller reads through the writer).
  Lease lease();

 private:
  void give_back(std::unique_ptr<Db> db);

  // Idle readers kept open: each keeps its own page cache and prepared
  // statements; more are opened under a burst and closed after it.
  static constexpr std::size_t kKeepIdle = 64;
  // PostgreSQL: readers open at once, leased or idle. Each is a server
  // process and the cluster's max_connections (100 by default) is shared by
  // every instance; past this a read waits for the writer's lock instead.
  static constexpr std::size_t kMaxPostgresReaders = 16;
  std::string path_;
  bool postgres_ = false;
  std::mutex mu_;
  std::vector<std::unique_ptr<Db>> idle_;
  std::size_t open_ = 0;  // readers made and not closed (PostgreSQL's cap)
};

}  // namespace server
