// A lost tablet (issue 20): phones masked everywhere but the unit's record,
// where 显示号码 records who looked (contact_viewed: the op spec, the
// command's refusals, the fold on a second tablet, the snapshot and
// contact_views.csv); and revoke-devices, which makes a tablet wipe itself
// at its next contact while reset-pin and an expired token do not.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>

#include "app/core/phone_mask.hpp"
#include "app/domain/csv_fields.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/admin.hpp"
#include "app/server/csv_export.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "app/store/snapshot.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/sync_client.hpp"
#include "app/sync/wire.hpp"
#include "device_fixture.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

constexpr std::int64_t kAfternoon = 1795500000000;  // 2026-11-24 14:00 Beijing
constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed = 91, std::uint64_t device = 0x5e) : fixture::Device(seed, Id{device, 0x6e}) {
    i18n::set_current_language(i18n::Lang::zh_CN);
    clock.now = kAfternoon;
    REQUIRE(session.load_demo({}).ok());
    as(Role::butler);
  }
  EstateService& estate() { return session.estate(); }
  const MasterData& data() const { return session.master_data(); }
  // The nth resident living somewhere with a phone on the record.
  const Resident& with_phone(std::size_t nth = 0) {
    for (const UnitRow& row : estate().unit_rows()) {
      for (const Resident* r : estate().residents_of(row.id)) {
        if (!r->phone.empty() && nth-- == 0) return *r;
      }
    }
    FAIL("no resident with a phone in the demo");
    return data().residents.begin()->second;
  }
  std::vector<Op> looks() const {
    std::vector<Op> out;
    for (const Op& op : session.decoded_log()) {
      if (op.kind == OpKind::contact_viewed) out.push_back(op);
    }
    return out;
  }
};

// An in-memory server with one community and the office's admin commands (as sign_in_test's).
struct Server {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  fakes::Clock clock;
  fakes::Random random{23};
  std::unique_ptr<server::SyncService> service;
  std::FILE* sink = std::tmpfile();

  explicit Server(server::Limits limits = {}) {
    service = std::make_unique<server::SyncService>(*store, clock, random, limits);
    admin({"create-community", "翠苑", "宁波市"});
    admin({"add-staff", "翠苑", "CY001", "孙管家", "butler", "135790"});
    admin({"add-staff", "翠苑", "CY002", "钱管家", "butler", "135790"});
  }
  ~Server() { std::fclose(sink); }
  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }
  std::string token(const std::string& code, const std::string& pin, const Id& device) {
    const server::Reply r = service->enroll(sync::encode_enroll_request({code, pin, device}), "10.0.0.1");
    INFO(r.body);
    REQUIRE(r.status == 200);
    return sync::parse_enroll_response(r.body).value().token;
  }
  server::Reply sync(const std::string& token, const Id& device) {
    return service->sync("Bearer " + token, sync::encode_request(device, 0, {}));
  }
};

// A tablet's sync client handed one answer of the server; what it then decides.
sync::SyncClient answered(fakes::Clock& clock, fakes::Random& random, const server::Reply& reply) {
  sync::SyncClient c(clock, random, Id{9, 9});
  c.restore({}, {});
  const auto request = c.next_request();
  (void)c.on_response(request.id, reply.status, reply.body);
  return c;
}

}  // namespace

TEST_CASE("mask_phone: first three and last four digits, four stars, separators and country code dropped") {
  CHECK(mask_phone("13812345678") == "138****5678");
  CHECK(mask_phone("138 1234 5678") == "138****5678");
  CHECK(mask_phone("+86 138-1234-5678") == "138****5678");
  CHECK(mask_phone("0086 13812345678") == "138****5678");
  CHECK(mask_phone("0571-88001234") == "057****1234");
  CHECK(mask_phone("88001234") == "880****1234");  // a landline without its area code
  CHECK(mask_phone("12345") == "***45");
  CHECK(mask_phone("1234567") == "123****4567");
  CHECK(mask_phone("12") == "12");
  CHECK(mask_phone("") == "");
  CHECK(mask_phone("无") == "****");
  // The length of a long number is not told by the stars.
  CHECK(mask_phone("057188001234567") == "057****4567");
  // Never a whole number of 7 digits or more, whatever is around it.
  std::mt19937 gen(3);
  for (int i = 0; i < 500; ++i) {
    std::string phone = "1";  // no country code to drop
    const int n = 7 + static_cast<int>(gen() % 14);
    for (int k = 1; k < n; ++k) phone.push_back(static_cast<char>('0' + gen() % 10));
    const std::string shown = mask_phone(phone);
    INFO(phone);
    CHECK(shown.find("****") == 3);
    CHECK(shown.size() == 11);
    CHECK(phone.find(shown.substr(0, 3)) == 0);
  }
}

TEST_CASE("the archive's lists show the owner's phone masked, through the same function") {
  Device d;
  std::size_t checked = 0;
  for (const UnitRow& row : d.estate().unit_rows()) {
    if (row.owner_name.empty()) continue;
    for (const Resident* r : d.estate().residents_of(row.id)) {
      if (r->owner && r->name == row.owner_name && !r->phone.empty()) {
        CHECK(row.masked_phone == mask_phone(r->phone));
        CHECK(row.masked_phone != r->phone);
        ++checked;
      }
    }
    if (checked > 50) break;
  }
  CHECK(checked > 0);
}

TEST_CASE("显示号码 records who looked at whose phone, then gives the whole number") {
  Device d;
  const Resident r = d.with_phone();
  const std::size_t ops = d.session.op_count();
  const auto phone = d.estate().view_contact(r.id);
  REQUIRE(phone.ok());
  CHECK(phone.value() == r.phone);
  REQUIRE(d.session.op_count() == ops + 1);
  const std::vector<Op> looks = d.looks();
  REQUIRE(looks.size() == 1);
  const Op& look = looks.front();
  CHECK(look.actor == d.with_role(Role::butler).id);
  CHECK(look.payload.text(F::parent) == r.id.to_hex());
  CHECK_FALSE(look.payload.text(F::phone).has_value());  // the record of a look does not copy the number
  CHECK(validate_op(look).ok());
  // The fold: one look, by whom, whose, when.
  REQUIRE(d.data().contact_views.size() == 1);
  const ContactView& v = d.data().contact_views.at(look.entity);
  CHECK(v.resident == r.id);
  CHECK(v.viewer == look.actor);
  CHECK(v.at_ms == look.hlc.wall_ms);
  CHECK(v.at_ms >= kAfternoon);
  // Each look is its own record.
  d.clock.now += 60000;
  REQUIRE(d.estate().view_contact(r.id).ok());
  CHECK(d.data().contact_views.size() == 2);
}

TEST_CASE("a look is refused, and nothing shown or recorded, outside the office, on a read-only tab, or for no phone") {
  Device d;
  const Resident r = d.with_phone();
  const std::size_t ops = d.session.op_count();
  for (Role role : {Role::engineering, Role::security, Role::cleaning, Role::greening}) {
    d.as(role);
    const auto refused = d.estate().view_contact(r.id);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "not_allowed");
    CHECK(refused.error().message == i18n::tr(i18n::S::err_contact_role));
  }
  // Nobody signed in: nobody to record, so nothing shown.
  d.session.set_actor(Id{});
  CHECK(d.estate().view_contact(r.id).error().code == "not_allowed");
  d.as(Role::front_desk);
  CHECK(d.estate().view_contact(Id{0x77, 0x77}).error().code == "unknown_resident");
  CHECK(d.session.op_count() == ops);
  // A resident with no phone on the record.
  const auto added = d.estate().add_resident(d.estate().unit_rows().front().id, {"周敏", "", "", false, 0});
  REQUIRE(added.ok());
  const std::size_t with_member = d.session.op_count();
  CHECK(d.estate().view_contact(added.value()).error().code == "no_phone");
  CHECK(d.session.op_count() == with_member);
  for (Role role : {Role::butler, Role::head_butler, Role::front_desk, Role::manager}) {
    d.as(role);
    CHECK(d.estate().view_contact(r.id).ok());
  }
}

TEST_CASE("contact_viewed: its op spec's fields and writers, as the server checks them") {
  for (std::int64_t role = 0; role < kRoleCount; ++role) {
    INFO("role " << role);
    CHECK(role_may_write(role, OpKind::contact_viewed) == kOfficeRoles.has(role));
  }
  Device d;
  REQUIRE(d.estate().view_contact(d.with_phone().id).ok());
  const Op look = d.looks().front();
  CHECK(validate_op(look).ok());
  Op no_resident = look;
  no_resident.payload = Payload{};
  CHECK_FALSE(validate_op(no_resident).ok());
  Op with_phone = look;
  with_phone.payload.set(F::phone, std::string("13812345678"));  // a look carries no number
  CHECK_FALSE(validate_op(with_phone).ok());
  Op not_an_id = look;
  not_an_id.payload.set(F::parent, std::string("someone"));
  CHECK_FALSE(validate_op(not_an_id).ok());
}

TEST_CASE("looks fold alike on a second tablet in any order, and come back through a snapshot") {
  Device a;
  for (std::size_t i = 0; i < 4; ++i) {
    a.as(i % 2 ? Role::front_desk : Role::butler);
    a.clock.now += 1000;
    REQUIRE(a.estate().view_contact(a.with_phone(i).id).ok());
  }
  std::vector<Op> ops = a.session.decoded_log();
  std::shuffle(ops.begin(), ops.end(), std::mt19937(9));
  fixture::Device b(6, Id{0xB, 0x3});
  REQUIRE(b.session.merge_remote(ops).ok());
  CHECK(b.session.master_data() == a.data());
  CHECK(b.session.master_data().contact_views.size() == 4);
  Replica replica;
  replica.add(a.session.decoded_log());
  const Result<Snapshot> s =
      decode_snapshot(encode_snapshot(replica.data(), replica.ids(), replica.size(), replica.frontier(), {}));
  REQUIRE(s.ok());
  CHECK(s.value().data.contact_views == a.data().contact_views);
}

TEST_CASE("contact_views.csv: when, who (name and code), whose phone and where, oldest first, never the number") {
  Device d;
  const Resident first = d.with_phone(0), second = d.with_phone(1);
  d.as(Role::front_desk);
  REQUIRE(d.estate().view_contact(first.id).ok());
  d.clock.now += 5 * 60 * 1000;
  d.as(Role::butler);
  REQUIRE(d.estate().view_contact(second.id).ok());
  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const server::ExportFn* views = exports.find("contact_views");
  REQUIRE(views != nullptr);
  CHECK(std::string(i18n::tr(exports.title("contact_views"), i18n::Lang::zh_CN)) == "号码查看记录");
  const office::ExportTable table = (*views)(server::ExportInput{replica});
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.header);
  CHECK(header == std::vector<std::string>{"查看时间", "查看人", "工号", "住户", "楼栋", "单元", "房号"});
  CHECK(table.columns[0].type == office::CellType::datetime);
  CHECK(table.dated_by == 0);  // the month's workbook takes a look by its time
  REQUIRE(table.rows.size() == 2);
  const Staff& desk = d.with_role(Role::front_desk);
  const Staff& butler = d.with_role(Role::butler);
  const std::vector<Op> looks = d.looks();
  REQUIRE(looks.size() == 2);
  const auto place = office::unit_place(d.data(), first.unit);
  CHECK(table.rows[0] == std::vector<std::string>{office::beijing_time(looks[0].hlc.wall_ms), desk.name, desk.code,
                                                  first.name, place[0], place[1], place[2]});
  CHECK(table.rows[0][0] < table.rows[1][0]);
  CHECK(table.rows[1][0] == office::beijing_time(looks[1].hlc.wall_ms));
  CHECK(table.rows[1][1] == butler.name);
  CHECK(table.rows[1][3] == second.name);
  CHECK_FALSE(table.rows[0][4].empty());
  for (const auto& row : table.rows) {
    for (const std::string& cell : row) {
      CHECK(cell.find(first.phone) == std::string::npos);
      CHECK(cell.find(second.phone) == std::string::npos);
    }
  }
  // Only the roles that download the office's exports get it.
  CHECK(server::may_export(static_cast<std::int64_t>(Role::head_butler)));
  CHECK(server::may_export(static_cast<std::int64_t>(Role::front_desk)));
  CHECK(server::may_export(static_cast<std::int64_t>(Role::manager)));
  CHECK_FALSE(server::may_export(static_cast<std::int64_t>(Role::butler)));
}

TEST_CASE("revoke-devices: the code's tablets are told device_revoked, and their sync client stops and asks for a wipe") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  const Id tablet{0xD, 1}, spare{0xD, 2}, colleague_tablet{0xD, 3};
  const std::string token = o.token("CY001", "135790", tablet);
  const std::string second = o.token("CY001", "135790", spare);
  const std::string colleague = o.token("CY002", "135790", colleague_tablet);
  o.admin({"revoke-devices", "CY001"});
  CHECK(o.store->revoked_count() == 2);
  for (const auto& [t, device] : {std::pair{token, tablet}, std::pair{second, spare}}) {
    const server::Reply r = o.sync(t, device);
    CHECK(r.status == 401);
    CHECK(r.body.find("\"error\":\"device_revoked\"") != std::string::npos);
    CHECK(r.body.find(i18n::tr(i18n::S::err_sync_device_revoked)) != std::string::npos);
    // Photos too: any request with the token says so.
    CHECK(o.service->get_blob("Bearer " + t, std::string(64, 'a')).body.find("device_revoked") != std::string::npos);
  }
  CHECK(o.sync(colleague, colleague_tablet).status == 200);

  // The tablet's side: the code maps to a wipe, and nothing more is sent.
  sync::SyncClient c = answered(o.clock, o.random, o.sync(token, tablet));
  CHECK(c.device_revoked());
  CHECK(c.status().device_revoked);
  CHECK_FALSE(c.status().running);
  CHECK(c.status().last_error == i18n::tr(i18n::S::err_sync_device_revoked));
  o.clock.now += kDay;
  c.poke();
  CHECK_FALSE(c.due());
  // Still so after a reset-pin (the lost tablet still holds the old token) …
  o.admin({"reset-pin", "CY001", "246802"});
  CHECK(o.sync(token, tablet).body.find("device_revoked") != std::string::npos);
  // … while the found tablet enrols again with the new PIN and keeps its work.
  const std::string again = o.token("CY001", "246802", tablet);
  CHECK(o.sync(again, tablet).status == 200);
}

TEST_CASE("reset-pin and an expired token end tokens without a wipe: the tablet is asked to enrol again") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  const Id forgot{0xE, 1}, drawer{0xE, 2};
  const std::string old_pin = o.token("CY001", "135790", forgot);
  const std::string idle = o.token("CY002", "135790", drawer);
  o.admin({"reset-pin", "CY001", "246802"});
  const server::Reply reset = o.sync(old_pin, forgot);
  CHECK(reset.status == 401);
  CHECK(reset.body.find("\"error\":\"unauthorized\"") != std::string::npos);
  CHECK(reset.body.find("device_revoked") == std::string::npos);
  CHECK(o.store->revoked_count() == 0);
  sync::SyncClient after_reset = answered(o.clock, o.random, reset);
  CHECK_FALSE(after_reset.device_revoked());
  CHECK_FALSE(after_reset.status().device_revoked);
  CHECK(after_reset.status().last_error == i18n::tr(i18n::S::err_sync_unauthorized));
  o.clock.now += kDay;
  CHECK(after_reset.due());  // it keeps trying (backing off) and keeps its outbox

  o.clock.now += 31 * kDay;
  const server::Reply expired = o.sync(idle, drawer);
  CHECK(expired.status == 401);
  CHECK(expired.body.find("\"error\":\"expired\"") != std::string::npos);
  sync::SyncClient after_expiry = answered(o.clock, o.random, expired);
  CHECK_FALSE(after_expiry.device_revoked());
  CHECK(after_expiry.status().last_error == i18n::tr(i18n::S::err_sync_expired));
  // An unknown token is no lost tablet either.
  sync::SyncClient stranger = answered(o.clock, o.random, o.sync("made-up", drawer));
  CHECK_FALSE(stranger.device_revoked());
}

TEST_CASE("revoked_devices stays bounded: a year's revocations, the newest kept past the cap") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server o;
  const std::int64_t now = 1800000000000;
  // Rows as if revoked long ago and recently.
  {
    server::Stmt s(o.store->db(), "INSERT INTO revoked_devices(token_hash, device_id, at_ms) VALUES(?,?,?)");
    s.bind(1, std::string("old")).bind(2, std::string("d")).bind(3, now - server::ServerStore::kRevokedKeepMs - 1).step();
    s.reset();
    s.bind(1, std::string("recent")).bind(2, std::string("d")).bind(3, now - kDay).step();
  }
  o.token("CY001", "135790", Id{0xF, 1});
  REQUIRE(o.store->revoke_devices("CY001", now).ok());
  CHECK(o.store->revoked_count() == 2);  // "recent" and the new one; "old" went
  CHECK_FALSE(o.store->token_revoked("old"));
  CHECK(o.store->token_revoked("recent"));
  // Past the cap, the oldest go first.
  {
    server::Stmt many(o.store->db(),
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
                      "INSERT INTO revoked_devices(token_hash, device_id, at_ms) SELECT 'bulk' || i, 'd', CAST(?2 AS BIGINT) + i FROM n");
    many.bind(1, static_cast<std::int64_t>(server::ServerStore::kRevokedMaxRows)).bind(2, now - 2 * kDay).step();
    REQUIRE_FALSE(many.failed());
  }
  o.token("CY002", "135790", Id{0xF, 2});
  REQUIRE(o.store->revoke_devices("CY002", now).ok());
  CHECK(o.store->revoked_count() == static_cast<std::int64_t>(server::ServerStore::kRevokedMaxRows));
  CHECK(o.store->token_revoked("recent"));
  CHECK(o.store->token_revoked(server::hash_token("made-up")) == false);
  for (const char* gone : {"bulk1", "bulk2", "bulk3"}) CHECK_FALSE(o.store->token_revoked(gone));
  CHECK(o.store->token_revoked("bulk4"));
}
