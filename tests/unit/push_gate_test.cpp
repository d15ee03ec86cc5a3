// The server trusts nothing a tablet claims (issue 20): each pushed op is
// judged against the token and the server's own tables — who recorded it on
// which tablet, with which role, dated when — and a record already stored
// under the same id with other content is a conflict, not an ack. Each case
// below was acked before the gate (app/server/push_gate.hpp).
#include <catch2/catch.hpp>

#include <cstdio>

#include "app/core/signature.hpp"
#include "app/domain/replica.hpp"
#include "app/keys/key_rules.hpp"
#include "app/ops/codec.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/server/admin.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/wire.hpp"
#include "app/session/session.hpp"
#include "device_fixture.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

using namespace app;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

struct Tablet {
  std::string token;
  Id device, staff;
};

struct Server {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  fakes::Clock clock;
  fakes::Random random{9};
  std::unique_ptr<server::SyncService> service = std::make_unique<server::SyncService>(*store, clock, random);
  std::FILE* sink = std::tmpfile();

  Server() {
    admin({"create-community", "翠苑", "宁波市"});
    admin({"create-community", "幸福里", "杭州市"});
    admin({"add-staff", "翠苑", "GJ001", "孙管家", "butler", "135790"});
    admin({"add-staff", "翠苑", "ZG001", "钱主管", "head_butler", "135790"});
    admin({"add-staff", "翠苑", "ZR001", "周主任", "manager", "135790"});
    admin({"add-staff", "翠苑", "GC001", "吴工程", "engineering", "135790"});
    admin({"add-staff", "幸福里", "XF001", "赵管家", "butler", "135790"});
  }
  ~Server() { std::fclose(sink); }
  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }

  Tablet enroll(const std::string& code, const Id& device) {
    const server::Reply r = service->enroll(sync::encode_enroll_request({code, "135790", device}));
    REQUIRE(r.status == 200);
    return Tablet{sync::parse_enroll_response(r.body).value().token, device, store->find_staff(code)->staff};
  }

  Op op(const Tablet& t, OpKind kind, Payload p) {
    Op o;
    o.op_id = Id::random(random);
    o.device_id = t.device;
    o.actor = t.staff;
    o.hlc = {clock.now, 0};
    o.entity = Id::random(random);
    o.kind = kind;
    o.payload = std::move(p);
    return o;
  }

  server::Reply push(const Tablet& t, const std::vector<Op>& ops) {
    std::vector<std::string> records;
    for (const Op& o : ops) records.push_back(encode_op(o));
    return push_records(t, records);
  }
  server::Reply push_records(const Tablet& t, const std::vector<std::string>& records) {
    std::vector<std::string_view> views(records.begin(), records.end());
    return service->sync("Bearer " + t.token, sync::encode_request(t.device, 0, views));
  }
  std::string code_of(const server::Reply& r) { return sync::parse_error_body(r.status, r.body).code; }
};

Payload follow_up(keys::FollowUp outcome, std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{1, 2}.to_hex()).set(F::outcome, static_cast<std::int64_t>(outcome)).set(F::at_ms, at);
  return p;
}

Payload refund(std::int64_t at) {
  Signature sig;
  sig.strokes = {{{10, 10}, {200, 300}, {400, 100}}};
  Payload p;
  p.set(F::parent, Id{3, 4}.to_hex()).set(F::reno_stage, static_cast<std::int64_t>(renovation::Stage::refunded));
  p.set(F::refund_cents, 200000).set(F::penalty_cents, 0).set(F::refund_signature, encode_signature(sig)).set(F::at_ms, at);
  return p;
}

Payload deduction(std::int64_t cents, std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{3, 4}.to_hex()).set(F::note, "擅自拆改承重墙");
  p.set(F::action, static_cast<std::int64_t>(renovation::Action::deduct_deposit)).set(F::deduct_cents, cents).set(F::at_ms, at);
  return p;
}

Payload approved_later(std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{5, 6}.to_hex()).set(F::stage, 2).set(F::kind, 0).set(F::severity, 0).set(F::approved, 1).set(F::at_ms, at);
  return p;
}

// A complaint's acts (app/tickets/complaint_rules.hpp).
Payload escalated_to(Role to, std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{5, 6}.to_hex()).set(F::role, static_cast<std::int64_t>(to)).set(F::at_ms, at);
  return p;
}
Payload later_date(std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{5, 6}.to_hex()).set(F::requested_ms, at + 5 * 86400000LL).set(F::at_ms, at);
  return p;
}
Payload classified(std::int64_t at) {
  Payload p;
  p.set(F::parent, Id{5, 6}.to_hex()).set(F::stage, 1).set(F::kind, 0).set(F::severity, 1).set(F::at_ms, at);
  return p;
}

Payload role_of(Role role) {
  Payload p;
  p.set(F::role, static_cast<std::int64_t>(role));
  return p;
}

}  // namespace

TEST_CASE("a pushed op names the token's person and tablet, or someone who signed in on that tablet") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet butler = s.enroll("GJ001", Id{0xA, 1});
  const Tablet manager = s.enroll("ZR001", Id{0xB, 2});
  const std::int64_t now = s.clock.now;

  SECTION("the manager named as actor on a butler's tablet is refused, and nothing is stored") {
    const std::int64_t before = s.store->op_count(-1);
    Op forged = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::replaced, now));
    forged.actor = manager.staff;
    const server::Reply r = s.push(butler, {s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now)), forged});
    CHECK(r.status == 403);
    CHECK(s.code_of(r) == "forbidden_actor");
    CHECK(r.body.find("\"index\":1") != std::string::npos);
    CHECK(s.store->op_count(-1) == before);
  }
  SECTION("an op recorded on another person's tablet is refused") {
    Op other = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    other.device_id = manager.device;
    CHECK(s.push(butler, {other}).status == 403);
  }
  SECTION("a shared tablet: the next person sends what the earlier one recorded on it") {
    const Tablet head = s.enroll("ZG001", butler.device);  // the same tablet, signed in by the head butler
    const Op earlier = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    CHECK(s.push(head, {earlier}).status == 200);
  }
  SECTION("one person's backup restored on their new tablet goes through") {
    const Tablet fresh = s.enroll("GJ001", Id{0xC, 3});
    const Op from_old_tablet = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    CHECK(s.push(fresh, {from_old_tablet}).status == 200);
  }
  SECTION("what was recorded on this tablet before anyone enrolled it goes up with its first sign-in, elsewhere not") {
    Op anonymous = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    anonymous.actor = Id{};
    CHECK(s.push(butler, {anonymous}).status == 200);
    Op from_elsewhere = anonymous;
    from_elsewhere.op_id = Id::random(s.random);
    from_elsewhere.device_id = Id{0xF0, 0xF0};
    CHECK(s.push(butler, {from_elsewhere}).status == 403);
    Op replaced = anonymous;  // judged with the enrolling person's role: a butler's
    replaced.op_id = Id::random(s.random);
    replaced.payload.set(F::outcome, static_cast<std::int64_t>(keys::FollowUp::replaced));
    CHECK(s.push(butler, {replaced}).status == 403);
  }
  SECTION("ops of another community's people are refused whole with 4xx") {
    const Tablet elsewhere = s.enroll("XF001", Id{0xD, 4});
    Op foreign = s.op(elsewhere, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    foreign.device_id = butler.device;  // pushed through a 翠苑 token
    const server::Reply r = s.push(butler, {foreign});
    CHECK(r.status == 403);
    Op as_if_local = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, now));
    as_if_local.actor = elsewhere.staff;
    CHECK(s.push(butler, {as_if_local}).status == 403);
  }
}

TEST_CASE("the role rules of each op kind are checked against the actor's role in the server's staff table") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet butler = s.enroll("GJ001", Id{0xA, 1});
  const Tablet head = s.enroll("ZG001", Id{0xB, 2});
  const Tablet manager = s.enroll("ZR001", Id{0xC, 3});
  const Tablet engineering = s.enroll("GC001", Id{0xE, 5});
  const std::int64_t now = s.clock.now;
  auto refused = [&](const Tablet& t, OpKind kind, Payload p) {
    const server::Reply r = s.push(t, {s.op(t, kind, std::move(p))});
    INFO(r.body);
    return r.status == 403 && s.code_of(r) == "forbidden_role";
  };
  auto accepted = [&](const Tablet& t, OpKind kind, Payload p) {
    const server::Reply r = s.push(t, {s.op(t, kind, std::move(p))});
    INFO(r.body);
    return r.status == 200;
  };

  // 未经公司经理同意，任何人均不得私配钥匙
  CHECK(refused(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::replaced, now)));
  CHECK(refused(head, OpKind::key_followed_up, follow_up(keys::FollowUp::replaced, now)));
  CHECK(accepted(manager, OpKind::key_followed_up, follow_up(keys::FollowUp::replaced, now)));
  // A deposit refund and a deduction are the leads'.
  CHECK(refused(butler, OpKind::renovation_stepped, refund(now)));
  CHECK(refused(engineering, OpKind::renovation_stepped, refund(now)));
  CHECK(accepted(head, OpKind::renovation_stepped, refund(now)));
  CHECK(refused(butler, OpKind::renovation_violation, deduction(300000, now)));
  CHECK(accepted(manager, OpKind::renovation_violation, deduction(300000, now)));
  // A later date is approved by a lead.
  CHECK(refused(butler, OpKind::ticket_stepped, approved_later(now)));
  CHECK(accepted(head, OpKind::ticket_stepped, approved_later(now)));  // as an older tablet recorded it
  // 000:265 a complaint is handed up by someone below the role it goes to; 000:257 the office classifies;
  // 001 "超時需經小區主任批準": the manager approves a later date.
  CHECK(refused(manager, OpKind::ticket_escalated, escalated_to(Role::manager, now)));
  CHECK(refused(head, OpKind::ticket_escalated, escalated_to(Role::head_butler, now)));
  CHECK(refused(engineering, OpKind::ticket_escalated, escalated_to(Role::manager, now)));
  CHECK(accepted(head, OpKind::ticket_escalated, escalated_to(Role::manager, now)));
  CHECK(accepted(butler, OpKind::ticket_escalated, escalated_to(Role::head_butler, now)));
  CHECK(refused(engineering, OpKind::ticket_stepped, classified(now)));
  CHECK(accepted(butler, OpKind::ticket_stepped, classified(now)));
  CHECK(refused(butler, OpKind::later_date_approved, later_date(now)));
  CHECK(refused(head, OpKind::later_date_approved, later_date(now)));
  CHECK(accepted(manager, OpKind::later_date_approved, later_date(now)));
  CHECK(accepted(butler, OpKind::later_date_asked, later_date(now)));
}

TEST_CASE("nobody changes their own role, only the manager makes a manager, and the server's table follows") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet head = s.enroll("ZG001", Id{0xB, 2});
  const Tablet manager = s.enroll("ZR001", Id{0xC, 3});
  const Id butler_id = s.store->find_staff("GJ001")->staff;

  Op self = s.op(head, OpKind::staff_set, role_of(Role::manager));
  self.entity = head.staff;
  server::Reply r = s.push(head, {self});
  CHECK(r.status == 403);
  CHECK(s.code_of(r) == "forbidden_role");
  CHECK(s.store->find_staff("ZG001")->role == static_cast<std::int64_t>(Role::head_butler));

  Op promote = s.op(head, OpKind::staff_set, role_of(Role::manager));
  promote.entity = butler_id;
  CHECK(s.push(head, {promote}).status == 403);

  // A head butler may make a butler a head butler; the server checks that role from then on.
  Op lead = s.op(head, OpKind::staff_set, role_of(Role::head_butler));
  lead.entity = butler_id;
  CHECK(s.push(head, {lead}).status == 200);
  CHECK(s.store->find_staff("GJ001")->role == static_cast<std::int64_t>(Role::head_butler));

  Op by_manager = s.op(manager, OpKind::staff_set, role_of(Role::manager));
  by_manager.entity = butler_id;
  CHECK(s.push(manager, {by_manager}).status == 200);
}

TEST_CASE("an op id already stored with other content is a conflict with its index, the same record is acked again") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet butler = s.enroll("GJ001", Id{0xA, 1});
  const Op first = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, s.clock.now));
  REQUIRE(s.push(butler, {first}).status == 200);
  CHECK(s.push(butler, {first}).status == 200);  // an ack lost on the way: sent again

  Op changed = first;
  changed.payload.set(F::note, "改过的内容");
  const Op fresh = s.op(butler, OpKind::key_followed_up, follow_up(keys::FollowUp::note, s.clock.now));
  const server::Reply r = s.push(butler, {fresh, changed});
  CHECK(r.status == 409);
  CHECK(s.code_of(r) == "conflict");
  CHECK(r.body.find("\"index\":1") != std::string::npos);
  CHECK(s.store->stored_record(s.store->find_community("翠苑")->id, first.op_id) == encode_op(first));
  CHECK_FALSE(s.store->has_op(s.store->find_community("翠苑")->id, fresh.op_id));
}

TEST_CASE("clocks: an op dated more than a day ahead of the server is refused, so the manager's later edit wins") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet butler = s.enroll("GJ001", Id{0xA, 1});
  const Tablet manager = s.enroll("ZR001", Id{0xC, 3});
  const Id unit = Id{0x77, 1};
  auto unit_floor = [&](const Tablet& t, std::int64_t floor, Hlc at) {
    Payload p;
    p.set(F::floor, floor);
    Op o = s.op(t, OpKind::unit_set, std::move(p));
    o.entity = unit;
    o.hlc = at;
    return o;
  };

  // Year 2100 is a valid time, but two days ahead of the server is not.
  server::Reply r = s.push(butler, {unit_floor(butler, 9, {s.clock.now + 2 * kDayMs, 0})});
  CHECK(r.status == 400);
  CHECK(s.code_of(r) == "clock_ahead");
  // (2200, 2^32-1) is out of every range.
  r = s.push(butler, {unit_floor(butler, 9, {7258118400000 + 1000, 0xFFFFFFFFu})});
  CHECK(r.status == 400);
  // A few hours fast is a tablet's clock, not an attack.
  CHECK(s.push(butler, {unit_floor(butler, 5, {s.clock.now + 3 * 60 * 60 * 1000, 0})}).status == 200);

  s.clock.now += 4 * 60 * 60 * 1000;
  CHECK(s.push(manager, {unit_floor(manager, 6, {s.clock.now, 0})}).status == 200);
  std::vector<Op> stored;
  const auto records = s.store->all_records(s.store->find_community("翠苑")->id);
  REQUIRE(records.ok());
  for (const auto& rec : records.value()) stored.push_back(decode_op(rec).value());
  Replica replica;
  replica.add(std::move(stored));
  CHECK(replica.data().units.at(unit).floor == 6);  // the manager's, later, wins
}

TEST_CASE("a tablet's clock does not jump to a pulled time more than a day ahead") {
  fakes::Clock wall;
  HybridClock hlc(wall);
  CHECK_FALSE(hlc.observe_remote({wall.now + 2 * kDayMs, 0}));
  CHECK(hlc.tick().wall_ms == wall.now);
  CHECK(hlc.observe_remote({wall.now + 60 * 60 * 1000, 3}));
  CHECK(hlc.tick() > Hlc{wall.now + 60 * 60 * 1000, 3});
  hlc.observe({wall.now + 5 * kDayMs, 0});  // its own log at start-up: taken whole
  CHECK(hlc.last().wall_ms == wall.now + 5 * kDayMs);
}

TEST_CASE("text fields refuse invalid UTF-8, NUL, control characters and bidi overrides") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s;
  const Tablet butler = s.enroll("GJ001", Id{0xA, 1});
  auto with_note = [&](std::string note) {
    Payload p = follow_up(keys::FollowUp::note, s.clock.now);
    p.set(F::note, std::move(note));
    return s.push(butler, {s.op(butler, OpKind::key_followed_up, std::move(p))}).status;
  };
  CHECK(with_note("钥匙在物业办公室找到\n已归还\t柜 3") == 200);
  CHECK(with_note(std::string("abc\0def", 7)) == 400);
  CHECK(with_note("\xC3\x28") == 400);              // invalid UTF-8
  CHECK(with_note("\xE2\x80\xAE" "evil") == 400);   // U+202E RIGHT-TO-LEFT OVERRIDE
  CHECK(with_note("\xE2\x81\xA6" "x") == 400);      // U+2066 LEFT-TO-RIGHT ISOLATE
  CHECK(with_note("bell\x07") == 400);
}

TEST_CASE("the tablet refuses before committing what the server would refuse, and nothing is recorded") {
  fixture::Device d(43, Id{0x7A, 0xB1});
  REQUIRE(d.session.load_demo({}).ok());
  d.as(Role::butler);
  const std::size_t before = d.session.op_count();
  NewTicket t;
  t.what = "\xE2\x80\xAE" "楼道灯不亮";  // a bidi override pasted into the note
  t.kind = tickets::Kind::repair;
  auto refused = d.session.tickets().open_ticket(t);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "invalid_op");
  CHECK(d.session.op_count() == before);
  t.what = "楼道灯不亮";
  CHECK(d.session.tickets().open_ticket(t).ok());
}
