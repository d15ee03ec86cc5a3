// Projection snapshots: a start-up from snapshot + tail gives exactly the
// state of folding the whole log; a damaged, unknown or outdated snapshot is
// never used (the whole log is), and snapshots cover durable ops only.
#include <catch2/catch.hpp>

#include "app/demo/demo_community.hpp"
#include "app/ops/codec.hpp"
#include "app/session/session.hpp"
#include "app/store/backup.hpp"
#include "app/store/snapshot.hpp"
#include "app/sync/sync_client.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Device {
  Device() : fixture::Device(7, Id{0xA, 0xB}) {}
};

std::vector<std::string_view> views_of(const std::vector<std::string>& records, std::size_t from = 0) {
  return std::vector<std::string_view>(records.begin() + static_cast<std::ptrdiff_t>(from), records.end());
}

// Takes a snapshot the way the shell does: begin, small steps, take.
std::string snapshot_in_steps(Device& d, std::size_t budget) {
  d.clock.now += 1000;  // the quiet period after the last save
  Session& s = d.session;
  REQUIRE(s.begin_snapshot());
  SnapshotStep step = SnapshotStep::working;
  int steps = 0;
  while ((step = s.snapshot_step(budget)) == SnapshotStep::working) ++steps;
  REQUIRE(step == SnapshotStep::done);
  CHECK(steps >= 1);  // it really was spread over several steps
  std::string bytes;
  for (const std::string& chunk : s.take_snapshot()) {
    CHECK(chunk.size() <= SnapshotWriter::kChunkBytes + SnapshotWriter::kChunkBytes / 8);  // never one growing string
    bytes += chunk;
  }
  return bytes;
}

}  // namespace

TEST_CASE("a snapshot decodes to exactly the state it was taken from") {
  const DemoCommunity demo = generate_demo({});
  Replica replica;
  replica.add(demo.ops);
  const std::string bytes = encode_snapshot(replica.data(), replica.ids(), replica.size() + 1, replica.frontier(), {{3, "damaged record"}});
  Result<Snapshot> s = decode_snapshot(bytes);
  REQUIRE(s.ok());
  CHECK(s.value().data == replica.data());
  CHECK(s.value().op_count == replica.size());
  CHECK(s.value().record_count == replica.size() + 1);
  CHECK(s.value().frontier == replica.frontier());
  REQUIRE(s.value().quarantined.size() == 1);
  CHECK(s.value().quarantined[0].reason == "damaged record");
  // Smaller than the log it replaces.
  std::size_t log_bytes = 0;
  for (const auto& e : replica.log()) log_bytes += e.record.size();
  CHECK(bytes.size() < log_bytes);
}

TEST_CASE("every damaged byte or an unknown version makes a snapshot unusable, never wrong") {
  Replica replica;
  DemoOptions tiny;
  tiny.scale = 1;
  replica.add(generate_demo(tiny).ops);
  const std::string good = encode_snapshot(replica.data(), replica.ids(), replica.size(), replica.frontier(), {});
  // Every byte of the header and the first entities, then a spread through the rest.
  for (std::size_t i = 0; i < good.size(); i += (i < 4096 ? 1 : 997)) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    INFO("byte " << i);
    CHECK_FALSE(decode_snapshot(bad).ok());
  }
  CHECK_FALSE(decode_snapshot(good.substr(0, good.size() / 2)).ok());
  std::string future = good;
  future[8] = static_cast<char>(kSnapshotFormatVersion + 1);
  const auto r = decode_snapshot(future);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "snapshot_unknown_version");
  // Format 3's sections no longer line up: dropped (rebuilt from the log), not misread.
  std::string three = good;
  three[8] = 3;
  CHECK(decode_snapshot(three).error().code == "snapshot_unknown_version");
}

TEST_CASE("start-up from snapshot plus tail equals folding the whole log") {
  Device a;
  a.session.set_snapshot_policy(100, 1000);
  REQUIRE(a.session.load_demo({}).ok());
  CHECK_FALSE(a.session.snapshot_due());  // not right after a save: the butler is working
  a.clock.now += 999;
  CHECK_FALSE(a.session.snapshot_due());
  a.clock.now += 1;
  CHECK(a.session.snapshot_due());
  const std::string snapshot = snapshot_in_steps(a, 500);
  // More than one chunk holds: decoding it below proves the chunks join up.
  CHECK(snapshot.size() > SnapshotWriter::kChunkBytes + SnapshotWriter::kChunkBytes / 8);
  const std::size_t covered = a.storage.durable.size();
  a.clock.now += 5000;
  CHECK_FALSE(a.session.snapshot_due());  // one at a time: this one is still being stored
  a.session.on_snapshot_saved(true, a.session.op_count(), "");
  CHECK_FALSE(a.session.snapshot_due());  // and it covers everything
  // Work after the snapshot: the tail.
  const Id unit = a.session.estate().unit_rows()[5].id;
  REQUIRE(a.session.estate().set_unit_status(unit, UnitStatus::vacant).ok());
  const auto added = a.session.estate().add_resident(unit, {"李静", "13912345678", "教师", true, 20261001});
  REQUIRE(added.ok());

  Device whole;
  whole.session.load(a.storage.durable);
  Device fast;
  REQUIRE(fast.session.load_from_snapshot(snapshot, views_of(a.storage.durable, covered), nullptr) == LoadOutcome::loaded);
  CHECK(fast.session.load_report().from_snapshot);
  CHECK(fast.session.load_report().records == 2);
  CHECK(fast.session.first_loaded_position() == covered);  // where sync's positions continue
  CHECK(fast.session.stored_records() == a.storage.durable.size());
  CHECK(fast.session.master_data() == whole.session.master_data());
  CHECK(fast.session.master_data() == a.session.master_data());
  CHECK(fast.session.op_count() == whole.session.op_count());
  CHECK(fast.session.estate().unit_rows().size() == whole.session.estate().unit_rows().size());
  CHECK(fast.session.actor() == whole.session.actor());
  // Ops inside the snapshot are known: re-importing everything adds nothing.
  Result<std::size_t> again = fast.session.import_backup(whole.session.export_backup());
  REQUIRE(again.ok());
  CHECK(again.value() == 0);
  // The export of a snapshot-started tablet goes through the stored log.
  CHECK(fast.session.export_needs_stored_log());
  CHECK(Session::export_backup_of(views_of(a.storage.durable)) == whole.session.export_backup());
}

TEST_CASE("a damaged or missing snapshot means the whole log, with the reason kept for Settings") {
  Device a;
  a.session.set_snapshot_policy(100, 1000);
  REQUIRE(a.session.load_demo({}).ok());
  std::string snapshot = snapshot_in_steps(a, 2000);
  snapshot[snapshot.size() / 2] ^= 0x01;
  Device b;
  CHECK(b.session.load_from_snapshot("", views_of(a.storage.durable), nullptr) == LoadOutcome::need_whole_log);
  CHECK(b.session.load_from_snapshot(snapshot, {}, nullptr) == LoadOutcome::need_whole_log);
  CHECK_FALSE(b.session.has_data());  // nothing half-taken
  b.session.load(a.storage.durable);
  CHECK(b.session.master_data() == a.session.master_data());
  CHECK_FALSE(b.session.load_report().snapshot_problem.empty());
  b.clock.now += 1000;
  CHECK(b.session.snapshot_due());  // and a fresh snapshot is due
}

TEST_CASE("a late op that sorts inside the snapshot is placed by reloading the whole log") {
  Device a;
  a.session.set_snapshot_policy(100, 1000);
  REQUIRE(a.session.load_demo({}).ok());
  a.clock.now += 60000;
  a.as(Role::head_butler);  // the first unit is a model unit: a lead's to change
  REQUIRE(a.session.estate().set_unit_status(a.session.estate().unit_rows()[0].id, UnitStatus::vacant).ok());
  const std::string snapshot = snapshot_in_steps(a, 1000);
  const std::size_t covered = a.storage.durable.size();
  // Another tablet's edit, made offline before a's last op (its clock was
  // behind): it sorts inside the snapshot.
  const Hlc last = decode_op(a.storage.durable.back()).value().hlc;
  Op late;
  late.op_id = Id{0x1A7E, 1};
  late.device_id = Id{0xB, 0xB};
  late.hlc = {last.wall_ms - 30000, 0};
  late.actor = a.session.actor();
  late.entity = a.session.estate().unit_rows()[0].id;
  late.kind = OpKind::unit_set;
  late.payload.set(F::status, static_cast<std::int64_t>(UnitStatus::renovating));
  std::vector<std::string> with_late = a.storage.durable;
  with_late.push_back(encode_op(late));

  // At start-up: the tail holds an op from inside the snapshot: whole log.
  Device d;
  CHECK(d.session.load_from_snapshot(snapshot, views_of(with_late, covered), nullptr) == LoadOutcome::need_whole_log);
  CHECK_FALSE(d.session.has_data());
  // At run time: a snapshot-started session marks itself for a reload, and
  // the reload places the op where it belongs (before a's later 'vacant').
  Device e;
  REQUIRE(e.session.load_from_snapshot(snapshot, {}, nullptr) == LoadOutcome::loaded);
  REQUIRE(e.session.import_backup(encode_backup_records(views_of(with_late))).ok());
  CHECK(e.session.needs_whole_log());
  std::vector<std::string> stored = a.storage.durable;
  stored.insert(stored.end(), e.storage.durable.begin(), e.storage.durable.end());
  e.session.load(stored);
  CHECK_FALSE(e.session.needs_whole_log());
  Device truth;
  truth.session.load(with_late);
  CHECK(e.session.master_data() == truth.session.master_data());
  CHECK(e.session.master_data().units.at(late.entity).status == UnitStatus::vacant);
}

TEST_CASE("snapshots cover durable ops only and give way to any change") {
  Device a;
  a.session.set_snapshot_policy(100, 1000);
  a.storage.defer_acks = true;
  REQUIRE(a.session.load_demo({}).ok());
  CHECK_FALSE(a.session.snapshot_due());  // still being written
  a.storage.flush_acks();
  a.storage.defer_acks = false;
  a.clock.now += 1000;
  REQUIRE(a.session.begin_snapshot());
  CHECK(a.session.snapshot_step(10) == SnapshotStep::working);
  a.as(Role::head_butler);  // making a model unit is a lead's
  REQUIRE(a.session.estate().set_unit_status(a.session.estate().unit_rows()[1].id, UnitStatus::model).ok());
  CHECK(a.session.snapshot_step(10) == SnapshotStep::abandoned);
  CHECK(a.session.snapshot_step(10) == SnapshotStep::idle);
  CHECK(a.session.take_snapshot().empty());
  a.session.set_read_only(true);
  CHECK_FALSE(a.session.snapshot_due());
}

TEST_CASE("sync's outbox after a snapshot start: from the tail, or the whole log when unsent ops are inside") {
  Device a;
  a.session.set_snapshot_policy(100, 1000);
  REQUIRE(a.session.load_demo({}).ok());
  const std::string snapshot = snapshot_in_steps(a, 2000);
  const std::size_t covered = a.storage.durable.size();
  a.session.on_snapshot_saved(true, a.session.op_count(), "");
  REQUIRE(a.session.estate().set_unit_status(a.session.estate().unit_rows()[3].id, UnitStatus::vacant).ok());
  Device b;
  REQUIRE(b.session.load_from_snapshot(snapshot, views_of(a.storage.durable, covered), nullptr) == LoadOutcome::loaded);
  const std::uint64_t first = b.session.first_loaded_position();
  const std::vector<std::string_view> tail = views_of(a.storage.durable, covered);

  sync::SyncClient synced(b.clock, b.random, Id{1, 1});
  // Everything before the snapshot was on the server already: the tail is enough.
  REQUIRE(synced.restore({0, covered}, tail, first));
  CHECK(synced.status().pending == 1);
  // Never synced: the demo ops inside the snapshot must go too: whole log.
  sync::SyncClient fresh(b.clock, b.random, Id{1, 1});
  CHECK_FALSE(fresh.restore({}, tail, first));
  REQUIRE(fresh.restore({}, views_of(a.storage.durable), 0));
  CHECK(fresh.status().pending == a.storage.durable.size());
}
