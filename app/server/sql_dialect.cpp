#include "app/server/sql_dialect.hpp"

#include <algorithm>
#include <cctype>

#include "app/server/db.hpp"
#include "app/server/pg_db.hpp"
#include "app/server/sqlite_db.hpp"

namespace server {
namespace {

// The key of the one advisory lock a PostgreSQL write transaction without a
// community takes ("BUTL"): sign-in counters, PIN resets, revocations and
// the photo sweep are read-then-write across communities, and SQLite's
// BEGIN IMMEDIATE serializes them; this does the same across instances.
constexpr const char* kBeginGlobalWrite = "BEGIN; SELECT pg_advisory_xact_lock(1112888396)";

// A write of one community's data (its op log, photos, tablet numbers) on
// PostgreSQL locks that community's row until commit. Why the op log needs
// it: cseq is max+1 inside the inserting transaction. Under READ COMMITTED
// two instances inserting at once would both read max=8 (one fails on the
// unique index), or — with a sequence instead — take 9 and 10 and commit
// 10 first, and a tablet pulling between the two commits would move its
// cursor past 9 and never see it. With the row lock the second inserter
// waits for the first to commit, then reads max=9 afresh (each statement of
// READ COMMITTED takes a new snapshot), so cseq order is commit order and a
// reader never sees cseq 10 before cseq 9. Other communities do not wait.
constexpr const char* kLockCommunity = "SELECT id FROM communities WHERE id=? FOR UPDATE";

}  // namespace

bool is_postgres_url(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string postgres_sql(std::string_view sql, int* params) {
  std::size_t start = 0;
  while (start < sql.size() && std::isspace(static_cast<unsigned char>(sql[start]))) ++start;
  bool ignore = false;
  constexpr std::string_view kOrIgnore = "INSERT OR IGNORE INTO";
  if (sql.substr(start, kOrIgnore.size()) == kOrIgnore) {
    ignore = true;
    sql.remove_prefix(start + kOrIgnore.size());
  }
  std::string out = ignore ? "INSERT INTO" : "";
  out.reserve(sql.size() + 32);
  int most = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;  // '' inside a literal toggles twice
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    int n = 0;
    std::size_t j = i + 1;
    while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) n = n * 10 + (sql[j++] - '0');
    if (j == i + 1) n = most + 1;  // a bare `?`: SQLite's rule
    most = std::max(most, n);
    out += '$' + std::to_string(n);
    i = j - 1;
  }
  if (ignore) {
    while (!out.empty() && (std::isspace(static_cast<unsigned char>(out.back())) || out.back() == ';')) out.pop_back();
    out += " ON CONFLICT DO NOTHING";
  }
  *params = most;
  return out;
}

app::Result<std::unique_ptr<Db>> Db::open(const std::string& location) {
  if (is_postgres_url(location)) return PgDb::open(location);
  return SqliteDb::open(location);
}

app::Result<std::unique_ptr<Db>> Db::open_reader(const std::string& location) {
  if (is_postgres_url(location)) return PgDb::open(location);
  return SqliteDb::open_reader(location);
}

Transaction::Transaction(Db& db, std::optional<std::int64_t> community) : db_(db) {
  if (db_.engine() == Engine::sqlite) {
    began_ = db_.exec("BEGIN IMMEDIATE").ok();  // the one writer: every other waits
    return;
  }
  if (!community) {
    began_ = db_.exec(kBeginGlobalWrite).ok();
    if (!began_ && db_.in_transaction()) (void)db_.exec("ROLLBACK");
    return;
  }
  if (!db_.exec("BEGIN").ok()) return;
  Stmt lock(db_, kLockCommunity);
  lock.bind(1, *community);
  while (lock.step()) {
  }
  began_ = !lock.failed();
  if (!began_) (void)db_.exec("ROLLBACK");
}

Transaction::~Transaction() {
  if (began_ && !done_) (void)db_.exec("ROLLBACK");
}

app::Status Transaction::commit() {
  if (!began_) return db_.error("begin");
  app::Status s = db_.exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

app::Status begin_read_snapshot(Db& db) {
  // PostgreSQL's default READ COMMITTED takes a snapshot per statement; an
  // export reads several and must see one state.
  return db.exec(db.engine() == Engine::sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

}  // namespace server
