#include "app/server/pg_db.hpp"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/server/sql_dialect.hpp"

namespace server {
namespace {

constexpr Oid kByteaOid = 17;  // pg_type.h's BYTEAOID (server headers are not in libpq-dev)
constexpr Oid kBoolOid = 16;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea in text results is `\x` and two hex digits a byte (bytea_output=hex,
// set on every connection).
std::string unhex_bytea(const char* p, std::size_t n) {
  std::string out;
  if (n < 2 || p[0] != '\\' || p[1] != 'x') return std::string(p, n);
  out.resize((n - 2) / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<char>(hex_value(p[2 + 2 * i]) * 16 + hex_value(p[3 + 2 * i]));
  }
  return out;
}

}  // namespace

class PgStmt final : public StmtImpl {
 public:
  PgStmt(PgDb& db, std::string_view sql) : db_(db), t_(db.translated(sql)) { clear(); }
  ~PgStmt() override { PQclear(res_); }

  bool ok() const override { return true; }  // PostgreSQL parses at the first step
  void bind_int(int i, std::int64_t v) override { set(i, std::to_string(v), false); }
  void bind_text(int i, std::string_view text) override { set(i, std::string(text), false); }
  void bind_blob(int i, std::string_view bytes) override { set(i, std::string(bytes), true); }

  bool step() override {
    if (state_ == State::fresh) run();
    if (state_ != State::rows) return false;
    decoded_.clear();
    decoded_.reserve(static_cast<std::size_t>(PQnfields(res_)));  // no reallocation: views stay valid
    if (++row_ < PQntuples(res_)) return true;
    state_ = State::done;
    return false;
  }
  bool done() const override { return state_ == State::done; }
  bool failed() const override { return state_ == State::failed; }
  void reset() override {
    PQclear(res_);
    res_ = nullptr;
    clear();
  }
  std::int64_t integer(int col) const override {
    if (!has(col)) return 0;
    const char* v = PQgetvalue(res_, row_, col);
    if (PQftype(res_, col) == kBoolOid) return v[0] == 't' ? 1 : 0;
    return std::strtoll(v, nullptr, 10);
  }
  std::string text(int col) const override {
    if (!has(col)) return std::string();
    return std::string(PQgetvalue(res_, row_, col), static_cast<std::size_t>(PQgetlength(res_, row_, col)));
  }
  std::string_view blob(int col) const override {
    if (!has(col)) return std::string_view();
    const char* v = PQgetvalue(res_, row_, col);
    const auto n = static_cast<std::size_t>(PQgetlength(res_, row_, col));
    if (PQftype(res_, col) != kByteaOid) return std::string_view(v, n);
    for (const auto& [c, bytes] : decoded_) {
      if (c == col) return bytes;
    }
    decoded_.emplace_back(col, unhex_bytea(v, n));
    return decoded_.back().second;
  }
  std::int64_t changes() const override { return changes_; }
  app::Error error() const override { return app::Error{"db_error", "database: " + message_}; }

 private:
  enum class State { fresh, rows, done, failed };

  void clear() {
    values_.assign(static_cast<std::size_t>(t_.params), std::string());
    bound_.assign(values_.size(), false);
    binary_.assign(values_.size(), false);
    state_ = State::fresh;
    row_ = -1;
    changes_ = 0;
    decoded_.clear();
  }
  void set(int i, std::string v, bool binary) {
    if (i < 1 || i > t_.params) return;
    values_[i - 1] = std::move(v);
    bound_[i - 1] = true;
    binary_[i - 1] = binary;
  }
  bool has(int col) const { return res_ && row_ >= 0 && row_ < PQntuples(res_) && !PQgetisnull(res_, row_, col); }

  void run() {
    const std::size_t n = values_.size();
    std::vector<const char*> values(n);
    std::vector<int> lengths(n), formats(n);
    std::vector<Oid> types(n);
    for (std::size_t i = 0; i < n; ++i) {
      values[i] = bound_[i] ? values_[i].data() : nullptr;  // unbound: NULL, as SQLite
      lengths[i] = static_cast<int>(values_[i].size());
      formats[i] = binary_[i] ? 1 : 0;
      // Text and numbers go untyped: PostgreSQL infers each from where it stands.
      types[i] = binary_[i] ? kByteaOid : 0;
    }
    PQclear(res_);
    db_.reconnect_if_lost();
    res_ = PQexecParams(db_.raw(), t_.sql.c_str(), static_cast<int>(n), types.data(), values.data(), lengths.data(),
                        formats.data(), 0);
    const ExecStatusType st = PQresultStatus(res_);
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
      state_ = st == PGRES_TUPLES_OK ? State::rows : State::done;
      changes_ = std::atoll(PQcmdTuples(res_));
      return;
    }
    state_ = State::failed;
    const char* msg = res_ ? PQresultErrorMessage(res_) : PQerrorMessage(db_.raw());
    message_ = msg ? msg : "error";
    while (!message_.empty() && message_.back() == '\n') message_.pop_back();
  }

  PgDb& db_;
  const PgDb::Translated& t_;
  std::vector<std::string> values_;
  std::vector<bool> bound_, binary_;
  PGresult* res_ = nullptr;
  State state_ = State::fresh;
  int row_ = -1;
  std::int64_t changes_ = 0;
  std::string message_;
  mutable std::vector<std::pair<int, std::string>> decoded_;  // this row's bytea columns, decoded once
};

app::Result<std::unique_ptr<Db>> PgDb::open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return app::Error{"db_open", "cannot connect to PostgreSQL: out of memory"};
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    PQfinish(conn);
    return app::Error{"db_open", "cannot connect to PostgreSQL: " + msg};
  }
  // Notices ("already exists, skipping") are not errors: not on stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  std::unique_ptr<PgDb> db(new PgDb(conn));
  if (app::Status s = db->session_settings(); !s.ok()) return s.error();
  return std::unique_ptr<Db>(std::move(db));
}

app::Status PgDb::session_settings() { return exec("SET bytea_output = 'hex'; SET client_min_messages = warning"); }

void PgDb::reconnect_if_lost() {
  if (PQstatus(conn_) != CONNECTION_BAD) return;
  PQreset(conn_);
  if (PQstatus(conn_) == CONNECTION_OK) (void)session_settings();
}

PgDb::~PgDb() { PQfinish(conn_); }

const PgDb::Translated& PgDb::translated(std::string_view sql) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_.find(sql);
  if (it != cache_.end()) return it->second;
  Translated t;
  t.sql = postgres_sql(sql, &t.params);
  return cache_.emplace(std::string(sql), std::move(t)).first->second;  // nodes stay where they are
}

std::unique_ptr<StmtImpl> PgDb::prepare(std::string_view sql) { return std::make_unique<PgStmt>(*this, sql); }

bool PgDb::in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

app::Status PgDb::exec(std::string_view sql) {
  const std::string s(sql);
  reconnect_if_lost();
  PGresult* res = PQexec(conn_, s.c_str());
  const ExecStatusType st = PQresultStatus(res);
  const bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
  // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
  const bool rolled_back = good && s == "COMMIT" && std::strcmp(PQcmdStatus(res), "ROLLBACK") == 0;
  std::string msg = good ? std::string() : (res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
  PQclear(res);
  if (rolled_back) return app::Error{"db_error", "database: the transaction was rolled back"};
  if (good) return app::ok_status();
  while (!msg.empty() && msg.back() == '\n') msg.pop_back();
  return app::Error{"db_error", "database: " + msg};
}

app::Error PgDb::error(std::string_view what) const {
  std::string msg = PQerrorMessage(conn_);
  while (!msg.empty() && msg.back() == '\n') msg.pop_back();
  return app::Error{"db_error", std::string(what) + ": " + msg};
}

}  // namespace server
