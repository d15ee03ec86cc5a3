#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "app/domain/op_registry.hpp"
#include "app/domain/validate_op.hpp"

using namespace app;

// The registry is the one place an op kind is described: these prove every
// kind and field declared in the *_ops.inc files is described exactly once.

TEST_CASE("every op kind has exactly one spec, in exactly one workflow") {
  std::map<std::uint16_t, int> specs;
  for (const WorkflowOps& w : registered_workflows()) {
    for (const OpSpec& s : w.table.specs) ++specs[static_cast<std::uint16_t>(s.kind)];
  }
  for (OpKind k : all_op_kinds()) {
    INFO(op_kind_name(k));
    CHECK(specs[static_cast<std::uint16_t>(k)] == 1);
    REQUIRE(find_op_spec(k) != nullptr);
    CHECK(find_op_spec(k)->kind == k);
    CHECK(workflow_of(k) != nullptr);
  }
  // And no spec describes a kind nobody declared.
  CHECK(specs.size() == all_op_kinds().size());
  CHECK(find_op_spec(static_cast<OpKind>(999)) == nullptr);
  CHECK_FALSE(is_known_kind(999));
  CHECK_FALSE(is_known_kind(38));  // a gap between ranges
}

TEST_CASE("every spec's fields are declared, what it requires it also allows, and someone may write it") {
  for (const WorkflowOps& w : registered_workflows()) {
    for (const OpSpec& s : w.table.specs) {
      INFO(w.name << " " << op_kind_name(s.kind));
      CHECK(s.allowed.contains(s.required));
      for (F key : s.allowed.keys()) CHECK(field_spec(static_cast<std::uint16_t>(key)) != nullptr);
      bool anyone = false;
      for (std::int64_t r = 0; r < kRoleCount; ++r) anyone = anyone || s.writers.has(r);
      CHECK(anyone);
    }
  }
}

TEST_CASE("every field has one name, one type and at most one value rule, and some kind carries it") {
  std::set<std::string> names;
  FieldSet carried;
  for (const WorkflowOps& w : registered_workflows()) {
    for (const OpSpec& s : w.table.specs) carried = carried | s.allowed;
  }
  std::map<std::uint16_t, int> rules;
  for (const WorkflowOps& w : registered_workflows()) {
    for (const FieldRule& r : w.table.rules) {
      ++rules[static_cast<std::uint16_t>(r.key)];
      CHECK(field_spec(static_cast<std::uint16_t>(r.key)) != nullptr);
    }
  }
  for (const FieldSpec& f : all_fields()) {
    INFO(f.name);
    CHECK(names.insert(std::string(f.name)).second);
    CHECK(field_spec(static_cast<std::uint16_t>(f.key)) == &f);
    CHECK(carried.has(f.key));
    CHECK(rules[static_cast<std::uint16_t>(f.key)] <= 1);
    if (f.type == FieldType::number) CHECK(f.max_bytes == kMaxTextBytes);  // unused for numbers, the default
    else CHECK(f.max_bytes >= 64);
  }
  CHECK(field_spec(82) == nullptr);  // reserved, unused
}

TEST_CASE("a field set holds every code below its width, including those past 64 and 128") {
  FieldSet s{F::name, F::refund_cents, F::finding};
  CHECK(s.has(F::name));
  CHECK(s.has(F::finding));  // 117: the old 128-bit set's upper word
  CHECK(s.has(F::refund_cents));
  CHECK_FALSE(s.has(F::parent));
  CHECK_FALSE(s.has(std::uint16_t{FieldSet::kBits + 5}));
  FieldSet far;
  far.add(static_cast<F>(300));
  CHECK(far.has(std::uint16_t{300}));
  CHECK_FALSE(far.has(std::uint16_t{300 - 64}));
  CHECK(s.keys().size() == 3);
}

TEST_CASE("validation reads the registry: unknown field, wrong type, missing required field, value rule, writers") {
  Op op;
  op.op_id = Id{1, 1};
  op.device_id = Id{2, 2};
  op.entity = Id{3, 3};
  op.hlc = {1764000000000, 0};
  op.kind = OpKind::key_lost;
  op.payload.set(F::parent, Id{4, 4}.to_hex()).set(F::at_ms, std::int64_t{1764000000000});
  CHECK(validate_op(op).ok());

  Op unknown_field = op;
  unknown_field.payload.set(F::contractor, std::string("x"));
  CHECK_FALSE(validate_op(unknown_field).ok());

  Op wrong_type = op;
  wrong_type.payload.set(F::parent, std::int64_t{4});
  CHECK_FALSE(validate_op(wrong_type).ok());

  Op missing = op;
  missing.payload = Payload{};
  missing.payload.set(F::at_ms, std::int64_t{1764000000000});
  const Status s = validate_op(missing);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find("key_lost needs parent") != std::string::npos);

  Op bad_time = op;
  bad_time.payload.set(F::at_ms, std::int64_t{5});  // a field rule of the common fields
  CHECK_FALSE(validate_op(bad_time).ok());

  Op ids = op;
  ids.kind = OpKind::key_returned;
  ids.payload.set(F::keys, Id{5, 5}.to_hex() + "," + Id{5, 5}.to_hex());  // twice
  CHECK_FALSE(validate_op(ids).ok());
  ids.payload.set(F::keys, Id{5, 5}.to_hex() + "," + Id{6, 6}.to_hex());
  CHECK(validate_op(ids).ok());

  CHECK(role_may_write(static_cast<std::int64_t>(Role::butler), OpKind::key_lost));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::cleaning), OpKind::key_lost));
  CHECK_FALSE(role_may_write(99, OpKind::key_lost));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::manager), static_cast<OpKind>(999)));
}

TEST_CASE("a handover op folds into the handovers and not into the incidents") {
  // The old fold's switch fell through from handover into incidents.
  MasterData d;
  Op op;
  op.op_id = Id{1, 1};
  op.device_id = Id{2, 2};
  op.entity = Id{3, 3};
  op.kind = OpKind::handover_written;
  op.payload.set(F::at_ms, std::int64_t{1764000000000});
  apply_master_data(d, op);
  CHECK(d.incidents == IncidentsData{});
  CHECK(workflow_of(OpKind::handover_written)->name == "handover");
}
