#include <catch2/catch.hpp>

#include <set>

#include "app/i18n/catalogue.hpp"
#include "app/ops/codec.hpp"
#include "app/core/sha256.hpp"
#include "app/domain/validate_op.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Device {
  Device() : fixture::Device(99, Id{0xD, 0xE}) {}
};

// The first unit a butler may change (a model unit's status is a lead's).
Id first_unit(const Session& s) {
  for (const UnitRow& row : s.estate().unit_rows()) {
    if (row.status != UnitStatus::model) return row.id;
  }
  return s.estate().unit_rows().front().id;
}

}  // namespace

TEST_CASE("commands validate and fail with a readable message, changing nothing") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  REQUIRE(d.session.load_demo({}).ok());
  const std::size_t ops = d.session.op_count();
  auto r = d.session.estate().add_resident(Id{1, 2}, {"王芳", "13800000000", ""});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "unknown_unit");
  CHECK(r.error().message == "找不到这个房号。");
  r = d.session.estate().add_resident(first_unit(d.session), {"", "", ""});
  CHECK(r.error().code == "name_required");
  r = d.session.estate().add_resident(first_unit(d.session), {"王芳", "not a phone", ""});
  CHECK(r.error().code == "bad_phone");
  CHECK(d.session.load_demo({}).error().code == "demo_exists");
  d.session.set_read_only(true);
  CHECK(d.session.estate().set_unit_status(first_unit(d.session), UnitStatus::vacant).error().code == "read_only");
  CHECK(d.session.op_count() == ops);
}

TEST_CASE("an action is 'saving' until storage commits, then 'saved'") {
  Device d;
  CHECK(d.session.save_state() == SaveState::idle);
  d.storage.defer_acks = true;
  REQUIRE(d.session.load_demo({}).ok());
  CHECK(d.session.save_state() == SaveState::saving);
  CHECK(d.session.pending_count() == d.session.op_count());
  CHECK(d.session.summary().units >= 1400);  // visible at once
  d.storage.flush_acks();
  CHECK(d.session.save_state() == SaveState::saved);
  CHECK(d.session.pending_count() == 0);
}

TEST_CASE("a quota failure keeps the records, says so, and a retry saves them") {
  Device d;
  REQUIRE(d.session.load_demo({}).ok());
  d.storage.fail_with_quota = true;
  const auto unit = first_unit(d.session);
  REQUIRE(d.session.estate().set_unit_status(unit, UnitStatus::vacant).ok());
  CHECK(d.session.save_state() == SaveState::failed);
  CHECK_FALSE(d.session.storage_error().empty());
  CHECK(d.session.pending_count() == 1);
  CHECK(d.session.master_data().units.at(unit).status == UnitStatus::vacant);
  d.storage.fail_with_quota = false;
  d.session.retry_failed();
  CHECK(d.session.save_state() == SaveState::saved);
  CHECK(d.session.storage_error().empty());
  // Restart from what is durable: the change is there.
  fakes::Clock c;
  fakes::Random rnd(5);
  fakes::Storage s2;
  Session again(c, rnd, s2, Id{0xD, 0xE});
  again.load(d.storage.durable);
  CHECK(again.master_data().units.at(unit).status == UnitStatus::vacant);
}

TEST_CASE("storage that dies after k writes, for every k: acknowledged ops come back, torn ones never apply") {
  // The script: the demo (one big batch of ~5,000 ops), then 24 single edits.
  // Storage here is weaker than IndexedDB: records land one by one and the
  // one being written when the battery dies is torn in half.
  struct Outcome { std::vector<std::string> durable, acked; };
  auto run = [](long k) {
    Device d;
    d.storage.records_until_death = k;
    (void)d.session.load_demo({});
    const auto rows = d.session.estate().unit_rows();
    for (std::size_t i = 0; i < 12; ++i) {
      (void)d.session.estate().set_unit_status(rows[i].id, UnitStatus::vacant);
      (void)d.session.estate().add_resident(rows[i].id, {"李娜", "13912345678", "教师"});
    }
    return Outcome{d.storage.durable, d.storage.acked};
  };

  const long total = static_cast<long>(run(-1).durable.size());
  REQUIRE(total > 1400);
  // Every k around the boundaries between batches, and a spread through the big one.
  std::vector<long> ks;
  for (long k = 0; k < 30; ++k) ks.push_back(k);
  for (long k = total - 30; k <= total; ++k) ks.push_back(k);
  for (long k = 30; k < total - 30; k += 101) ks.push_back(k);

  for (long k : ks) {
    INFO("storage dies after " << k << " records");
    const Outcome out = run(k);
    fakes::Clock c;
    fakes::Random rnd(123);
    fakes::Storage s;
    Session restarted(c, rnd, s, Id{0xD, 0xE});
    const LoadReport& report = restarted.load(out.durable);
    // Exactly the torn record is set aside (when one was torn), never applied.
    REQUIRE(report.quarantined.size() == (k < total ? 1u : 0u));
    std::set<std::string> applied;
    for (const Op& op : restarted.decoded_log()) applied.insert(encode_op(op));
    // Everything acknowledged as saved is back…
    for (const std::string& r : out.acked) REQUIRE(applied.count(r) == 1);
    // …and nothing is applied that was not written whole.
    std::set<std::string> whole(out.durable.begin(), out.durable.end());
    for (const std::string& r : applied) REQUIRE(whole.count(r) == 1);
    REQUIRE(applied.size() == out.durable.size() - report.quarantined.size());
  }
}

TEST_CASE("a photo attaches to a unit by its SHA-256, survives a snapshot, and anything else is refused") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d;
  REQUIRE(d.session.load_demo({}).ok());
  const Id unit = first_unit(d.session);
  const std::string hash = sha256_hex("a jpeg's bytes");
  const auto added = d.session.estate().add_unit_photo(unit, hash);
  REQUIRE(added.ok());
  const auto photos = d.session.estate().photos_of(unit);
  REQUIRE(photos.size() == 1);
  CHECK(photos[0]->sha256 == hash);
  CHECK(photos[0]->taken_ms == d.clock.now);
  CHECK(validate_op(d.session.decoded_log().back()).ok());
  CHECK(d.session.estate().add_unit_photo(unit, "not a hash").error().code == "bad_photo");
  CHECK(d.session.estate().add_unit_photo(Id{9, 9}, hash).error().code == "unknown_unit");
  // Through a snapshot and back.
  Replica r;
  r.add(d.session.decoded_log());
  Result<Snapshot> s = decode_snapshot(encode_snapshot(r.data(), r.ids(), r.size(), r.frontier(), {}));
  REQUIRE(s.ok());
  CHECK(s.value().data.photos == d.session.master_data().photos);
}
