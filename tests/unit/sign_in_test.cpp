// Sign-in that an attacker cannot turn against the staff (issue 20): PINs
// stored as argon2id (older SHA-256 rows upgraded at their next sign-in),
// wrong PINs counted in the database per device, per code and per address —
// atomically, so parallel tries get no more than the limit, never locking the
// owner out of their own enrolled tablet, in a table that stays bounded —,
// revoke-devices and reset-pin that mean what they say, tokens that expire
// when unused, and a --demo server that refuses real data.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <unistd.h>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/server/admin.hpp"
#include "app/server/api.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sign_in.hpp"
#include "app/server/db.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"
#include "office_fixture.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

bool is_argon2id(const std::string& hash) { return hash.rfind("$argon2id$", 0) == 0; }

std::int64_t failure_rows(server::ServerStore& store) {
  server::Stmt s(store.db(), "SELECT count(*) FROM sign_in_failures");
  return s.step() ? s.integer(0) : -1;
}

// An in-memory server with one community (翠苑) and the office's admin commands.
struct Server {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  fakes::Clock clock;
  fakes::Random random{20};
  std::unique_ptr<server::SyncService> service;
  std::FILE* sink = std::tmpfile();

  explicit Server(server::Limits limits = {}) {
    service = std::make_unique<server::SyncService>(*store, clock, random, limits);
    admin({"create-community", "翠苑", "宁波市"});
  }
  ~Server() { std::fclose(sink); }
  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }
  server::Reply enroll(const std::string& code, const std::string& pin, const Id& device,
                       const std::string& address = "10.0.0.1") {
    return service->enroll(sync::encode_enroll_request({code, pin, device}), address);
  }
  std::string token(const std::string& code, const std::string& pin, const Id& device,
                    const std::string& address = "10.0.0.1") {
    const server::Reply r = enroll(code, pin, device, address);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return sync::parse_enroll_response(r.body).value().token;
  }
  server::Reply sync(const std::string& token, const Id& device) {
    return service->sync("Bearer " + token, sync::encode_request(device, 0, {}));
  }
};

// The real HTTP stack on a loopback port (as server_http_test.cpp's).
struct Running {
  fakes::Clock clock;
  fakes::Random random{21};
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  std::unique_ptr<server::SyncService> service;
  httplib::Server http;
  std::thread thread;
  int port = 0;

  Running() {
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

}  // namespace

TEST_CASE("PINs are argon2id at libsodium's interactive cost, and the suite's lower cost changes only the parameters") {
  const auto real = server::hash_pin("135790", server::PinCost::interactive());
  REQUIRE(real.ok());
  CHECK(real.value().rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0);
  CHECK(server::check_pin("", real.value(), "135790").match);
  CHECK_FALSE(server::check_pin("", real.value(), "135791").match);
  // Two hashes of one PIN differ: each carries its own salt.
  const auto again = server::hash_pin("135790", server::PinCost::interactive());
  REQUIRE(again.ok());
  CHECK(again.value() != real.value());

  const auto cheap = server::hash_pin("135790");  // the suite's cost (tests/unit/main.cpp)
  REQUIRE(cheap.ok());
  CHECK(cheap.value().rfind("$argon2id$v=19$m=8,t=1,p=1$", 0) == 0);
  // Below the cost in force, a matching hash is due for a rehash; at it, not.
  server::set_pin_cost(server::PinCost::interactive());
  CHECK(server::check_pin("", cheap.value(), "135790").needs_rehash);
  CHECK_FALSE(server::check_pin("", real.value(), "135790").needs_rehash);
  server::set_pin_cost(server::PinCost::cheapest());
  CHECK_FALSE(server::check_pin("", cheap.value(), "135790").needs_rehash);
  CHECK_FALSE(server::check_pin("", cheap.value(), "000000").needs_rehash);  // only a right PIN is rehashed
}

TEST_CASE("an old salted SHA-256 PIN still signs in and is then stored as argon2id") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "111111"});
  auto row = o.store->find_staff("CY001");
  REQUIRE(row);
  // The row as the server stored it before argon2id.
  row->salt = "00112233445566778899aabbccddeeff";
  row->pin_hash = server::legacy_hash_pin(row->salt, "135790");
  REQUIRE(o.store->put_staff(*row).ok());

  CHECK(o.enroll("CY001", "135791", Id{1, 1}).status == 401);
  CHECK_FALSE(is_argon2id(o.store->find_staff("CY001")->pin_hash));  // a wrong PIN changes nothing
  o.token("CY001", "135790", Id{1, 1});
  const auto upgraded = o.store->find_staff("CY001");
  REQUIRE(upgraded);
  CHECK(is_argon2id(upgraded->pin_hash));
  CHECK(upgraded->salt.empty());
  CHECK(server::check_pin("", upgraded->pin_hash, "135790").match);
  // The same PIN keeps working, now against the argon2id row.
  o.token("CY001", "135790", Id{1, 2});
  CHECK(o.enroll("CY001", "135791", Id{1, 2}).status == 401);
}

TEST_CASE("add-staff, reset-pin, the demo and the office's staff import all store argon2id") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  CHECK(is_argon2id(o.store->find_staff("CY001")->pin_hash));
  CHECK(o.store->find_staff("CY001")->salt.empty());
  o.admin({"reset-pin", "CY001", "246802"});
  CHECK(is_argon2id(o.store->find_staff("CY001")->pin_hash));
  CHECK(server::check_pin("", o.store->find_staff("CY001")->pin_hash, "246802").match);

  // The demo on a database of its own: demo-init refuses one holding 翠苑.
  auto demo_store = std::move(server::ServerStore::open(test_db::location())).value();
  auto demo = server::demo_init(*demo_store, o.random);
  REQUIRE(demo.ok());
  REQUIRE_FALSE(demo.value().empty());
  for (const auto& l : demo.value()) {
    INFO(l.code);
    const auto row = demo_store->find_staff(l.code);
    REQUIRE(row);
    CHECK(is_argon2id(row->pin_hash));
    CHECK(server::check_pin(row->salt, row->pin_hash, l.pin).match);
  }

  app::Office office;  // tests/unit/office_fixture.hpp: a community set up from the office's files
  office.must(ImportKind::staff, "工号,姓名,岗位,初始PIN\nXF001,周管家,客服管家,135790\nXF002,吴保洁,保洁,\n");
  CHECK(is_argon2id(office.store->find_staff("XF001")->pin_hash));
  CHECK(is_argon2id(office.store->find_staff("XF002")->pin_hash));
  CHECK(server::check_pin("", office.store->find_staff("XF001")->pin_hash, "135790").match);
}

TEST_CASE("a storm of wrong PINs from other devices and addresses does not lock the owner out of their enrolled tablet") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  const Id tablet{0x7AB, 1};
  const std::string first = o.token("CY001", "135790", tablet, "10.0.0.7");
  // An attacker: 300 wrong PINs from many devices and addresses, and five from the owner's own address.
  int locked = 0;
  for (int i = 0; i < 300; ++i) {
    const auto r = o.enroll("CY001", "000000", Id{0xBAD, static_cast<std::uint64_t>(i / 6)},
                            "198.51.100." + std::to_string(i % 50));
    CHECK((r.status == 401 || r.status == 429));
    if (r.status == 429) ++locked;
  }
  CHECK(locked > 250);  // a device gets five tries, the code twenty from devices it never enrolled
  for (int i = 0; i < 25; ++i) {  // the owner's address too, past its limit
    o.enroll("GJ4" + std::to_string(i), "000000", Id{0xBAD, 900 + static_cast<std::uint64_t>(i)}, "10.0.0.7");
  }
  CHECK(o.enroll("CY001", "135790", Id{0xC0DE, 1}, "10.0.0.7").status == 429);  // a device it never enrolled waits

  // The owner, on the tablet that enrolled before, signs in at once, from any address.
  o.token("CY001", "135790", tablet, "10.0.0.7");
  o.token("CY001", "135790", tablet, "203.0.113.5");
  CHECK(o.sync(first, tablet).status == 200);
  // Their own tablet still gets only five wrong tries of its own.
  for (int i = 0; i < 5; ++i) CHECK(o.enroll("CY001", "999999", tablet).status == 401);
  CHECK(o.enroll("CY001", "135790", tablet).status == 429);
  // The window passes: everyone may try again.
  o.clock.now += 15 * kMinute + 1;
  o.token("CY001", "135790", tablet);
  o.token("CY001", "135790", Id{0xC0DE, 1}, "10.0.0.7");
}

TEST_CASE("40 parallel wrong PINs over HTTP let at most 5 through before 429") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Running srv;
  fakes::Random random(22);
  server::ServerWriter writer(*srv.store, srv.clock, random);
  auto c = server::create_community(writer, *srv.store, "翠苑", "宁波市");
  REQUIRE(c.ok());
  REQUIRE(server::add_staff(writer, *srv.store, c.value(), "CY001", "孙管家", 0, "135790").ok());
  const std::string wrong = sync::encode_enroll_request({"CY001", "000000", Id{0xE1, 1}});
  std::atomic<int> through{0}, locked{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 40; ++t) {
    threads.emplace_back([&] {
      httplib::Client cli("127.0.0.1", srv.port);
      while (!go) std::this_thread::yield();
      // httplib listens with a backlog of 5: a connection the kernel dropped
      // got no answer at all, so it is sent again (an answer is what counts).
      auto res = cli.Post("/api/v1/enroll", wrong, "application/json");
      for (int retry = 0; !res && retry < 10; ++retry) res = cli.Post("/api/v1/enroll", wrong, "application/json");
      if (res && res->status == 401) ++through;
      else if (res && res->status == 429) ++locked;
      else ++other;
    });
  }
  go = true;
  for (auto& th : threads) th.join();
  CHECK(through <= 5);
  CHECK(through >= 1);
  CHECK(through + locked == 40);
  CHECK(other == 0);
  // And the right PIN from that device waits too; the message is the catalogue's.
  httplib::Client cli("127.0.0.1", srv.port);
  auto right = cli.Post("/api/v1/enroll", sync::encode_enroll_request({"CY001", "135790", Id{0xE1, 1}}), "application/json");
  REQUIRE(right);
  CHECK(right->status == 429);
  CHECK(right->body.find("\"error\":\"locked\"") != std::string::npos);
  CHECK(right->body.find(i18n::tr(i18n::S::err_enroll_locked)) != std::string::npos);
}

TEST_CASE("10,000 distinct random codes leave the failure table bounded, and a full table refuses instead of growing") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  server::Limits limits;
  limits.sign_in.max_rows = 300;
  Server o(limits);
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  fakes::Random random(23);
  int refused = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string code = "X" + std::to_string(random.next_u64());
    const auto r = o.enroll(code, "123456", Id{random.next_u64(), random.next_u64()}, "192.0.2.1");
    if (r.status == 429) ++refused;
  }
  CHECK(refused == 10000 - limits.sign_in.address_failures);
  CHECK(failure_rows(*o.store) <= 1 + 2 * limits.sign_in.address_failures);  // the address, and its 20 tries

  // From 2,000 addresses: at most max_rows rows, then 429 for anyone new.
  for (int i = 0; i < 2000; ++i) {
    const std::string code = "Y" + std::to_string(random.next_u64());
    o.enroll(code, "123456", Id{random.next_u64(), 1}, "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".9");
  }
  CHECK(failure_rows(*o.store) <= limits.sign_in.max_rows);
  CHECK(o.enroll("CY001", "135790", Id{5, 5}, "203.0.113.77").status == 429);
  // The owner's enrolled tablet is not refused even now.
  o.clock.now += 16 * kMinute;
  o.token("CY001", "135790", Id{5, 6}, "203.0.113.78");
  for (int i = 0; i < 1000; ++i) o.enroll("Z" + std::to_string(i), "123456", Id{7, 7}, "172.16." + std::to_string(i / 250) + "." + std::to_string(i % 250));
  CHECK(failure_rows(*o.store) <= limits.sign_in.max_rows + 1);
  o.token("CY001", "135790", Id{5, 6}, "203.0.113.78");
  // Rows leave with their window.
  o.clock.now += 16 * kMinute;
  o.token("CY001", "135790", Id{5, 7}, "203.0.113.79");
  CHECK(failure_rows(*o.store) == 0);

  // Keys are bounded before anything is counted: a code over 32 bytes, a PIN
  // over 12 digits or not digits, a device id not an id are refused as malformed.
  CHECK(o.enroll(std::string(33, 'A'), "123456", Id{1, 1}).status == 400);
  CHECK(o.service->enroll(R"({"code":"CY001","pin":"1234567890123","device_id":"00000000000000010000000000000002"})").status == 400);
  CHECK(o.service->enroll(R"({"code":"CY001","pin":"12a456","device_id":"00000000000000010000000000000002"})").status == 400);
  CHECK(o.service->enroll(R"({"code":"CY001","pin":"123456","device_id":"CY001"})").status == 400);
  CHECK(failure_rows(*o.store) == 0);
  CHECK(sync::parse_enroll_request(sync::encode_enroll_request({std::string(32, 'A'), "123456789012", Id{1, 1}})).ok());
}

TEST_CASE("an unknown code is answered exactly like a wrong PIN, and limited alike") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  const auto wrong = o.enroll("CY001", "000000", Id{3, 1});
  const auto unknown = o.enroll("CY999", "000000", Id{3, 2});
  CHECK(wrong.status == 401);
  CHECK(unknown.status == 401);
  CHECK(wrong.body == unknown.body);
  for (int i = 0; i < 4; ++i) {
    CHECK(o.enroll("CY001", "000000", Id{3, 1}).status == 401);
    CHECK(o.enroll("CY999", "000000", Id{3, 2}).status == 401);
  }
  const auto wrong_locked = o.enroll("CY001", "000000", Id{3, 1});
  const auto unknown_locked = o.enroll("CY999", "000000", Id{3, 2});
  CHECK(wrong_locked.status == 429);
  CHECK(unknown_locked.status == 429);
  CHECK(wrong_locked.body == unknown_locked.body);
}

TEST_CASE("client addresses: IPv4 as sent, IPv6 by its /64, an IPv4-mapped one as IPv4, never longer than 64 bytes") {
  CHECK(server::address_key("203.0.113.9") == "203.0.113.9");
  CHECK(server::address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64");
  CHECK(server::address_key("2001:db8:1:2::1") == server::address_key("2001:db8:1:2:ffff::9"));
  CHECK(server::address_key("::ffff:198.51.100.4") == "198.51.100.4");
  CHECK(server::address_key(std::string(500, 'x')).size() == 64);
  CHECK(server::address_key("") == "");
}

TEST_CASE("revoke-devices stops re-enrolment until reset-pin, and reset-pin revokes the code's tokens") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  o.admin({"add-staff", "翠苑", "CY002", "钱管家", "butler", "135790"});
  const Id tablet{0xA, 1};
  const std::string token = o.token("CY001", "135790", tablet);
  const std::string colleague = o.token("CY002", "135790", Id{0xA, 2});
  CHECK(o.sync(token, tablet).status == 200);

  o.admin({"revoke-devices", "CY001"});
  CHECK(o.sync(token, tablet).status == 401);
  // The right PIN no longer enrols (whoever holds the lost tablet may know it) …
  const auto refused = o.enroll("CY001", "135790", Id{0xA, 3});
  CHECK(refused.status == 403);
  CHECK(refused.body.find("\"error\":\"revoked\"") != std::string::npos);
  const auto said = sync::enroll_answer("http://server", "CY001", refused.status, refused.body);
  REQUIRE_FALSE(said.ok());
  CHECK(said.error().code == "revoked");
  CHECK(said.error().message == i18n::tr(i18n::S::err_enroll_revoked));
  // … a wrong one is just wrong (nothing said about the code) …
  CHECK(o.enroll("CY001", "000000", Id{0xA, 3}).status == 401);
  // … and the colleague is untouched.
  CHECK(o.sync(colleague, Id{0xA, 2}).status == 200);
  CHECK(server::run_admin({"revoke-devices", "NOBODY"}, *o.store, o.sink, o.sink) == 1);

  // A new PIN lifts the block; the old PIN is gone.
  o.admin({"reset-pin", "CY001", "246802"});
  CHECK(o.enroll("CY001", "135790", tablet).status == 401);
  const std::string renewed = o.token("CY001", "246802", tablet);
  CHECK(o.sync(renewed, tablet).status == 200);

  // reset-pin alone revokes the tokens given under the old PIN (it leaked, or was forgotten).
  const std::string office_pc = o.token("CY001", "246802", Id{0xA, 4});
  o.admin({"reset-pin", "CY001", "112233"});
  CHECK(o.sync(renewed, tablet).status == 401);
  CHECK(o.sync(office_pc, Id{0xA, 4}).status == 401);
  CHECK(o.service->office_catalog("Bearer " + office_pc).status == 401);
  CHECK(o.sync(colleague, Id{0xA, 2}).status == 200);
  o.token("CY001", "112233", tablet);
}

TEST_CASE("a token unused for longer than the expiry is refused as expired, and one in use is renewed") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  server::Limits limits;
  REQUIRE(limits.token_idle_ms == 30 * kDay);  // the default
  Server o;
  o.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  const Id used{0xB, 1}, idle{0xB, 2};
  const std::string in_use = o.token("CY001", "135790", used);
  const std::string drawer = o.token("CY001", "135790", idle);
  const auto hash = server::hash_token(in_use);
  const std::int64_t enrolled = o.clock.now;
  CHECK(o.store->find_device(hash)->last_used_ms == enrolled);

  // A sync within a minute of the last use writes nothing; after it, the use is recorded.
  o.clock.now += 30 * 1000;
  CHECK(o.sync(in_use, used).status == 200);
  CHECK(o.store->find_device(hash)->last_used_ms == enrolled);
  for (int day = 0; day < 3; ++day) {
    o.clock.now += 20 * kDay;
    CHECK(o.sync(in_use, used).status == 200);
    CHECK(o.store->find_device(hash)->last_used_ms == o.clock.now);
  }
  // 60 days on: the tablet that synced every 20 days works, the one in the drawer does not.
  const auto expired = o.sync(drawer, idle);
  CHECK(expired.status == 401);
  CHECK(expired.body.find("\"error\":\"expired\"") != std::string::npos);
  CHECK(expired.body.find(i18n::tr(i18n::S::err_sync_expired)) != std::string::npos);
  CHECK(o.service->get_blob("Bearer " + drawer, std::string(64, 'a')).status == 401);
  // Just inside the limit is still fine; just past it is not.
  o.clock.now += 30 * kDay;
  CHECK(o.sync(in_use, used).status == 200);
  o.clock.now += 30 * kDay + 1;
  CHECK(o.sync(in_use, used).status == 401);
  // Enrolling again gives a fresh token.
  const std::string fresh = o.token("CY001", "135790", used);
  CHECK(o.sync(fresh, used).status == 200);
}

TEST_CASE("an existing database gains the sign-in columns and table, and its tokens count as used at the upgrade") {
  const auto path = std::filesystem::temp_directory_path() / ("butler-signin-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto db = server::Db::open(path.string());
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec(R"SQL(
      CREATE TABLE communities(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
      CREATE TABLE staff(code TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
        staff_id TEXT NOT NULL, role INTEGER NOT NULL, salt TEXT NOT NULL, pin_hash TEXT NOT NULL);
      CREATE TABLE devices(token_hash TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
        staff_code TEXT NOT NULL, device_id TEXT NOT NULL, role INTEGER NOT NULL, enrolled_ms INTEGER NOT NULL,
        office INTEGER NOT NULL DEFAULT 0);
      INSERT INTO communities(id, uid, name, city) VALUES(1, '000000000000000000000000000000c0', '翠苑', '宁波市');
    )SQL").ok());
    const std::string salt = "0123456789abcdef0123456789abcdef";
    REQUIRE(db.value()->exec("INSERT INTO staff VALUES('CY001', 1, '00000000000000000000000000000005', 0, '" + salt +
                             "', '" + server::legacy_hash_pin(salt, "135790") + "')").ok());
    REQUIRE(db.value()->exec("INSERT INTO devices VALUES('" + server::hash_token("before") +
                             "', 1, 'CY001', '0000000000000a0a0000000000000a0a', 0, 0, 0)").ok());
  }
  auto opened = server::ServerStore::open(path.string());
  REQUIRE(opened.ok());
  auto& store = *opened.value();
  const auto device = store.find_device(server::hash_token("before"));
  REQUIRE(device);
  CHECK(device->last_used_ms >= server::SystemClock().now_ms() - kMinute);
  CHECK_FALSE(store.find_staff("CY001")->enrol_blocked);
  CHECK(failure_rows(store) == 0);
  server::SystemClock clock;
  fakes::Random random(24);
  server::SyncService service(store, clock, random);
  CHECK(service.sync("Bearer before", sync::encode_request(Id{0xa0a, 0xa0a}, 0, {})).status == 200);
  CHECK(service.enroll(sync::encode_enroll_request({"CY001", "135790", Id{0xa0a, 0xa0a}})).status == 200);
  CHECK(is_argon2id(store.find_staff("CY001")->pin_hash));
  opened.value().reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("butler-server --demo serves only an empty database or the demo community alone") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  auto store = std::move(server::ServerStore::open(test_db::location())).value();
  CHECK(server::demo_may_serve(*store).ok());  // empty: --demo sets the demo up
  fakes::Random random(25);
  REQUIRE(server::demo_init(*store, random).ok());
  CHECK(server::demo_may_serve(*store).ok());  // the demo alone: a restart with --demo

  fakes::Clock clock;
  server::ServerWriter writer(*store, clock, random);
  REQUIRE(server::create_community(writer, *store, "翠苑", "宁波市").ok());
  const auto refused = server::demo_may_serve(*store);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("翠苑") != std::string::npos);
  CHECK(refused.error().message.find("--demo") != std::string::npos);

  // A real community named like the demo's is real data all the same.
  auto other = std::move(server::ServerStore::open(test_db::location())).value();
  server::ServerWriter other_writer(*other, clock, random);
  REQUIRE(server::create_community(other_writer, *other, "锦绣花园", "杭州市").ok());
  CHECK_FALSE(server::demo_may_serve(*other).ok());
}
