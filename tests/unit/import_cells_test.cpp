// The import planner on its own (rows → plan, no server), for what
// fuzz/csv_import_fuzz.cpp found: the text the planner puts into ops must
// pass validate_op, or the server's writer (and a tablet's commit) refuses the
// whole import with an error that names no line; and importing a file again
// changes nothing.
#include <catch2/catch.hpp>

#include "app/core/sheet.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/setup/import_service.hpp"
#include "fakes.hpp"

using namespace app;

namespace {

Result<ImportPlan> plan(ImportKind kind, std::string_view csv, const MasterData& data = MasterData{}) {
  auto rows = parse_csv_sheet(csv);
  REQUIRE(rows.ok());
  fakes::Random random(7);
  return plan_import(kind, rows.value(), data, random, 1790000000000);
}

// The plan's ops as a writer stamps them.
std::vector<Op> stamped(const ImportPlan& p) {
  fakes::Random random(9);
  std::vector<Op> ops;
  std::uint32_t logical = 0;
  for (const PlannedOp& planned : p.ops) {
    Op op;
    op.op_id = Id::random(random);
    op.device_id = Id{1, 2};
    op.actor = Id{3, 4};
    op.hlc = {1790000000000, logical++};
    op.entity = planned.entity;
    op.kind = planned.kind;
    op.payload = planned.payload;
    ops.push_back(std::move(op));
  }
  return ops;
}

// Every planned op as a writer stamps it passes validate_op.
void require_valid_ops(const ImportPlan& p) {
  fakes::Random random(9);
  for (const PlannedOp& planned : p.ops) {
    Op op;
    op.op_id = Id::random(random);
    op.device_id = Id::random(random);
    op.actor = Id::random(random);
    op.hlc = {1790000000000, 0};
    op.entity = planned.entity;
    op.kind = planned.kind;
    op.payload = planned.payload;
    const Status v = validate_op(op);
    INFO((v.ok() ? std::string() : v.error().message));
    REQUIRE(v.ok());
  }
}

}  // namespace

TEST_CASE("a cell holding a control character or a bidi override is refused by line and column") {
  auto units = plan(ImportKind::units, "楼栋,单元,房号,楼层\n3栋\x0c,2,1502,15\n3栋,2,1503,15\n");
  REQUIRE_FALSE(units.ok());
  CHECK(units.error().code == "bad_file");
  CHECK(units.error().message.find("line 2, 楼栋") != std::string::npos);
  CHECK(units.error().message.find("line 3") == std::string::npos);

  auto staff = plan(ImportKind::staff, "工号,姓名,岗位\nGJ001,王\u202E芳,客服管家\nGJ002,李四,前台\x7f\n");
  REQUIRE_FALSE(staff.ok());
  CHECK(staff.error().message.find("line 2, 姓名") != std::string::npos);
  CHECK(staff.error().message.find("line 3, 岗位") != std::string::npos);
}

TEST_CASE("a control character in a column the import does not read changes nothing") {
  auto units = plan(ImportKind::units, "楼栋,单元,房号,楼层,备注\n3栋,2,1502,15,\x01\n");
  REQUIRE(units.ok());
  CHECK(units.value().added == 1);
  require_valid_ops(units.value());
}

TEST_CASE("the ops of a plain import pass validate_op") {
  auto units = plan(ImportKind::units, "楼栋,单元,房号,楼层,状态\n3栋,2,1502,15,已入住\n5号楼,,0101,1,\"空置\"\n");
  REQUIRE(units.ok());
  require_valid_ops(units.value());
  auto staff = plan(ImportKind::staff, "工号,姓名,岗位,电话\nGJ001,\"王 \"\"芳\"\"\",客服管家,13800001111\n");
  REQUIRE(staff.ok());
  require_valid_ops(staff.value());
}

TEST_CASE("3栋 and 3号楼 in one units file are one building, and importing the file again changes nothing") {
  const std::string_view file = "楼栋,单元,房号,楼层\n5栋,,0104,1\n5号楼,,0105,1\n6,,0101,1\n";
  auto first = plan(ImportKind::units, file);
  REQUIRE(first.ok());
  std::size_t buildings = 0;
  for (const PlannedOp& op : first.value().ops) buildings += op.kind == OpKind::building_set;
  CHECK(buildings == 2);
  Replica community;
  community.add(stamped(first.value()));
  CHECK(community.data().buildings.size() == 2);

  auto again = plan(ImportKind::units, file, community.data());
  REQUIRE(again.ok());
  CHECK(again.value().ops.empty());
  CHECK(again.value().unchanged == 3);

  auto twice = plan(ImportKind::units, "楼栋,单元,房号,楼层\n5栋,,0104,1\n5号楼,,0104,1\n");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().message.find("line 3: the same unit is on line 2 already") != std::string::npos);
}
