#include <catch2/catch.hpp>

#include "app/core/base64.hpp"
#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/validate_op.hpp"
#include "app/ops/codec.hpp"
#include "app/sync/sync_json.hpp"
#include "app/sync/sync_client.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"

using namespace app;

TEST_CASE("sha-256 known answers (FIPS 180-4 examples)") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // A million 'a', fed in odd-sized pieces to exercise the buffering.
  Sha256 s;
  const std::string chunk(997, 'a');
  std::size_t left = 1000000;
  while (left) {
    const std::size_t n = std::min(left, chunk.size());
    s.update(std::string_view(chunk).substr(0, n));
    left -= n;
  }
  const auto d = s.finish();
  CHECK(to_hex(std::string_view(reinterpret_cast<const char*>(d.data()), 32)) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(is_sha256_hex(sha256_hex("x")));
  CHECK_FALSE(is_sha256_hex("ABC"));
}

TEST_CASE("base64 round-trips and refuses what is not base64") {
  for (const std::string& s : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)}) {
    std::string back;
    REQUIRE(base64_decode(base64_encode(s), &back));
    CHECK(back == s);
  }
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(base64_encode("fo") == "Zm8=");
  std::string out;
  CHECK_FALSE(base64_decode("Zm9", &out));
  CHECK_FALSE(base64_decode("Zm9v!mFy", &out));
  CHECK_FALSE(base64_decode("Zm=v", &out));
}

TEST_CASE("the small JSON reader takes the protocol's shapes and rejects garbage") {
  auto v = json::parse(R"( {"a":[1,-2,"x\u00e9\n"],"b":{"c":true,"d":null}} )");
  REQUIRE(v.ok());
  CHECK(v.value().get("a")->items[1].i == -2);
  CHECK(v.value().get("a")->items[2].s == "x\xc3\xa9\n");
  CHECK(v.value().get("b")->get("c")->b);
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "1.5", "\"abc", "{'a':1}"}) {
    INFO(bad);
    CHECK_FALSE(json::parse(bad).ok());
  }
  CHECK(json::quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\u000a\"");
}

TEST_CASE("sync messages round-trip through their wire form") {
  const std::string rec = std::string("BR\x01 binary\0bytes", 17);
  const std::string body = sync::encode_request(Id{1, 2}, 42, {rec});
  auto req = sync::parse_request(body);
  REQUIRE(req.ok());
  CHECK(req.value().device_id == Id{1, 2});
  CHECK(req.value().cursor == 42);
  REQUIRE(req.value().records.size() == 1);
  CHECK(req.value().records[0] == rec);
  auto res = sync::parse_response(sync::encode_response({Id{3, 4}}, {rec}, 7, true));
  REQUIRE(res.ok());
  CHECK(res.value().acked == std::vector<Id>{Id{3, 4}});
  CHECK(res.value().cursor == 7);
  CHECK(res.value().more);
  CHECK(sync::parse_request(R"({"device_id":"zz","cursor":0,"ops":[]})").error().code == "bad_request");
  CHECK(sync::parse_request(R"({"device_id":"00000000000000000000000000000001","ops":["@@@"]})").error().code ==
        "bad_base64");
  auto st = sync::decode_state(sync::encode_state({12, 34}));
  REQUIRE(st.ok());
  CHECK(st.value() == sync::SyncState{12, 34});
}

namespace {
Op unit_op(std::int64_t status) {
  Op op;
  op.op_id = Id{1, 1};
  op.device_id = Id{9, 9};
  op.entity = Id{3, 3};
  op.hlc = {1790000000000, 0};
  op.kind = OpKind::unit_set;
  op.payload.set(F::status, status);
  return op;
}
}  // namespace

TEST_CASE("validate_op accepts real ops and refuses insane ones") {
  for (const Op& op : generate_demo({}).ops) REQUIRE(validate_op(op).ok());
  CHECK(validate_op(unit_op(1)).ok());
  CHECK(validate_op(unit_op(9)).error().code == "invalid_op");
  Op op = unit_op(1);
  op.payload.set(F::role, std::int64_t{1});  // not a unit field
  CHECK_FALSE(validate_op(op).ok());
  op = unit_op(1);
  op.payload.set(F::parent, std::string("not an id"));
  CHECK_FALSE(validate_op(op).ok());
  op = unit_op(1);
  op.payload = {};
  CHECK_FALSE(validate_op(op).ok());  // an update that changes nothing
  op = unit_op(1);
  op.hlc.wall_ms = 0;
  CHECK_FALSE(validate_op(op).ok());
  op.hlc.wall_ms = 1790000000000;
  op.kind = OpKind::staff_set;
  op.payload = {};
  op.payload.set(F::role, std::int64_t{99});
  CHECK_FALSE(validate_op(op).ok());
}

TEST_CASE("sync client backs off with jitter, and ignores stale answers") {
  fakes::Clock clock;
  fakes::Random random(5);
  sync::SyncClient c(clock, random, Id{9, 9});
  c.restore({}, {});
  REQUIRE(c.due());
  auto r1 = c.next_request();
  CHECK_FALSE(c.due());
  c.on_failure(r1.id, "offline");
  auto s = c.status();
  CHECK(s.failures == 1);
  CHECK_FALSE(s.last_error.empty());
  CHECK(s.next_attempt_ms >= clock.now + 1000);
  CHECK(s.next_attempt_ms <= clock.now + 2000);
  for (int i = 0; i < 20; ++i) {
    clock.now = c.status().next_attempt_ms;
    REQUIRE(c.due());
    c.on_failure(c.next_request().id, "offline");
  }
  CHECK(c.status().next_attempt_ms - clock.now <= 5 * 60 * 1000);
  CHECK(c.status().next_attempt_ms - clock.now >= 150 * 1000);
  clock.now = c.status().next_attempt_ms;
  auto r = c.next_request();
  // A late answer to an old request changes nothing.
  auto stale = c.on_response(r1.id, 200, sync::encode_response({}, {}, 99, false));
  CHECK(c.state().cursor == 0);
  CHECK(c.status().running);
  auto ok = c.on_response(r.id, 200, sync::encode_response({}, {}, 5, false));
  REQUIRE(ok.ok());
  CHECK(c.state().cursor == 5);
  CHECK(c.status().failures == 0);
  CHECK(c.status().last_error.empty());
  CHECK(c.status().last_synced_ms == clock.now);
}

#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "app/session/session.hpp"
#include "test_db.hpp"

TEST_CASE("a record the server refuses is set aside and does not block the rest of the outbox") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  fakes::Clock clock;
  fakes::Random random(11);
  auto store = std::move(server::ServerStore::open(test_db::location())).value();
  server::SyncService service(*store, clock, random);
  auto c = store->create_community(Id{0xC, 1}, "翠苑", "宁波市");
  REQUIRE(c.ok());
  REQUIRE(store->put_staff({c.value().id, "GJ001", Id{0x57, 1}, 0, "-", "-"}).ok());
  REQUIRE(store->add_device(server::hash_token("t"), {c.value().id, "GJ001", Id{9, 9}, 0}, clock.now).ok());

  // A stored log: a good op, one an older/buggy build wrote with a bad status, another good one.
  Op bad = unit_op(7);
  bad.op_id = Id{5, 5};
  Op good2 = unit_op(2);
  good2.op_id = Id{6, 6};
  std::vector<std::string> log{encode_op(unit_op(1)), encode_op(bad), encode_op(good2)};
  std::vector<std::string_view> views(log.begin(), log.end());
  sync::SyncClient client(clock, random, Id{9, 9});
  client.restore({}, views);
  CHECK(client.status().pending == 3);
  for (int i = 0; i < 5 && client.due(); ++i) {
    auto req = client.next_request();
    auto reply = service.sync("Bearer t", req.body);
    (void)client.on_response(req.id, reply.status, reply.body);
  }
  CHECK(client.status().pending == 0);
  CHECK(client.status().rejected == 1);
  // A refusal is worded by the tablet in its own language, whatever the server speaks.
  i18n::set_current_language(i18n::Lang::en);
  sync::SyncClient other(clock, random, Id{9, 9});
  other.restore({}, {});
  auto req = other.next_request();
  (void)other.on_response(req.id, 401, service.sync("Bearer nope", req.body).body);
  CHECK(other.status().last_error == i18n::tr(i18n::S::err_sync_unauthorized, i18n::Lang::en));
  i18n::set_current_language(i18n::Lang::zh_CN);
  CHECK(store->op_count(-1) == 2);
  // Everything settled: the whole stored log counts as handled.
  CHECK(client.state().acked_prefix == 3);
}

TEST_CASE("a 413 makes the client send fewer ops per request") {
  fakes::Clock clock;
  fakes::Random random(13);
  std::vector<std::string> log;
  for (std::uint64_t i = 1; i <= 8; ++i) {
    Op op = unit_op(1);
    op.op_id = Id{7, i};
    log.push_back(encode_op(op));
  }
  std::vector<std::string_view> views(log.begin(), log.end());
  sync::SyncClient client(clock, random, Id{9, 9}, {8});
  client.restore({}, views);
  auto r = client.next_request();
  CHECK(r.ops == 8);
  (void)client.on_response(r.id, 413, sync::error_body("too_large", "too large"));
  REQUIRE(client.due());
  CHECK(client.next_request().ops == 4);
}

TEST_CASE("session and client together: saved ops are pushed, pulled ops are stored and not pushed back") {
  fakes::Clock clock;
  fakes::Random random(12);
  fakes::Storage storage;
  Session session(clock, random, storage, Id{9, 9});
  storage.on_commit = [&](std::uint64_t b, bool ok, std::string m) { session.on_commit(b, ok, m); };
  sync::SyncClient client(clock, random, Id{9, 9});
  client.restore({}, {});
  session.set_durable_listener([&](const std::vector<std::string>& r, bool remote) { client.on_durable(r, remote); });
  REQUIRE(session.load_demo({}).ok());
  CHECK(client.status().pending == session.op_count());
  storage.defer_acks = true;  // not durable yet: not in the outbox either
  Id field_unit;  // one a butler may change: not a model unit (a lead's)
  for (const UnitRow& row : session.estate().unit_rows()) {
    if (row.status != UnitStatus::model) field_unit = row.id;
  }
  REQUIRE(session.estate().set_unit_status(field_unit, UnitStatus::vacant).ok());
  CHECK(client.status().pending == session.op_count() - 1);
  storage.flush_acks();
  CHECK(client.status().pending == session.op_count());
  storage.defer_acks = false;
  // A pulled op is stored (durable) but never goes back out.
  Op remote = unit_op(3);
  remote.entity = session.estate().unit_rows().front().id;
  REQUIRE(session.merge_remote({remote}).ok());
  CHECK(client.status().pending == session.op_count() - 1);
  CHECK(storage.durable.size() == session.op_count());
  CHECK(session.merge_remote({remote}).value() == 0);  // twice: stored once
}
