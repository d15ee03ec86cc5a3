// Quotas per community (issue 20, denial of service): a tablet with a valid
// token cannot flood the op log or the photo store. Over a limit the whole
// push or upload is refused (429 for the day's, 507 for storage), nothing of
// it is stored, other communities go on, and the next day it is taken; the
// tablet keeps its records meanwhile instead of setting them aside.
#include <catch2/catch.hpp>

#include "app/i18n/catalogue.hpp"
#include "app/sync/blob_uploader.hpp"
#include "app/sync/sync_client.hpp"
#include "quota_fixture.hpp"
#include "test_db.hpp"

using namespace app;
using quota_fixture::Server;
using quota_fixture::Tablet;

namespace {

server::Quotas ops_per_day(std::int64_t n) {
  server::Quotas q;
  q.ops_per_day = n;
  return q;
}

}  // namespace

TEST_CASE("a push over the day's record quota is refused whole with 429 and taken the next day") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s(ops_per_day(5));
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  const Tablet other = s.enroll("XF001", Id{7, 2});
  const std::int64_t before = s.store->op_count(t.community);
  const std::int64_t day = server::quota_day(s.clock.now);
  CHECK(s.store->usage(t.community, day).ops_today == 0);  // the admin's own records are not counted

  REQUIRE(s.push(t, s.photo_ops(t, 3)).status == 200);
  CHECK(s.store->usage(t.community, day).ops_today == 3);

  // 3 + 3 > 5: none of the three is stored, and the count stays.
  const std::vector<Op> refused = s.photo_ops(t, 3);
  const server::Reply over = s.push(t, refused);
  CHECK(over.status == 429);
  CHECK(Server::code_of(over) == "quota_ops");
  CHECK(sync::parse_error_body(over.status, over.body).message.find(i18n::tr(i18n::S::err_sync_quota_ops)) == 0);
  CHECK(s.store->op_count(t.community) == before + 3);
  CHECK(s.store->usage(t.community, day).ops_today == 3);
  for (const Op& op : refused) CHECK_FALSE(s.store->has_op(t.community, op.op_id));

  // What still fits is taken; then the day is full, refused before any op is checked.
  REQUIRE(s.push(t, s.photo_ops(t, 2)).status == 200);
  CHECK(s.push(t, refused).status == 429);
  CHECK(s.store->op_count(t.community) == before + 5);
  // Pulling goes on, and another community's day is its own.
  CHECK(s.push(t, {}).status == 200);
  CHECK(s.push(other, s.photo_ops(other, 5)).status == 200);

  s.clock.now += server::kDayMs;
  const server::Reply next_day = s.push(t, refused);
  CHECK(next_day.status == 200);
  CHECK(s.store->op_count(t.community) == before + 8);
  CHECK(s.store->usage(t.community, server::quota_day(s.clock.now)).ops_today == 3);
}

TEST_CASE("photos over the day's bytes, the stored bytes or the photo count are refused and not stored") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  server::Quotas q;
  q.blob_bytes_per_day = 100;
  q.blob_bytes_total = 250;
  Server s(q);
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  const Tablet other = s.enroll("XF001", Id{7, 2});
  const std::string a(60, 'a'), b(60, 'b'), c(60, 'c'), d(60, 'd'), e(20, 'e');
  // Named by records, so the sweep leaves them: only the quotas are tested here.
  REQUIRE(s.push(t, {s.photo_op(t, sha256_hex(a)), s.photo_op(t, sha256_hex(b)), s.photo_op(t, sha256_hex(c)),
                     s.photo_op(t, sha256_hex(d)), s.photo_op(t, sha256_hex(e))}).status == 200);

  CHECK(s.put(t, a).status == 200);
  const server::Reply day_full = s.put(t, b);  // 120 bytes today > 100
  CHECK(day_full.status == 429);
  CHECK(Server::code_of(day_full) == "quota_blobs");
  CHECK(s.get_status(t, b) == 404);
  CHECK(s.put(t, a).status == 200);  // sent again (a lost answer): stored already, not counted twice
  CHECK(s.put(other, b).status == 200);  // another community's quota is its own
  CHECK(s.store->usage(t.community, server::quota_day(s.clock.now)).blob_bytes_today == 60);

  s.clock.now += server::kDayMs;
  CHECK(s.put(t, b).status == 200);
  s.clock.now += server::kDayMs;
  CHECK(s.put(t, c).status == 200);
  s.clock.now += server::kDayMs;
  CHECK(s.put(t, d).status == 200);  // 240 bytes stored
  const server::Reply full = s.put(t, e);  // 260 > 250
  CHECK(full.status == 507);
  CHECK(Server::code_of(full) == "quota_storage");
  CHECK(s.get_status(t, e) == 404);
  const server::QuotaUsage u = s.store->usage(t.community, server::quota_day(s.clock.now));
  CHECK(u.blob_bytes_total == 240);
  CHECK(u.blob_count == 4);

  server::Quotas few;
  few.blob_count = 2;
  Server counted(few);
  const Tablet ct = counted.enroll("GJ001", Id{7, 1});
  REQUIRE(counted.push(ct, {counted.photo_op(ct, sha256_hex(a)), counted.photo_op(ct, sha256_hex(b)),
                            counted.photo_op(ct, sha256_hex(c))}).status == 200);
  CHECK(counted.put(ct, a).status == 200);
  CHECK(counted.put(ct, b).status == 200);
  CHECK(counted.put(ct, c).status == 507);
  CHECK(counted.store->blob_count() == 2);
}

TEST_CASE("a tablet over the quota keeps its records and sends them when the server takes them again") {
  const std::string engine = GENERATE(from_range(test_db::engines()));  // both engines
  test_db::Use use(engine);
  INFO(engine);
  Server s(ops_per_day(3));
  const Tablet t = s.enroll("GJ001", Id{7, 1});
  REQUIRE(s.push(t, s.photo_ops(t, 1)).status == 200);  // 1 + the tablet's 3 > 3 today
  fakes::Random random{5};
  sync::SyncClient client(s.clock, random, t.device);
  std::vector<std::string> records;
  for (const Op& op : s.photo_ops(t, 3)) records.push_back(encode_op(op));
  client.on_durable(records, false);
  const std::int64_t stored_before = s.store->op_count(t.community);

  auto exchange = [&] {
    REQUIRE(client.due());
    const sync::Request req = client.next_request();
    const server::Reply reply = s.service->sync("Bearer " + t.token, req.body);
    (void)client.on_response(req.id, reply.status, reply.body);
    return reply.status;
  };
  CHECK(exchange() == 429);
  const sync::SyncStatus refused = client.status();
  CHECK(refused.pending == 3);   // kept, not set aside: the records are fine, the day is full
  CHECK(refused.rejected == 0);
  CHECK(refused.last_error == i18n::tr(i18n::S::err_sync_quota_ops));
  CHECK(refused.next_attempt_ms > s.clock.now);  // backs off instead of hammering
  CHECK(s.store->op_count(t.community) == stored_before);

  s.clock.now += server::kDayMs;
  CHECK(exchange() == 200);
  CHECK(client.status().pending == 0);
  CHECK(client.status().last_error.empty());
  CHECK(s.store->op_count(t.community) == stored_before + 3);

  // A photo refused for storage stays queued with words the butler can read.
  sync::BlobUploader uploader(s.clock, random);
  uploader.add(sha256_hex("photo"));
  REQUIRE(uploader.due(true));
  const std::string sha = uploader.next();
  uploader.on_answer(sha, 507, sync::error_body("quota_storage", "full"));
  CHECK(uploader.status().pending == 1);
  CHECK(uploader.status().last_error == i18n::tr(i18n::S::err_sync_quota_storage));
}

TEST_CASE("quota sizes read as the server's flags give them") {
  CHECK(server::parse_size("200000") == 200000);
  CHECK(server::parse_size("20G") == (20LL << 30));
  CHECK(server::parse_size("512m") == (512LL << 20));
  CHECK(server::parse_size("0") == 0);
  CHECK_FALSE(server::parse_size(""));
  CHECK_FALSE(server::parse_size("G"));
  CHECK_FALSE(server::parse_size("-5"));
  CHECK_FALSE(server::parse_size("2.5G"));
}
