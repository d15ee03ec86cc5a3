#include "app/server/sqlite_db.hpp"

namespace server {

class SqliteStmt final : public StmtImpl {
 public:
  SqliteStmt(SqliteDb& db, std::string_view sql) : db_(db) {
    stmt_ = db.take(sql, &slot_);
    if (!stmt_) rc_ = sqlite3_errcode(db.raw());
  }
  ~SqliteStmt() override {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    db_.give_back(slot_, stmt_);
  }
  bool ok() const override { return stmt_ != nullptr; }
  void bind_int(int i, std::int64_t v) override {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  }
  void bind_text(int i, std::string_view text) override {
    if (stmt_) sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void bind_blob(int i, std::string_view bytes) override {
    if (stmt_) sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  }
  bool step() override {
    if (!stmt_) return false;
    rc_ = sqlite3_step(stmt_);
    if (rc_ == SQLITE_DONE) changes_ = sqlite3_changes64(db_.raw());
    return rc_ == SQLITE_ROW;
  }
  bool done() const override { return rc_ == SQLITE_DONE; }
  bool failed() const override { return !ok() || (rc_ != SQLITE_ROW && rc_ != SQLITE_DONE && rc_ != SQLITE_OK); }
  void reset() override {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    rc_ = SQLITE_OK;
    changes_ = 0;
  }
  std::int64_t integer(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::string_view blob(int col) const override {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string_view();
  }
  std::int64_t changes() const override { return changes_; }
  app::Error error() const override {
    return app::Error{"db_error", std::string("database: ") + sqlite3_errmsg(db_.raw())};
  }

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::vector<sqlite3_stmt*>* slot_ = nullptr;  // given back among the others of its SQL
  int rc_ = SQLITE_OK;
  std::int64_t changes_ = 0;
};

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

app::Result<std::unique_ptr<Db>> SqliteDb::open_reader(const std::string& path) {
  auto db = open_with(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Db>(new SqliteDb(std::move(db).value().release()));
}

app::Result<std::unique_ptr<Db>> SqliteDb::open(const std::string& path) {
  // FULLMUTEX: the HTTP server's worker threads share this one connection.
  auto db = open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Db>(new SqliteDb(std::move(db).value().release()));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmts] : cache_) {
    for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
  }
  sqlite3_close(db_);
}

std::unique_ptr<StmtImpl> SqliteDb::prepare(std::string_view sql) { return std::make_unique<SqliteStmt>(*this, sql); }

sqlite3_stmt* SqliteDb::take(std::string_view sql, std::vector<sqlite3_stmt*>** slot) {
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

void SqliteDb::give_back(std::vector<sqlite3_stmt*>* slot, sqlite3_stmt* stmt) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  slot->push_back(stmt);
}

app::Status SqliteDb::exec(std::string_view sql) {
  char* msg = nullptr;
  const std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
    app::Error e{"db_error", std::string("database: ") + (msg ? msg : "error")};
    sqlite3_free(msg);
    return e;
  }
  return app::ok_status();
}

app::Error SqliteDb::error(std::string_view what) const {
  return app::Error{"db_error", std::string(what) + ": " + sqlite3_errmsg(db_)};
}

}  // namespace server
