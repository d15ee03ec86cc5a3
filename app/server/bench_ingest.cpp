#include "app/server/bench_ingest.hpp"

#include <chrono>
#include <filesystem>

#include "app/demo/demo_community.hpp"
#include "app/ops/codec.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/wire.hpp"

namespace server {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Fresh {
  std::filesystem::path path;
  explicit Fresh(std::filesystem::path p) : path(std::move(p)) { remove(); }
  ~Fresh() { remove(); }
  void remove() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
  }
};

}  // namespace

int bench_ingest(long n, const std::string& data_dir, std::FILE* out) {
  if (n < 1) n = 10000;
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  // Real ops: the demo estate at a scale big enough, cut to N.
  std::vector<app::Op> ops = app::generate_demo({20261124, static_cast<int>(n / 4000 + 1)}).ops;
  if (static_cast<long>(ops.size()) > n) ops.resize(static_cast<std::size_t>(n));
  app::Id community_uid;
  for (const app::Op& op : ops) if (op.kind == app::OpKind::community_set) community_uid = op.entity;
  std::vector<std::string> records;
  records.reserve(ops.size());
  // As a real tablet's: the server refuses the demo's own device id, and an
  // actor who never signed in on the tablet (app/server/push_gate.hpp), so the
  // whole estate is pushed as recorded by one manager on one tablet.
  const app::Id bench_device{0x6265'6e63'6800'0001ULL, 1}, bench_manager{0x6265'6e63'6800'0002ULL, 1};
  for (app::Op& op : ops) {
    op.device_id = bench_device;
    op.actor = bench_manager;
    records.push_back(app::encode_op(op));
  }
  const std::size_t batch = app::sync::kMaxOpsPerRequest;
  // Request bodies are built up front: the tablet's work is not the server's.
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < records.size(); i += batch) {
    std::vector<std::string_view> part(records.begin() + static_cast<std::ptrdiff_t>(i),
                                       records.begin() + static_cast<std::ptrdiff_t>(std::min(records.size(), i + batch)));
    bodies.push_back(app::sync::encode_request(bench_device, 0, part));
  }

  SystemClock clock;
  OsRandom random;
  double sync_s = 0, raw_s = 0;
  {
    Fresh file(std::filesystem::path(data_dir) / "bench-ingest-sync.sqlite");
    auto store = ServerStore::open(file.path.string());
    if (!store.ok()) {
      std::fprintf(stderr, "bench-ingest: %s\n", store.error().message.c_str());
      return 1;
    }
    auto c = store.value()->create_community(community_uid.is_nil() ? app::Id{2, 2} : community_uid, "bench", "bench");
    const std::int64_t manager = static_cast<std::int64_t>(app::Role::manager);
    if (!c.ok() || !store.value()->put_staff({c.value().id, "B1", bench_manager, manager, "-", "-"}).ok() ||
        !store.value()->add_device(hash_token("bench"), {c.value().id, "B1", bench_device, manager}, clock.now_ms()).ok() ||
        !store.value()->record_device_user(c.value().id, bench_device, bench_manager, 0).ok()) {
      std::fprintf(stderr, "bench-ingest: cannot set up\n");
      return 1;
    }
    // The manager: the pushes are the whole estate, staff and zones included.
    SyncService service(*store.value(), clock, random);
    std::int64_t cursor = 0;
    const auto t = Clock::now();
    for (std::string& body : bodies) {
      // The tablet's cursor moves with every answer, as in a real push.
      const std::string marker = "\"cursor\":0,";
      body.replace(body.find(marker), marker.size(), "\"cursor\":" + std::to_string(cursor) + ",");
      Reply r = service.sync("Bearer bench", body);
      auto parsed = app::sync::parse_response(r.body);
      if (r.status != 200 || !parsed.ok()) {
        std::fprintf(stderr, "bench-ingest: push failed: %d %s\n", r.status, r.body.c_str());
        return 1;
      }
      cursor = parsed.value().cursor;
    }
    sync_s = seconds_since(t);
    if (store.value()->op_count(c.value().id) != static_cast<std::int64_t>(ops.size())) {
      std::fprintf(stderr, "bench-ingest: stored %lld of %zu ops\n",
                   static_cast<long long>(store.value()->op_count(c.value().id)), ops.size());
      return 1;
    }
  }
  {
    // Baseline: the same rows, same schema and durability, one transaction
    // per 2,000 like the pushes, through nothing but a prepared INSERT.
    Fresh file(std::filesystem::path(data_dir) / "bench-ingest-raw.sqlite");
    auto store = ServerStore::open(file.path.string());
    if (!store.ok()) return 1;
    auto c = store.value()->create_community(app::Id{3, 3}, "raw", "raw");
    if (!c.ok()) return 1;
    Db& db = store.value()->db();
    const auto t = Clock::now();
    for (std::size_t i = 0; i < records.size(); i += batch) {
      Transaction tx(db);
      Stmt s(db, "INSERT OR IGNORE INTO ops(community, op_id, record) VALUES(?,?,?)");
      for (std::size_t k = i; k < std::min(records.size(), i + batch); ++k) {
        s.reset();
        s.bind(1, c.value().id).bind_blob(2, std::string_view(reinterpret_cast<const char*>(&ops[k].op_id), 16));
        s.bind_blob(3, records[k]).step();
      }
      if (!tx.commit().ok()) return 1;
    }
    raw_s = seconds_since(t);
  }
  const double sync_rate = static_cast<double>(ops.size()) / sync_s;
  const double raw_rate = static_cast<double>(ops.size()) / raw_s;
  const double ratio = sync_rate / raw_rate;
  std::fprintf(out, "figure: sync.ingest_ops = %zu ops\n", ops.size());
  std::fprintf(out, "figure: sync.ingest_ops_per_s = %.0f ops/s\n", sync_rate);
  std::fprintf(out, "figure: sync.raw_insert_ops_per_s = %.0f ops/s\n", raw_rate);
  std::fprintf(out, "figure: sync.ingest_ratio = %.2f x  (target >= 0.5: %s)\n", ratio, ratio >= 0.5 ? "met" : "missed");
  return 0;
}

}  // namespace server
