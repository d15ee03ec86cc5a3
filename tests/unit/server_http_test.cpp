// The real butler-server HTTP stack on 127.0.0.1 (a free port), driven with
// httplib's client: enrolment, push, pull, idempotency, community scoping,
// every kind of bad input answered 4xx with nothing stored, blobs, exports.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "app/core/base64.hpp"
#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/validate_op.hpp"
#include "app/ops/codec.hpp"
#include "app/server/admin.hpp"
#include "app/server/api.hpp"
#include "app/server/http_server.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "app/server/xlsx_reader.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

struct Running {
  fakes::Clock clock;
  server::OsRandom random;
  std::unique_ptr<server::ServerStore> store;
  std::unique_ptr<server::SyncService> service;
  server::HttpServer http;  // the transport main.cpp serves with
  std::thread thread;
  int port = 0;

  Running() {
    store = std::move(server::ServerStore::open(test_db::location())).value();
    service = std::make_unique<server::SyncService>(*store, clock, random);
    server::mount_api(http, *service);
    port = http.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::yield();
  }
  ~Running() {
    http.stop();
    thread.join();
  }
};

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string enroll(httplib::Client& cli, const std::string& code, const std::string& pin, int* status) {
  auto res = cli.Post("/api/v1/enroll", sync::encode_enroll_request({code, pin, Id{7, 7}}), "application/json");
  REQUIRE(res);
  *status = res->status;
  auto parsed = sync::parse_enroll_response(res->body);
  return parsed.ok() ? parsed.value().token : res->body;
}

Op unit_status_op(const Id& unit, std::int64_t status, std::uint64_t n) {
  Op op;
  op.op_id = Id{0xABC, n};
  op.device_id = Id{7, 7};
  op.hlc = {1790000000000, static_cast<std::uint32_t>(n)};
  op.entity = unit;
  op.kind = OpKind::unit_set;
  op.payload.set(F::status, status);
  return op;
}

}  // namespace

TEST_CASE("butler-server over HTTP: enrol, sync, scoping, bad input, blobs, exports") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Running srv;
  auto logins = server::demo_init(*srv.store, srv.random);
  REQUIRE(logins.ok());
  std::string head_pin, butler_pin;
  for (const auto& l : logins.value()) {
    if (l.code == "DGJ001") head_pin = l.pin;
    if (l.code == "GJ001") butler_pin = l.pin;
  }
  server::ServerWriter writer(*srv.store, srv.clock, srv.random);
  auto other = server::create_community(writer, *srv.store, "翠苑", "宁波市");
  REQUIRE(other.ok());
  REQUIRE(server::add_staff(writer, *srv.store, other.value(), "CY001", "钱主管", 1, "246810").ok());

  httplib::Client cli("127.0.0.1", srv.port);
  auto health = cli.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body.find("\"ok\":true") != std::string::npos);

  int status = 0;
  const std::string wrong = enroll(cli, "GJ001", "000000", &status);
  CHECK(status == 401);
  CHECK(wrong.find("wrong_pin") != std::string::npos);
  enroll(cli, "NOBODY", "123456", &status);
  CHECK(status == 401);
  // Guessing is stopped: after five wrong PINs even the right one waits.
  for (int i = 0; i < 5; ++i) enroll(cli, "GJ002", "11111" + std::to_string(i), &status);
  CHECK(status == 401);
  std::string gj002_pin;
  for (const auto& l : logins.value()) if (l.code == "GJ002") gj002_pin = l.pin;
  enroll(cli, "GJ002", gj002_pin, &status);
  CHECK(status == 429);
  srv.clock.now += 16 * 60 * 1000;
  enroll(cli, "GJ002", gj002_pin, &status);
  CHECK(status == 200);
  const std::string butler = enroll(cli, "GJ001", butler_pin, &status);
  REQUIRE(status == 200);
  CHECK(is_sha256_hex(butler));  // 32 random bytes as hex
  const std::string head = enroll(cli, "DGJ001", head_pin, &status);
  REQUIRE(status == 200);
  const std::string other_head = enroll(cli, "CY001", "246810", &status);
  REQUIRE(status == 200);

  auto sync = [&](const std::string& token, const std::string& body) {
    auto res = cli.Post("/api/v1/sync", bearer(token), body, "application/json");
    REQUIRE(res);
    return *res;
  };
  const auto demo_ops = static_cast<std::size_t>(srv.store->op_count(srv.store->find_community("锦绣花园")->id));
  const std::int64_t total_before = srv.store->op_count(-1);

  // Pull everything in pages; remember a unit to change.
  std::int64_t cursor = 0;
  std::size_t pulled = 0;
  Id unit;
  for (int page = 0; page < 100; ++page) {
    auto res = sync(butler, sync::encode_request(Id{7, 7}, cursor, {}));
    REQUIRE(res.status == 200);
    auto r = sync::parse_response(res.body);
    REQUIRE(r.ok());
    CHECK(r.value().records.size() <= 2000);
    for (const auto& rec : r.value().records) {
      auto op = decode_op(rec);
      REQUIRE(op.ok());
      if (op.value().kind == OpKind::unit_set && unit.is_nil()) unit = op.value().entity;
    }
    pulled += r.value().records.size();
    cursor = r.value().cursor;
    if (!r.value().more) break;
  }
  CHECK(pulled == demo_ops);
  REQUIRE_FALSE(unit.is_nil());

  // Push one op; it is acked and comes back to a pull from the cursor.
  const std::string rec = encode_op(unit_status_op(unit, 2, 1));
  auto pushed = sync(butler, sync::encode_request(Id{7, 7}, cursor, {rec}));
  REQUIRE(pushed.status == 200);
  auto pr = sync::parse_response(pushed.body);
  REQUIRE(pr.ok());
  CHECK(pr.value().acked == std::vector<Id>{Id{0xABC, 1}});
  CHECK(pr.value().records.empty());  // its own push is not echoed back…
  CHECK(pr.value().cursor > cursor);     // …but the cursor moves past it
  auto later = sync(head, sync::encode_request(Id{9, 9}, cursor, {}));
  CHECK(sync::parse_response(later.body).value().records == std::vector<std::string>{rec});  // others get it
  CHECK(srv.store->op_count(-1) == total_before + 1);
  // Idempotent: the same op again is acked and stored once.
  auto again = sync(butler, sync::encode_request(Id{7, 7}, 0, {rec}));
  CHECK(again.status == 200);
  CHECK(sync::parse_response(again.body).value().acked.size() == 1);
  const std::int64_t stored = srv.store->op_count(-1);
  CHECK(stored == total_before + 1);

  // Every bad input: 4xx, the JSON error shape, nothing stored.
  std::string corrupt = encode_op(unit_status_op(unit, 1, 2));
  corrupt[corrupt.size() / 2] ^= 0x55;
  Op unknown = unit_status_op(unit, 1, 3);
  unknown.kind = static_cast<OpKind>(99);
  const std::string good = encode_op(unit_status_op(unit, 2, 4));  // renovating: a butler's to record (model is a lead's)
  const std::string insane = encode_op(unit_status_op(unit, 9, 5));
  const std::string dev = "\"device_id\":\"" + Id{7, 7}.to_hex() + "\"";
  struct Bad { const char* what; std::string token, body; int status; };
  const std::vector<Bad> bad = {
      {"no token", "", sync::encode_request(Id{7, 7}, 0, {good}), 401},
      {"wrong token", std::string(64, 'a'), sync::encode_request(Id{7, 7}, 0, {good}), 401},
      {"malformed JSON", butler, "{\"device_id\":", 400},
      {"not an object", butler, "[1,2]", 400},
      {"bad base64", butler, "{" + dev + ",\"cursor\":0,\"ops\":[\"!!notbase64\"]}", 400},
      {"bad record", butler, sync::encode_request(Id{7, 7}, 0, {good, corrupt}), 400},
      {"unknown kind", butler, sync::encode_request(Id{7, 7}, 0, {good, encode_op(unknown)}), 400},
      {"invalid value", butler, sync::encode_request(Id{7, 7}, 0, {good, insane}), 400},
      {"another community's community op", other_head, [&] {
         Op op = unit_status_op(srv.store->find_community("锦绣花园")->uid, 0, 6);
         op.kind = OpKind::community_set;
         op.payload = {};
         op.payload.set(F::name, std::string("hijacked"));
         return sync::encode_request(Id{7, 7}, 0, {encode_op(op)});
       }(), 403},
      {"too large", butler, std::string(9u << 20, ' '), 413},
      {"larger than any route takes", butler, std::string(13u << 20, ' '), 413},
  };
  for (const Bad& b : bad) {
    INFO(b.what);
    auto res = b.token.empty() ? cli.Post("/api/v1/sync", b.body, "application/json")
                               : cli.Post("/api/v1/sync", bearer(b.token), b.body, "application/json");
    REQUIRE(res);
    CHECK(res->status == b.status);
    CHECK(res->body.find("\"error\":") != std::string::npos);
    CHECK(srv.store->op_count(-1) == stored);
  }
  // Roles: a butler may not add a zone; the head butler may. Ops already
  // stored are acked whoever pushes them again (a demo tablet's whole log).
  Op zone;
  zone.op_id = Id{0xABC, 50};
  zone.device_id = Id{7, 7};
  zone.hlc = {1790000000000, 50};
  zone.entity = Id{0x20, 1};
  zone.kind = OpKind::zone_set;
  zone.payload.set(F::name, std::string("第九责任区"));
  auto as_butler = sync(butler, sync::encode_request(Id{7, 7}, 0, {good, encode_op(zone)}));
  CHECK(as_butler.status == 403);
  CHECK(as_butler.body.find("\"index\":1") != std::string::npos);
  CHECK(srv.store->op_count(-1) == stored);
  std::string staff_record;
  for (const Op& op : generate_demo({}).ops) if (op.kind == OpKind::staff_set && staff_record.empty()) staff_record = encode_op(op);
  CHECK(sync(butler, sync::encode_request(Id{7, 7}, 0, {staff_record})).status == 200);
  CHECK(srv.store->op_count(-1) == stored);
  CHECK(sync(head, sync::encode_request(Id{9, 9}, 0, {encode_op(zone)})).status == 200);
  CHECK(srv.store->op_count(-1) == stored + 1);
  CHECK(role_may_write(static_cast<std::int64_t>(Role::front_desk), OpKind::resident_set));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::cleaning), OpKind::unit_set));

  // The refused op's index comes back so the tablet can set just that one aside.
  auto refused = sync(butler, sync::encode_request(Id{7, 7}, 0, {good, insane}));
  CHECK(refused.body.find("\"index\":1") != std::string::npos);

  // Community scoping: the other community sees none of this one's ops.
  auto theirs = sync(other_head, sync::encode_request(Id{8, 8}, 0, {}));
  REQUIRE(theirs.status == 200);
  auto tr = sync::parse_response(theirs.body);
  REQUIRE(tr.ok());
  CHECK(tr.value().records.size() == 2);  // its community and its one staff member
  for (const auto& r : tr.value().records) CHECK(decode_op(r).value().device_id == server::kServerDevice);

  // The demo estate's records go nowhere but the demo community: a tablet
  // that tried the demo in an older version and enrols into 翠苑 is refused
  // (the demo's own unit, by the demo's device id), and 翠苑 stores nothing.
  std::string demo_unit;
  for (const Op& op : generate_demo({}).ops) if (op.kind == OpKind::unit_set && demo_unit.empty()) demo_unit = encode_op(op);
  const auto other_id = srv.store->find_community("翠苑")->id;
  const auto other_before = srv.store->op_count(other_id);
  auto demo_into_real = sync(other_head, sync::encode_request(Id{8, 8}, 0, {demo_unit}));
  CHECK(demo_into_real.status == 403);
  CHECK(demo_into_real.body.find("demo_record") != std::string::npos);
  CHECK(demo_into_real.body.find("\"index\":0") != std::string::npos);
  CHECK(srv.store->op_count(other_id) == other_before);
  // In the demo community, where it is stored, it is acked as before.
  CHECK(sync(head, sync::encode_request(Id{9, 9}, 0, {demo_unit})).status == 200);

  // Blobs: named by their SHA-256, verified, idempotent, scoped.
  const std::string photo = "\xFF\xD8\xFF jpeg bytes of a cracked lamp cover";
  const std::string sha = sha256_hex(photo);
  auto put = cli.Put(("/api/v1/blobs/" + sha).c_str(), bearer(butler), photo, "image/jpeg");
  REQUIRE(put);
  CHECK(put->status == 200);
  CHECK(cli.Put(("/api/v1/blobs/" + sha).c_str(), bearer(butler), photo, "image/jpeg")->status == 200);
  const std::string other_sha = sha256_hex("something else");
  CHECK(cli.Put(("/api/v1/blobs/" + other_sha).c_str(), bearer(butler), photo, "image/jpeg")->status == 400);
  CHECK(cli.Put("/api/v1/blobs/not-a-hash", bearer(butler), photo, "image/jpeg")->status == 400);
  const std::string huge((12u << 20) + 512, 'x');  // past the blob limit, inside httplib's
  CHECK(cli.Put(("/api/v1/blobs/" + sha256_hex(huge)).c_str(), bearer(butler), huge, "image/jpeg")->status == 413);
  CHECK(srv.store->blob_count() == 1);
  auto got = cli.Get(("/api/v1/blobs/" + sha).c_str(), bearer(butler));
  REQUIRE(got);
  CHECK(got->status == 200);
  CHECK(got->body == photo);
  CHECK(cli.Get(("/api/v1/blobs/" + other_sha).c_str(), bearer(butler))->status == 404);
  CHECK(cli.Get(("/api/v1/blobs/" + sha).c_str(), bearer(other_head))->status == 404);
  CHECK(cli.Get(("/api/v1/blobs/" + sha).c_str())->status == 401);

  // Exports: for the office roles only, UTF-8 with BOM, Chinese headers.
  CHECK(cli.Get("/api/v1/export/units.csv", bearer(butler))->status == 403);
  auto units = cli.Get("/api/v1/export/units.csv", bearer(head));
  REQUIRE(units);
  REQUIRE(units->status == 200);
  CHECK(units->get_header_value("Content-Type").find("text/csv") == 0);
  CHECK(units->get_header_value("Content-Disposition") == "attachment; filename=\"units.csv\"");
  CHECK(units->body.rfind("\xEF\xBB\xBF\"楼栋\",\"单元\",\"房号\",\"楼层\",\"状态\"\r\n", 0) == 0);
  // The first unit in archive order, changed by the push above, and its neighbour:
  // text quoted, the floor a bare number.
  CHECK(units->body.find("\"状态\"\r\n\"1栋\",\"1\",\"101\",1,\"装修中\"\r\n\"1栋\",\"1\",\"102\",1,\"样板间\"\r\n") != std::string::npos);
  auto residents = cli.Get("/api/v1/export/residents.csv", bearer(head));
  REQUIRE(residents);
  CHECK(residents->status == 200);
  CHECK(residents->body.rfind("\xEF\xBB\xBF\"姓名\",\"电话\",\"楼栋\",\"单元\",\"房号\",\"身份\",\"职业\",\"迁入日期\",\"迁出日期\"\r\n", 0) == 0);
  auto theirs_csv = cli.Get("/api/v1/export/units.csv", bearer(other_head));
  REQUIRE(theirs_csv);
  CHECK(theirs_csv->status == 200);
  CHECK(theirs_csv->body == "\xEF\xBB\xBF\"楼栋\",\"单元\",\"房号\",\"楼层\",\"状态\"\r\n");  // none of 锦绣花园's units
  // The same rows as a workbook, for the same roles only.
  CHECK(cli.Get("/api/v1/export/units.xlsx", bearer(butler))->status == 403);
  auto book = cli.Get("/api/v1/export/units.xlsx", bearer(head));
  REQUIRE(book);
  CHECK(book->status == 200);
  CHECK(book->get_header_value("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(book->get_header_value("Content-Disposition") == "attachment; filename=\"units.xlsx\"");
  auto sheet = server::read_xlsx(book->body);
  REQUIRE(sheet.ok());
  REQUIRE(sheet.value().size() >= 3);
  CHECK(sheet.value()[1].cells == std::vector<std::string>{"1栋", "1", "101", "1", "装修中"});
  auto month = cli.Get("/api/v1/export/month/2026-11.xlsx", bearer(head));
  REQUIRE(month);
  CHECK(month->status == 200);
  CHECK(month->get_header_value("Content-Disposition") == "attachment; filename=\"2026-11.xlsx\"");
  CHECK(cli.Get("/api/v1/export/month/2026-13.xlsx", bearer(head))->status == 400);
  CHECK(cli.Get("/api/v1/export/month/2026-11.xlsx", bearer(butler))->status == 403);
  CHECK(cli.Get("/api/v1/export/nothing.csv", bearer(head))->status == 404);
  CHECK(cli.Get("/api/v1/nothing", bearer(head))->status == 404);
}

TEST_CASE("admin commands: community, staff, PIN reset and revocation, as the office runs them") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  auto store = std::move(server::ServerStore::open(test_db::location())).value();
  std::FILE* sink = std::tmpfile();
  REQUIRE(server::run_admin({"create-community", "翠苑", "宁波市"}, *store, sink, sink) == 0);
  CHECK(server::run_admin({"create-community", "翠苑", "宁波市"}, *store, sink, sink) == 1);  // exists
  REQUIRE(server::run_admin({"add-staff", "翠苑", "CY002", "孙管家", "butler", "135790"}, *store, sink, sink) == 0);
  CHECK(server::run_admin({"add-staff", "翠苑", "CY003", "某人", "astronaut", "135790"}, *store, sink, sink) == 1);
  CHECK(server::run_admin({"add-staff", "无此小区", "CY004", "某人", "butler", "135790"}, *store, sink, sink) == 1);
  CHECK(server::run_admin({"add-staff", "翠苑", "CY005", "某人", "butler", "12ab"}, *store, sink, sink) == 1);
  CHECK(server::run_admin({"frobnicate"}, *store, sink, sink) == 2);

  fakes::Clock clock;
  fakes::Random random(4);
  server::SyncService service(*store, clock, random);
  auto enrol = [&](const char* pin) {
    return service.enroll(sync::encode_enroll_request({"CY002", pin, Id{1, 2}}));
  };
  auto first = enrol("135790");
  REQUIRE(first.status == 200);
  const std::string token = sync::parse_enroll_response(first.body).value().token;
  CHECK(service.sync("Bearer " + token, sync::encode_request(Id{1, 2}, 0, {})).status == 200);
  REQUIRE(server::run_admin({"reset-pin", "CY002", "246802"}, *store, sink, sink) == 0);
  CHECK(enrol("135790").status == 401);
  CHECK(enrol("246802").status == 200);
  REQUIRE(server::run_admin({"revoke-devices", "CY002"}, *store, sink, sink) == 0);
  CHECK(service.sync("Bearer " + token, sync::encode_request(Id{1, 2}, 0, {})).status == 401);
  std::fclose(sink);
}

TEST_CASE("concurrent pushes over HTTP are all stored once, and pages never skip") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Running srv;
  server::ServerWriter writer(*srv.store, srv.clock, srv.random);
  auto c = server::create_community(writer, *srv.store, "翠苑", "宁波市");
  REQUIRE(c.ok());
  for (int t = 0; t < 4; ++t) {
    // Head butlers: the pushes set model units too.
    REQUIRE(srv.store->put_staff({c.value().id, "T" + std::to_string(t), Id{0x5A, static_cast<std::uint64_t>(t)}, 1, "-", "-"}).ok());
    REQUIRE(srv.store->add_device(server::hash_token("tok" + std::to_string(t)),
                                  {c.value().id, "T" + std::to_string(t), Id{1, static_cast<std::uint64_t>(t)}, 0}, srv.clock.now)
                .ok());
  }
  const Id unit{0xF00, 1};
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client cli("127.0.0.1", srv.port);
      for (int b = 0; b < 10; ++b) {
        std::vector<std::string> recs;
        for (int k = 0; k < 50; ++k) {
          Op op = unit_status_op(unit, k % 4, static_cast<std::uint64_t>(t * 100000 + b * 100 + k));
          op.device_id = Id{1, static_cast<std::uint64_t>(t)};  // recorded on the tablet that pushes it
          recs.push_back(encode_op(op));
        }
        std::vector<std::string_view> views(recs.begin(), recs.end());
        auto res = cli.Post("/api/v1/sync", bearer("tok" + std::to_string(t)),
                            sync::encode_request(Id{1, static_cast<std::uint64_t>(t)}, 0, views), "application/json");
        if (!res || res->status != 200) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(srv.store->op_count(c.value().id) == 1 + 4 * 10 * 50);
  // A pull in small pages sees every op exactly once.
  std::set<Id> seen;
  std::int64_t cursor = 0;
  for (int i = 0; i < 100; ++i) {
    auto page = srv.store->ops_after(c.value().id, cursor, 64, 1 << 20);
    REQUIRE(page.ok());
    for (const auto& r : page.value().records) CHECK(seen.insert(decode_op(r).value().op_id).second);
    cursor = page.value().cursor;
    if (!page.value().more) break;
  }
  CHECK(seen.size() == 1 + 4 * 10 * 50);
}
