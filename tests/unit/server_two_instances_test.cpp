// Two butler-server instances (each its HTTP stack and store, as main.cpp
// assembles them) on one database, as behind a load balancer (issue 21): a
// token given by one works on the other, and what a tablet pushes to one is
// pulled from the other at once, in the next request.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "app/ops/codec.hpp"
#include "app/server/admin.hpp"
#include "app/sync/wire.hpp"
#include "http_fixture.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string enroll(int port, const std::string& code, const std::string& pin, const Id& device) {
  httplib::Client cli("127.0.0.1", port);
  auto res = cli.Post("/api/v1/enroll", sync::encode_enroll_request({code, pin, device}), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return sync::parse_enroll_response(res->body).value().token;
}

sync::SyncResponse sync_at(int port, const std::string& token, const Id& device, std::int64_t cursor,
                           const std::vector<std::string_view>& records = {}) {
  httplib::Client cli("127.0.0.1", port);
  auto res = cli.Post("/api/v1/sync", bearer(token), sync::encode_request(device, cursor, records), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return sync::parse_response(res->body).value();
}

}  // namespace

TEST_CASE("two server instances on one database: a push to one is pulled from the other at once") {
  const std::string engine = GENERATE(from_range(test_db::engines()));
  INFO(engine);
  // SQLite: one file both open (WAL); PostgreSQL: one schema.
  std::filesystem::path file;
  std::string location;
  if (engine == "postgresql") {
    location = test_db::fresh(engine);
  } else {
    file = std::filesystem::temp_directory_path() / ("butler-two-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(file);
    location = file.string();
  }
  {
    http_fixture::Served a(server::HttpTuning(), location), b(server::HttpTuning(), location);
    auto logins = server::demo_init(*a.store, a.random);
    REQUIRE(logins.ok());
    std::string head_pin, butler_pin;
    for (const auto& l : logins.value()) {
      if (l.code == "DGJ001") head_pin = l.pin;
      if (l.code == "GJ001") butler_pin = l.pin;
    }
    const Id butler_tablet{7, 7}, head_tablet{9, 9};
    const std::string butler = enroll(a.port, "GJ001", butler_pin, butler_tablet);  // enrolled by A…
    const std::string head = enroll(b.port, "DGJ001", head_pin, head_tablet);        // …and by B

    // The head butler catches up through B; the butler's token works there too.
    std::int64_t cursor = 0;
    Id unit;
    for (int page = 0; page < 100; ++page) {
      const auto r = sync_at(b.port, head, head_tablet, cursor);
      for (const auto& rec : r.records) {
        auto op = decode_op(rec);
        if (op.ok() && op.value().kind == OpKind::unit_set && unit.is_nil()) unit = op.value().entity;
      }
      cursor = r.cursor;
      if (!r.more) break;
    }
    REQUIRE_FALSE(unit.is_nil());
    CHECK(sync_at(b.port, butler, butler_tablet, cursor).records.empty());

    // The butler pushes to A; the head butler's next pull from B has it.
    Op op;
    op.op_id = Id{0xABC, 1};
    op.device_id = butler_tablet;
    op.hlc = {1790000000000, 1};
    op.entity = unit;
    op.kind = OpKind::unit_set;
    op.payload.set(F::status, std::int64_t{2});
    const std::string rec = encode_op(op);
    const auto pushed = sync_at(a.port, butler, butler_tablet, cursor, {rec});
    CHECK(pushed.acked == std::vector<Id>{op.op_id});
    const auto pulled = sync_at(b.port, head, head_tablet, cursor);
    CHECK(pulled.records == std::vector<std::string>{rec});
    CHECK(pulled.cursor == pushed.cursor);
    // Sent again to B: acked, stored once.
    CHECK(sync_at(b.port, butler, butler_tablet, 0, {rec}).acked.size() == 1);
    CHECK(a.store->op_count(-1) == b.store->op_count(-1));
  }
  if (!file.empty()) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ec);
  }
}
