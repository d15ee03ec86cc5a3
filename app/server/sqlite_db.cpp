#include "app/server/sqlite_db.hpp"

namespace server {

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc_ != SQLITE_OK) stmt_ = nullptr;
}

Stmt::Stmt(Db& db, std::string_view sql) : db_(db.raw()), cache_(&db) {
  stmt_ = db.take(sql, &slot_);  // here, not in the initializer list: slot_ is initialized after stmt_
  if (!stmt_) rc_ = sqlite3_errcode(db_);
}

Stmt::~Stmt() {
  if (cache_ && stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    cache_->give_back(slot_, stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::bind(int i, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind_blob(int i, std::string_view bytes) {
  if (stmt_) sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

bool Stmt::step() {
  if (!stmt_) return false;
  rc_ = sqlite3_step(stmt_);
  return rc_ == SQLITE_ROW;
}

void Stmt::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  rc_ = SQLITE_OK;
}

std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::string_view Stmt::blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
}

app::Error Stmt::error() const { return app::Error{"db_error", std::string("database: ") + sqlite3_errmsg(db_)}; }

namespace {

app::Result<std::unique_ptr<sqlite3, int (*)(sqlite3*)>> open_with(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> owned(db, sqlite3_close);
  if (rc != SQLITE_OK) {
    return app::Error{"db_open", "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
  }
  sqlite3_busy_timeout(db, 5000);
  return owned;
}

}  // namespace

app::Result<std::unique_ptr<Db>> Db::open_reader(const std::string& path) {
  auto db = open_with(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Db>(new Db(std::move(db).value().release()));
}

app::Result<std::unique_ptr<Db>> Db::open(const std::string& path) {
  // FULLMUTEX: the HTTP server's worker threads share this one connection.
  auto db = open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Db>(new Db(std::move(db).value().release()));
}

Db::~Db() {
  for (auto& [sql, stmts] : cache_) {
    for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
  }
  sqlite3_close(db_);
}

sqlite3_stmt* Db::take(std::string_view sql, std::vector<sqlite3_stmt*>** slot) {
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
    *slot = &it->second;  // a node of an unordered_map stays where it is
    if (!it->second.empty()) {
      sqlite3_stmt* s = it->second.back();
      it->second.pop_back();
      return s;
    }
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
      SQLITE_OK) {
    return nullptr;
  }
  return s;
}

void Db::give_back(std::vector<sqlite3_stmt*>* slot, sqlite3_stmt* stmt) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  slot->push_back(stmt);
}

app::Status Db::exec(std::string_view sql) {
  char* msg = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    app::Error e{"db_error", std::string("database: ") + (msg ? msg : "error")};
    sqlite3_free(msg);
    return e;
  }
  return app::ok_status();
}

app::Error Db::error(std::string_view what) const {
  return app::Error{"db_error", std::string(what) + ": " + sqlite3_errmsg(db_)};
}

Transaction::Transaction(Db& db) : db_(db) { began_ = db_.exec("BEGIN IMMEDIATE").ok(); }

Transaction::~Transaction() {
  if (began_ && !done_) (void)db_.exec("ROLLBACK");
}

app::Status Transaction::commit() {
  if (!began_) return db_.error("begin");
  app::Status s = db_.exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

}  // namespace server
