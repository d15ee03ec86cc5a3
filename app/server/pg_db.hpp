#pragma once
// The PostgreSQL engine of app/server/db.hpp, over Debian's libpq. One
// connection per Db, used by one thread at a time (the store's writer lock,
// or a reader's lease). Statements arrive in the store's SQLite-style SQL and
// are translated once per text (app/server/sql_dialect.hpp).
#include <libpq-fe.h>

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/server/db.hpp"

namespace server {

class PgDb final : public Db {
 public:
  static app::Result<std::unique_ptr<Db>> open(const std::string& url);
  ~PgDb() override;

  Engine engine() const override { return Engine::postgresql; }
  app::Status exec(std::string_view sql) override;
  app::Error error(std::string_view what) const override;
  bool in_transaction() const override;
  std::unique_ptr<StmtImpl> prepare(std::string_view sql) override;
  PGconn* raw() const { return conn_; }

  struct Translated {
    std::string sql;
    int params = 0;
  };
  const Translated& translated(std::string_view sql);
  // A connection PostgreSQL dropped (a restart, a failover) is opened again
  // before the next statement, outside a transaction: the statement that
  // found it broken failed (the tablet sends again), the next one works.
  void reconnect_if_lost();

 private:
  app::Status session_settings();
  explicit PgDb(PGconn* conn) : conn_(conn) {}
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  PGconn* conn_;
  std::mutex cache_mu_;
  std::unordered_map<std::string, Translated, SqlHash, std::equal_to<>> cache_;
};

}  // namespace server
