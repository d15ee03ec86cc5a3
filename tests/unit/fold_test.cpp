#include <catch2/catch.hpp>

#include <algorithm>

#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/views.hpp"
#include "app/ops/codec.hpp"
#include "fakes.hpp"

using namespace app;

namespace {

// A fingerprint of the whole projection, through the views the screens read
// plus every resident (so field-level last-writer-wins is covered).
std::string fingerprint(const Replica& r) {
  const Views v = build_views(r.data());
  std::string out = v.summary.community_name + "|" + std::to_string(v.summary.units) + "|" +
                    std::to_string(v.summary.residents);
  for (const auto& u : v.units) out += u.label + u.owner_name + u.masked_phone + std::to_string(static_cast<int>(u.status));
  std::vector<std::string> people;
  for (const auto& [id, p] : r.data().residents) people.push_back(id.to_hex() + p.name + p.phone + (p.removed ? "x" : ""));
  std::sort(people.begin(), people.end());
  for (const auto& p : people) out += p;
  return out;
}

// Edits from three "devices" whose clocks disagree: the same fields written
// concurrently, so the order decides.
std::vector<Op> concurrent_edits(const std::vector<Op>& base, fakes::Random& rng, int count) {
  std::vector<Id> units, residents;
  for (const Op& op : base) {
    if (op.kind == OpKind::unit_set) units.push_back(op.entity);
    if (op.kind == OpKind::resident_set) residents.push_back(op.entity);
  }
  const Id devices[3] = {Id::random(rng), Id::random(rng), Id::random(rng)};
  std::vector<Op> out;
  for (int i = 0; i < count; ++i) {
    Op op;
    op.op_id = Id::random(rng);
    op.device_id = devices[rng.next_u64() % 3];
    op.hlc = {base.back().hlc.wall_ms + static_cast<std::int64_t>(rng.next_u64() % 50), static_cast<std::uint32_t>(rng.next_u64() % 3)};
    if (rng.next_u64() % 2) {
      op.kind = OpKind::resident_set;
      op.entity = residents[rng.next_u64() % residents.size()];
      op.payload.set(F::phone, "139" + std::to_string(10000000 + rng.next_u64() % 89999999));
    } else if (rng.next_u64() % 3) {
      op.kind = OpKind::unit_set;
      op.entity = units[rng.next_u64() % units.size()];
      op.payload.set(F::status, static_cast<std::int64_t>(rng.next_u64() % 4));
    } else {
      op.kind = OpKind::resident_removed;
      op.entity = residents[rng.next_u64() % residents.size()];
    }
    out.push_back(op);
  }
  return out;
}

}  // namespace

TEST_CASE("the same op set folds to the same state whatever the arrival order") {
  std::vector<Op> ops = generate_demo({}).ops;
  ops.resize(600);  // community, staff, the first buildings' units and residents
  fakes::Random rng(11);
  const std::vector<Op> edits = concurrent_edits(ops, rng, 300);
  ops.insert(ops.end(), edits.begin(), edits.end());

  Replica in_order;
  std::vector<Op> sorted = ops;
  std::sort(sorted.begin(), sorted.end(), op_before);
  in_order.add(sorted);
  const std::string expected = fingerprint(in_order);

  for (int trial = 0; trial < 25; ++trial) {
    std::vector<Op> shuffled = ops;
    for (std::size_t i = shuffled.size(); i > 1; --i) std::swap(shuffled[i - 1], shuffled[rng.next_u64() % i]);
    // Arrive in random batches, some duplicated: late ops sort before applied ones.
    Replica replica;
    std::size_t at = 0;
    while (at < shuffled.size()) {
      const std::size_t n = std::min<std::size_t>(1 + rng.next_u64() % 40, shuffled.size() - at);
      std::vector<Op> batch(shuffled.begin() + static_cast<long>(at), shuffled.begin() + static_cast<long>(at + n));
      if (rng.next_u64() % 4 == 0 && at > 0) batch.push_back(shuffled[rng.next_u64() % at]);  // a duplicate
      replica.add(batch);
      at += n;
    }
    REQUIRE(replica.size() == ops.size());
    REQUIRE(fingerprint(replica) == expected);
    const auto decoded = replica.decoded_log();
    REQUIRE(std::is_sorted(decoded.begin(), decoded.end(), op_before));
  }
}

TEST_CASE("duplicates are ignored and in-order arrivals do not refold") {
  const std::vector<Op> ops = generate_demo({}).ops;
  Replica r;
  CHECK(r.add(ops) == ops.size());
  CHECK(r.add(ops) == 0);
  CHECK(r.refolds() == 0);
  CHECK(r.size() == ops.size());
}

TEST_CASE("a later write wins over an earlier one for the same field, by fold order") {
  const std::vector<Op> base = generate_demo({}).ops;
  Id resident;
  for (const Op& op : base) if (op.kind == OpKind::resident_set) { resident = op.entity; break; }
  Op early, late;
  early.op_id = Id{1, 1};
  late.op_id = Id{1, 2};
  early.device_id = late.device_id = Id{9, 9};
  early.entity = late.entity = resident;
  early.kind = late.kind = OpKind::resident_set;
  early.hlc = {base.back().hlc.wall_ms + 10, 0};
  late.hlc = {base.back().hlc.wall_ms + 20, 0};
  early.payload.set(F::phone, std::string("13900000001"));
  late.payload.set(F::phone, std::string("13900000002"));
  Replica r;
  r.add(base);
  r.add({late});
  r.add({early});  // arrives last, sorts first
  CHECK(r.data().residents.at(resident).phone == "13900000002");
  CHECK(r.refolds() == 1);
}

TEST_CASE("patched views equal rebuilt views after small edits") {
  Replica r;
  const auto base = generate_demo({}).ops;
  r.add(base);
  Views patched = build_views(r.data());
  fakes::Random rng(21);
  const std::vector<Op> edits = concurrent_edits(base, rng, 200);
  int patched_count = 0;
  for (const Op& op : edits) {
    r.add({op});
    if (patch_views(patched, r.data(), {op})) ++patched_count;
    else patched = build_views(r.data());
    const Views rebuilt = build_views(r.data());
    REQUIRE(patched.units.size() == rebuilt.units.size());
    for (std::size_t i = 0; i < rebuilt.units.size(); ++i) {
      REQUIRE(patched.units[i].id == rebuilt.units[i].id);
      REQUIRE(patched.units[i].status == rebuilt.units[i].status);
      REQUIRE(patched.units[i].owner_name == rebuilt.units[i].owner_name);
      REQUIRE(patched.units[i].masked_phone == rebuilt.units[i].masked_phone);
      REQUIRE(patched.units[i].member_count == rebuilt.units[i].member_count);
    }
    REQUIRE(patched.summary.residents == rebuilt.summary.residents);
  }
  CHECK(patched_count == 200);  // status, phone and removal edits never need a rebuild
}

TEST_CASE("ops loaded at start-up are known to contains() and loaded once") {
  app::DemoCommunity demo = app::generate_demo({});
  std::vector<std::string> records;
  for (std::size_t i = 0; i < 50; ++i) records.push_back(app::encode_op(demo.ops[i]));
  records.push_back(records.front());  // the same record twice in the stored log
  auto arena = std::make_shared<std::vector<std::string>>(records);
  std::vector<app::Op> ops;
  for (const auto& r : *arena) ops.push_back(app::decode_op(r).value());
  std::vector<std::string_view> views(arena->begin(), arena->end());
  app::Replica replica;
  CHECK(replica.add_loaded(std::move(ops), views, arena) == 50);
  CHECK(replica.size() == 50);
  CHECK(replica.contains(demo.ops[0].op_id));
  CHECK(replica.add({demo.ops[0]}) == 0);
}
