// butler-server: one process is the whole deployment. It serves the web app,
// answers /api/v1 (enrol, sync, blobs, exports) from one SQLite file in
// --data (or a PostgreSQL database, --db postgresql://…, shared by several
// instances), and has the office's admin commands.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/demo/demo_community.hpp"
#include "app/server/admin.hpp"
#include "app/server/api.hpp"
#include "app/server/bench_ingest.hpp"
#include "app/server/data_dir.hpp"
#include "app/server/http_headers.hpp"
#include "app/server/http_server.hpp"
#include "app/server/quotas.hpp"
#include "app/server/schema.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/static_site.hpp"
#include "app/server/sync_service.hpp"
#include "app/store/backup.hpp"

namespace {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string site = "build/web/site";
  std::string data = "data";
  std::string db;  // --db: a PostgreSQL URL (or a SQLite file) instead of --data's file
  bool quiet = false;
  bool demo = false;
  int scale = 1, history_days = 0;  // demo-init's: a larger demo (benchmarks)
  server::HttpTuning http;  // --threads N, --keep-alive-max N, --no-nodelay
  std::string tls_cert, tls_key;     // --tls-cert FILE --tls-key FILE: HTTPS of its own
  server::TrustedProxies trusted;    // --trusted-proxy ADDR[,ADDR…]: whose X-Forwarded-For names the client
  server::Quotas quotas;    // --max-ops-per-day N, --max-blob-bytes SIZE, --max-blob-bytes-per-day SIZE, --max-blobs N
  std::vector<std::string> rest;  // a subcommand's own arguments
};

void usage() {
  std::fprintf(stderr,
               "usage: butler-server [--host ADDR] [--port N] [--site DIR] [--data DIR | --db URL] [--demo] [--quiet]\n"
               "                     [--threads N] [--keep-alive-max N] [--no-nodelay]\n"
               "                     [--tls-cert FILE --tls-key FILE] [--trusted-proxy ADDR[,ADDR...]]...\n"
               "  serves the web app from DIR and the /api/v1 API; keeps its database in --data (default data/),\n"
               "  or in PostgreSQL with --db postgresql://USER@HOST:PORT/DB (also postgres://; several instances\n"
               "  may share one database);\n"
               "  --demo sets up the demo community on first start (empty database) and prints its sign-ins;\n"
               "  --threads: HTTP workers, one per open connection (default 128); --keep-alive-max: requests on one\n"
               "  connection (default 1000); --no-nodelay: Nagle on (scripts/bench server's baseline: 8, 5, --no-nodelay)\n"
               "  --tls-cert/--tls-key: serve HTTPS with this certificate chain and key (PEM); --trusted-proxy: a TLS\n"
               "  terminator's address, whose X-Forwarded-For (its last entry) is the client's for sign-in throttling\n"
               "                     [--max-ops-per-day N] [--max-blob-bytes SIZE] [--max-blob-bytes-per-day SIZE]\n"
               "                     [--max-blobs N]\n"
               "  quotas per community (0: none; SIZE in bytes or with K, M, G): records a day (default 200000),\n"
               "  photo bytes in all (20G) and a day (2G), photos in all (500000)\n"
               "       butler-server demo-init [--data DIR] [--scale N] [--history DAYS]\n"
               "  sets up the demo community 锦绣花园 and prints staff codes and PINs; --scale, --history:\n"
               "  a larger estate and a longer log, as demo-backup's (scripts/bench exports)\n"
               "       butler-server admin [--data DIR | --db URL] COMMAND …   (run without COMMAND for the list)\n"
               "       butler-server migrate [--data DIR | --db URL]\n"
               "  brings the database's schema to this server's version (every start does too) and says what ran\n"
               "       butler-server bench-ingest N [--data DIR]\n"
               "  server ingest rate through the sync path vs a raw SQLite insert (figure: lines)\n"
               "       butler-server demo-backup SCALE FILE [--history DAYS]\n"
               "  writes the demo community at SCALE (1 = 1,588 units) as a backup file (benchmarks);\n"
               "  --history adds a finished zone round per zone for each of the DAYS before the demo's date\n");
}

int demo_backup(int scale, int history_days, const char* path) {
  const app::DemoCommunity demo = app::generate_demo({20261124, scale, history_days});
  const std::string bytes = app::encode_backup(demo.ops);
  std::FILE* f = std::fopen(path, "wb");
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "butler-server: cannot write %s\n", path);
    return 1;
  }
  std::printf("%zu ops, %zu bytes -> %s\n", demo.ops.size(), bytes.size(), path);
  return 0;
}

// Options anywhere; other words are the subcommand's arguments, in order.
bool parse(int argc, char** argv, int first, Options* o) {
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--host") { if (!next(&o->host)) return false; }
    else if (a == "--port" && next(&v)) o->port = std::atoi(v.c_str());
    else if (a == "--site") { if (!next(&o->site)) return false; }
    else if (a == "--data") { if (!next(&o->data)) return false; }
    else if (a == "--db") { if (!next(&o->db) || o->db.empty()) return false; }
    else if (a == "--quiet") o->quiet = true;
    else if (a == "--demo") o->demo = true;
    else if (a == "--threads" && next(&v)) o->http.threads = static_cast<std::size_t>(std::atoi(v.c_str()));
    else if (a == "--keep-alive-max" && next(&v)) o->http.keep_alive_max = static_cast<std::size_t>(std::atoi(v.c_str()));
    else if (a == "--no-nodelay") o->http.nodelay = false;
    else if (a == "--tls-cert") { if (!next(&o->tls_cert)) return false; }
    else if (a == "--tls-key") { if (!next(&o->tls_key)) return false; }
    else if (a == "--trusted-proxy") { if (!next(&v) || !o->trusted.add(v)) return false; }
    else if (a == "--scale" && next(&v)) o->scale = std::atoi(v.c_str());
    else if (a == "--history" && next(&v)) o->history_days = std::atoi(v.c_str());
    else if (a == "--max-ops-per-day" || a == "--max-blob-bytes" || a == "--max-blob-bytes-per-day" || a == "--max-blobs") {
      std::optional<std::int64_t> n;
      if (next(&v)) n = server::parse_size(v);
      if (!n) return false;
      if (a == "--max-ops-per-day") o->quotas.ops_per_day = *n;
      else if (a == "--max-blob-bytes") o->quotas.blob_bytes_total = *n;
      else if (a == "--max-blob-bytes-per-day") o->quotas.blob_bytes_per_day = *n;
      else o->quotas.blob_count = *n;
    }
    else if (a == "--dry-run") o->rest.push_back(a);  // admin import's: plan only
    else if (a.rfind("--", 0) == 0) return false;
    else o->rest.push_back(a);
  }
  if (o->tls_cert.empty() != o->tls_key.empty()) return false;  // both or neither
  return o->port > 0 && o->port < 65536 && o->http.threads > 0 && o->http.threads <= 4096 && o->scale >= 1 &&
         o->scale <= 100 && o->history_days >= 0 && o->history_days <= 3660 &&
         o->http.keep_alive_max > 0 && o->http.keep_alive_max <= 1000000;
}

int demo_init(server::ServerStore& store, int scale = 1, int history_days = 0) {
  server::OsRandom random;
  server::SystemClock clock;
  // Dated to the day it is set up.
  auto logins = server::demo_init(store, random, app::demo_day_of(clock.now_ms()), scale, history_days);
  if (!logins.ok()) {
    std::fprintf(stderr, "butler-server: %s\n", logins.error().message.c_str());
    return 1;
  }
  server::print_demo_logins(logins.value(), stdout);
  return 0;
}

// Where the data is, for messages: never a URL (it may hold a password).
std::string data_place(const Options& opt) {
  if (opt.db.empty()) return opt.data;
  return server::is_postgres_url(opt.db) ? std::string("PostgreSQL") : opt.db;
}

app::Result<std::unique_ptr<server::ServerStore>> open_store(const Options& opt) {
  if (opt.db.empty()) return server::open_data_dir(opt.data);
  return server::ServerStore::open(opt.db);
}

// butler-server migrate: the schema steps the database lacks, and what they were.
int migrate(const Options& opt) {
  const std::string location =
      opt.db.empty() ? (std::filesystem::path(opt.data) / server::kDatabaseFile).string() : opt.db;
  int before = 0;
  std::error_code ec;
  if (server::is_postgres_url(location) || std::filesystem::exists(location, ec)) {
    auto db = server::Db::open(location);
    auto v = db.ok() ? server::schema_version(*db.value()) : app::Result<int>(db.error());
    if (!v.ok()) {
      std::fprintf(stderr, "butler-server: %s\n", v.error().message.c_str());
      return 1;
    }
    before = v.value();
  }
  auto store = open_store(opt);  // runs the steps
  if (!store.ok()) {
    std::fprintf(stderr, "butler-server: %s\n", store.error().message.c_str());
    return 1;
  }
  const server::Engine engine = store.value()->db().engine();
  auto version = server::schema_version(store.value()->db());
  const int after = version.ok() ? version.value() : 0;
  const std::string name = engine == server::Engine::sqlite ? "SQLite database in " + data_place(opt) : "PostgreSQL database";
  if (after == before) {
    std::printf("%s: schema version %d, the latest; nothing to run\n", name.c_str(), after);
    return 0;
  }
  std::printf("%s: schema version %d -> %d\n", name.c_str(), before, after);
  for (const server::Migration& m : server::migrations(engine)) {
    if (m.version > before && m.version <= after) std::printf("  step %d: %s\n", m.version, m.what);
  }
  return 0;
}

int serve(const Options& opt, server::ServerStore& store) {
  if (opt.demo) {
    if (auto s = server::demo_may_serve(store); !s.ok()) {  // the demo's PINs are public: never over real data
      std::fprintf(stderr, "butler-server: %s\n", s.error().message.c_str());
      return 1;
    }
    if (store.communities().empty()) {
      if (demo_init(store) != 0) return 1;
    } else if (store.find_community("锦绣花园")) {
      server::print_demo_logins(server::demo_logins(), stdout);
    }
  }
  server::SystemClock clock;
  server::OsRandom random;
  server::Limits limits;
  limits.quotas = opt.quotas;
  server::SyncService service(store, clock, random, limits);
  if (opt.demo) service.serve_demo();  // the office page and every enrolled tablet say so
  server::HttpServer http(opt.http);
  if (!opt.tls_cert.empty()) {
    if (auto s = http.use_tls(opt.tls_cert, opt.tls_key); !s.ok()) {
      std::fprintf(stderr, "butler-server: %s\n", s.error().message.c_str());
      return 1;
    }
  }
  server::mount_api(http, service, opt.trusted);
  server::mount_static_site(http, opt.site);
  server::mount_security_headers(http);
  if (!opt.quiet) server::log_requests(http, stderr);
  if (!http.bind_to_port(opt.host.c_str(), opt.port)) {
    std::fprintf(stderr, "butler-server: cannot listen on %s:%d (in use?)\n", opt.host.c_str(), opt.port);
    return 1;
  }
  std::printf("Butler Rounds is at %s://%s:%d/  (data in %s)\n", http.tls() ? "https" : "http", opt.host.c_str(), opt.port,
              data_place(opt).c_str());
  std::fflush(stdout);
  return http.listen_after_bind() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "demo-backup") == 0) {
    // demo-backup SCALE FILE [--history DAYS] (scripts/bench store and rounds)
    const bool history = argc == 6 && std::strcmp(argv[4], "--history") == 0;
    if (argc != 4 && !history) {
      usage();
      return 2;
    }
    return demo_backup(std::atoi(argv[2]), history ? std::atoi(argv[5]) : 0, argv[3]);
  }
  const std::string cmd = argc > 1 && argv[1][0] != '-' ? argv[1] : "";
  Options opt;
  if (!parse(argc, argv, cmd.empty() ? 1 : 2, &opt) || (cmd.empty() && !opt.rest.empty())) {
    usage();
    return 2;
  }
  if (cmd == "bench-ingest") {
    if (opt.rest.size() != 1) {
      usage();
      return 2;
    }
    return server::bench_ingest(std::atol(opt.rest[0].c_str()), opt.data, stdout);
  }
  if (cmd == "migrate") {
    if (!opt.rest.empty()) {
      usage();
      return 2;
    }
    return migrate(opt);
  }
  if (!cmd.empty() && cmd != "demo-init" && cmd != "admin") {
    usage();
    return 2;
  }
  auto store = open_store(opt);
  if (!store.ok()) {
    std::fprintf(stderr, "butler-server: %s\n", store.error().message.c_str());
    return 1;
  }
  if (cmd == "demo-init") return demo_init(*store.value(), opt.scale, opt.history_days);
  if (cmd == "admin") return server::run_admin(opt.rest, *store.value(), stdout, stderr);
  return serve(opt, *store.value());
}
