// Tablet ordinals (the 3 of T3-0042, issue 22): the server gives each tablet
// the next free number of its community at enrolment, the same device keeps
// its number whatever token it enrols with (even after revocation), the
// office page's sign-in uses none up, an older database gains what they need,
// and every sync answer carries the number — so a tablet enrolled before
// numbers learns its own at its next sync, keeps it and numbers with it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "app/server/admin.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/server_store.hpp"
#include "app/server/db.hpp"
#include "app/server/sync_service.hpp"
#include "app/session/session.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/sync_client.hpp"
#include "app/sync/wire.hpp"
#include "app/tickets/ticket_number.hpp"
#include "device_fixture.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

struct Server {
  std::unique_ptr<server::ServerStore> store;
  fakes::Clock clock;
  fakes::Random random{4};
  std::unique_ptr<server::SyncService> service;
  std::FILE* sink = std::tmpfile();

  explicit Server(const std::string& path = test_db::location()) {
    auto opened = server::ServerStore::open(path);
    REQUIRE(opened.ok());
    store = std::move(opened).value();
    service = std::make_unique<server::SyncService>(*store, clock, random);
  }
  ~Server() { std::fclose(sink); }
  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }
  // The enrolment answer's ordinal (and the token through `token`).
  std::int64_t enroll(const std::string& code, const Id& device, bool office = false, std::string* token = nullptr) {
    sync::EnrollRequest req{code, "135790", device};
    req.office = office;
    const server::Reply r = service->enroll(sync::encode_enroll_request(req));
    REQUIRE(r.status == 200);
    const auto answer = sync::parse_enroll_response(r.body);
    REQUIRE(answer.ok());
    if (token) *token = answer.value().token;
    return answer.value().tablet_no;
  }
  server::Reply sync(const std::string& token, const Id& device) {
    return service->sync("Bearer " + token, sync::encode_request(device, 0, {}));
  }
};

std::int64_t tablet_no_of(const server::Reply& r) {
  REQUIRE(r.status == 200);
  const auto parsed = sync::parse_response(r.body);
  REQUIRE(parsed.ok());
  return parsed.value().tablet_no;
}

}  // namespace

TEST_CASE("tablet ordinals: per community, kept on enrolling again, never given twice, none for the office page") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  s.admin({"create-community", "翠苑", "宁波市"});
  s.admin({"create-community", "幸福里", "杭州市"});
  s.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  s.admin({"add-staff", "翠苑", "CY002", "钱主管", "head_butler", "135790"});
  s.admin({"add-staff", "幸福里", "XF001", "赵管家", "butler", "135790"});
  const Id a{0xA, 1}, b{0xB, 2}, c{0xC, 3}, office{0x0F, 4};

  CHECK(s.enroll("CY001", a) == 1);
  CHECK(s.enroll("CY001", b) == 2);
  CHECK(s.enroll("CY002", a) == 1);  // the same tablet, another sign-in: its number again
  CHECK(s.enroll("XF001", a) == 1);  // another community counts its own
  CHECK(s.enroll("XF001", c) == 2);
  // The office page signs in as often as the office likes and uses no number up.
  std::string office_token;
  CHECK(s.enroll("CY002", office, true, &office_token) == 0);
  CHECK(s.enroll("CY002", office, true) == 0);
  CHECK(tablet_no_of(s.sync(office_token, office)) == 0);
  CHECK(s.enroll("CY001", c) == 3);
  // A lost tablet's tokens revoked: its records carry T2, so 2 is never given to another,
  // and the same tablet enrolling again is 2 again.
  s.admin({"revoke-devices", "CY001"});
  s.admin({"reset-pin", "CY001", "135790"});  // revoke-devices stops enrolment until a new PIN
  CHECK(s.enroll("CY002", Id{0xE, 5}) == 4);
  CHECK(s.enroll("CY001", b) == 2);
}

TEST_CASE("every sync answer carries the tablet's number, given at the sync to a tablet enrolled before numbers") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  s.admin({"create-community", "翠苑", "宁波市"});
  s.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  std::string token;
  const Id first{0xA, 1};
  CHECK(s.enroll("CY001", first, false, &token) == 1);
  CHECK(tablet_no_of(s.sync(token, first)) == 1);
  CHECK(tablet_no_of(s.sync(token, first)) == 1);
  // A device row as an older server stored it: a token, no number yet.
  const auto community = s.store->find_community("翠苑");
  REQUIRE(community);
  const Id old{0x01D, 2};
  REQUIRE(s.store->add_device(server::hash_token("old-token"), {community->id, "CY001", old, 0}, s.clock.now).ok());
  CHECK(tablet_no_of(s.sync("old-token", old)) == 2);
  CHECK(tablet_no_of(s.sync("old-token", old)) == 2);
  CHECK(s.enroll("CY001", old) == 2);
}

TEST_CASE("an existing server database is migrated: the devices gain the office column, the numbers their table") {
  const auto path = std::filesystem::temp_directory_path() / ("butler-recno-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    // The schema as the server made it before tablet numbers, with one enrolled tablet.
    auto db = server::Db::open(path.string());
    REQUIRE(db.ok());
    REQUIRE(db.value()->exec(R"SQL(
      CREATE TABLE communities(id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, city TEXT NOT NULL);
      CREATE TABLE staff(code TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
        staff_id TEXT NOT NULL, role INTEGER NOT NULL, salt TEXT NOT NULL, pin_hash TEXT NOT NULL);
      CREATE TABLE devices(token_hash TEXT PRIMARY KEY, community INTEGER NOT NULL REFERENCES communities(id),
        staff_code TEXT NOT NULL, device_id TEXT NOT NULL, role INTEGER NOT NULL, enrolled_ms INTEGER NOT NULL);
      CREATE TABLE ops(seq INTEGER PRIMARY KEY AUTOINCREMENT, community INTEGER NOT NULL REFERENCES communities(id),
        op_id BLOB NOT NULL, record BLOB NOT NULL, UNIQUE(community, op_id));
      CREATE TABLE blobs(community INTEGER NOT NULL REFERENCES communities(id), sha256 TEXT NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY(community, sha256));
      INSERT INTO communities(id, uid, name, city) VALUES(1, '000000000000000000000000000000c0', '翠苑', '宁波市');
    )SQL").ok());
    const std::string insert = "INSERT INTO devices VALUES('" + server::hash_token("before") +
                               "', 1, 'CY001', '0000000000000a0a0000000000000a0a', 0, 0)";
    REQUIRE(db.value()->exec(insert).ok());
    REQUIRE(db.value()->exec("INSERT INTO staff VALUES('CY001', 1, '000000000000005700000000000000c1', 0, 's', 'h')").ok());
  }
  {
    Server s(path.string());  // opening migrates
    // Who signed in on which tablet, from the enrolments before: the push checks read it.
    CHECK(s.store->used_device(1, Id{0xa0a, 0xa0a}, Id{0x57, 0xc1}));
    server::Stmt office(s.store->db(), "SELECT office FROM devices");
    REQUIRE(office.step());
    CHECK(office.integer(0) == 0);  // the tablet enrolled before is a tablet
    server::Stmt numbers(s.store->db(), "SELECT COUNT(*) FROM tablet_numbers");
    REQUIRE(numbers.step());
    CHECK(numbers.integer(0) == 0);  // given at its first sync, not guessed here
    const auto device = s.store->find_device(server::hash_token("before"));
    REQUIRE(device);
    CHECK_FALSE(device->office);
    CHECK(tablet_no_of(s.sync("before", device->device)) == 1);
  }
  {
    Server s(path.string());  // a second opening changes nothing and keeps the number
    CHECK(tablet_no_of(s.sync("before", Id{0xa0a, 0xa0a})) == 1);
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("enrolment and sync on the wire: the office purpose, the tablet number, and answers of an older server") {
  sync::EnrollRequest req{"GJ001", "123456", Id{1, 2}};
  CHECK(sync::encode_enroll_request(req).find("purpose") == std::string::npos);  // a tablet says nothing
  req.office = true;
  const auto parsed = sync::parse_enroll_request(sync::encode_enroll_request(req));
  REQUIRE(parsed.ok());
  CHECK(parsed.value().office);
  CHECK_FALSE(sync::parse_enroll_request(R"({"code":"GJ001","pin":"123456","device_id":"00000000000000010000000000000002","purpose":"robot"})").ok());
  CHECK_FALSE(sync::parse_enroll_request(R"({"code":"GJ001","pin":"123456","device_id":"00000000000000010000000000000002","purpose":1})").ok());
  // The office page's own request, as web/office.js sends it.
  const auto office = sync::parse_enroll_request(R"({"code":"GJ001","pin":"123456","device_id":"00000000000000010000000000000002","purpose":"office"})");
  REQUIRE(office.ok());
  CHECK(office.value().office);

  sync::EnrollResponse answer{"tok", Id{1, 1}, Id{2, 2}, "翠苑", 0, 7, false, {}};
  CHECK(sync::parse_enroll_response(sync::encode_enroll_response(answer)).value().tablet_no == 7);
  CHECK(sync::parse_response(sync::encode_response({}, {}, 3, false, 7)).value().tablet_no == 7);
  // An older server says nothing: 0, "not known".
  CHECK(sync::parse_response(R"({"acked":[],"ops":[],"cursor":3,"more":false})").value().tablet_no == 0);
  CHECK(sync::parse_enroll_response(R"({"token":"t","community":"00000000000000010000000000000001","staff":"00000000000000020000000000000002","role":0})")
            .value()
            .tablet_no == 0);
}

TEST_CASE("a tablet enrolled before numbers learns its number from a sync, keeps it with its enrolment, and numbers with it") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  s.admin({"create-community", "翠苑", "宁波市"});
  s.admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
  s.admin({"add-staff", "翠苑", "CY002", "钱管家", "butler", "135790"});
  CHECK(s.enroll("CY002", Id{0xF1, 0xF1}) == 1);  // another tablet came first
  const auto community = s.store->find_community("翠苑");
  REQUIRE(community);
  const Id device{0xBEEF000000000000ull, 9};
  REQUIRE(s.store->add_device(server::hash_token("old-token"), {community->id, "CY001", device, 0}, s.clock.now).ok());

  // Its enrolment as an older build stored it: no tablet_no.
  const std::string stored =
      R"({"v":1,"server":"http://127.0.0.1:8080","token":"old-token","code":"CY001","community_name":"翠苑",)"
      R"("community":"000000000000000000000000000000c0","staff":"00000000000000000000000000000005","role":0})";
  auto e = sync::decode_enrollment(stored);
  REQUIRE(e.ok());
  CHECK(e.value().tablet_no == 0);

  fixture::Device tablet(12, device);
  tablet.session.set_tablet_no(e.value().tablet_no);
  NewTicket t;
  t.what = "升级后第一张工单";
  auto before = tablet.session.tickets().open_ticket(t);
  REQUIRE(before.ok());
  // Unknown yet: its device's prefix, apart from every ordinal.
  CHECK(tickets::ticket_number(*tablet.session.tickets().ticket(before.value())) == "TDBEEF-0001");

  // The next sync, through the client the shell drives.
  sync::SyncClient client(tablet.clock, tablet.random, device);
  REQUIRE(client.restore({}, {}));
  CHECK(client.tablet_no() == 0);
  const sync::Request request = client.next_request();
  const server::Reply reply = s.service->sync("Bearer old-token", request.body);
  REQUIRE(client.on_response(request.id, reply.status, reply.body).ok());
  CHECK(client.tablet_no() == 2);

  // What the shell's SyncDriver does with it: keep it with the enrolment, tell the session.
  CHECK(sync::learn_tablet_no(e.value(), client.tablet_no()));
  CHECK_FALSE(sync::learn_tablet_no(e.value(), client.tablet_no()));  // no news: nothing to store
  CHECK_FALSE(sync::learn_tablet_no(e.value(), 0));                   // an older server's silence forgets nothing
  const auto kept = sync::decode_enrollment(sync::encode_enrollment(e.value()));
  REQUIRE(kept.ok());
  CHECK(kept.value().tablet_no == 2);
  tablet.session.set_tablet_no(kept.value().tablet_no);
  CHECK(tablet.session.tablet_no() == 2);
  t.what = "同步之后";
  auto after = tablet.session.tickets().open_ticket(t);
  REQUIRE(after.ok());
  CHECK(tickets::ticket_number(*tablet.session.tickets().ticket(after.value())) == "T2-0001");
}
