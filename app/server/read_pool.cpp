#include "app/server/read_pool.hpp"

namespace server {

ReadPool::ReadPool(std::string location)
    : path_(location == ":memory:" ? std::string() : std::move(location)), postgres_(is_postgres_url(path_)) {}

ReadPool::Lease ReadPool::lease() {
  if (path_.empty()) return Lease();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Db> db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
    if (postgres_ && open_ >= kMaxPostgresReaders) return Lease();
    ++open_;
  }
  auto db = Db::open_reader(path_);
  if (!db.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    return Lease();
  }
  return Lease(this, std::move(db).value());
}

void ReadPool::give_back(std::unique_ptr<Db> db) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kKeepIdle) {
    idle_.push_back(std::move(db));
  } else {
    --open_;  // closed as `db` goes
  }
}

}  // namespace server
