// Photos: the upload queue (after the ops, resumable, backing off, surviving
// a reload through storage), and the office's photos.csv.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/sync/blob_uploader.hpp"
#include "fakes.hpp"
#include "export_text.hpp"

using namespace app;

TEST_CASE("photos wait for their ops, go one at a time, and leave the queue only on a 200") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  fakes::Clock clock;
  fakes::Random random;
  sync::BlobUploader up(clock, random, 1000, 60000);
  const std::string a = sha256_hex("photo a"), b = sha256_hex("photo b");
  CHECK_FALSE(up.due(true));  // nothing waits
  up.add(a);
  up.add(b);
  up.add(a);  // named once
  CHECK(up.status().pending == 2);
  CHECK_FALSE(up.due(false));  // the ops are not on the server yet
  REQUIRE(up.due(true));
  CHECK(up.next() == a);
  CHECK(up.status().running);
  CHECK_FALSE(up.due(true));  // one in flight at a time
  up.on_answer(a, 200, "{}");
  CHECK(up.status().pending == 1);
  CHECK(up.status().last_error.empty());

  // No answer (signal lost in the stairwell): kept, backs off with jitter, retried.
  REQUIRE(up.due(true));
  CHECK(up.next() == b);
  up.on_failure(b, "timeout");
  CHECK(up.status().pending == 1);
  CHECK(up.status().failures == 1);
  CHECK(up.status().last_error.find("无法连接服务器") != std::string::npos);
  CHECK_FALSE(up.due(true));
  clock.now += 1000;  // the longest first wait: half fixed plus up to half jitter
  REQUIRE(up.due(true));
  CHECK(up.next() == b);
  up.on_answer(b, 503, "busy");
  CHECK(up.status().failures == 2);
  CHECK_FALSE(up.due(true));  // the second wait: 1 s fixed plus up to 1 s jitter
  clock.now += 2000;
  REQUIRE(up.due(true));
  up.on_answer("stale", 200, "");  // an answer to nothing in flight changes nothing
  CHECK(up.status().pending == 1);
  CHECK(up.next() == b);
  up.on_answer(b, 200, "");  // the re-PUT of the whole blob completes it
  CHECK(up.status().pending == 0);
  CHECK(up.status().failures == 0);
  CHECK(up.status().last_error.empty());
}

TEST_CASE("a reload restores the queue from storage — a photo gone from the tablet is dropped and said") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  fakes::Clock clock;
  fakes::Random random;
  sync::BlobUploader up(clock, random);
  const std::string a = sha256_hex("a"), b = sha256_hex("b"), c = sha256_hex("c");
  up.add(c);  // taken before storage answered the listing
  up.restore({b, a, b});
  CHECK(up.status().pending == 2);  // restore replaces: storage's list is the truth
  for (const std::string& name : {a, b}) CHECK(std::count(up.queue().begin(), up.queue().end(), name) == 1);
  REQUIRE(up.due(true));
  const std::string first = up.next();
  up.on_missing_locally(first);
  CHECK(up.status().pending == 1);
  CHECK(up.status().last_error.find("找不到") != std::string::npos);
  CHECK(up.due(true));  // the rest goes on at once
}

TEST_CASE("one failing photo goes to the back of the queue, so the others still go up") {
  fakes::Clock clock;
  fakes::Random random;
  sync::BlobUploader up(clock, random, 10, 10);
  const std::string a = sha256_hex("a"), b = sha256_hex("b");
  up.add(a);
  up.add(b);
  CHECK(up.next() == a);
  up.on_answer(a, 400, "hash_mismatch");
  clock.now += 10;
  CHECK(up.next() == b);
  up.on_answer(b, 200, "");
  CHECK(up.status().pending == 1);
  CHECK(up.queue().front() == a);
}

TEST_CASE("photos.csv lists each unit photo where it was taken, in archive order, in Beijing time") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  fakes::Clock clock;
  clock.now = 1795000000000;  // 2026-11-18 11:06:40 UTC = 19:06 in Beijing
  fakes::Random random;
  fakes::Storage storage;
  Session session(clock, random, storage, Id{1, 1});
  REQUIRE(session.load_demo({}).ok());
  const Id unit = session.estate().unit_rows().front().id;
  const std::string sha = sha256_hex("lamp cover");
  REQUIRE(session.estate().add_unit_photo(unit, sha).ok());
  Replica replica;
  replica.add(session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  const server::ExportFn* photos = exports.find("photos");
  REQUIRE(photos != nullptr);
  const std::string csv = export_text((*photos)(server::ExportInput{replica}));
  CHECK(csv == "楼栋,单元,房号,拍摄时间,照片编号（SHA-256）\r\n1栋,1,101,2026-11-18 19:06," + sha + "\r\n");
}
