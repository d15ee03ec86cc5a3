// An office's CSV file as the server and a lead's tablet import it:
// parse_csv_sheet, then the import planner of every kind against an empty
// community. Properties: no crash; every op a plan holds passes validate_op
// (the server's writer refuses the whole import otherwise, with an error that
// names no line); and a plan is idempotent: the same file planned again
// against the community its ops made changes nothing.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "app/core/sheet.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/setup/import_service.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

constexpr std::int64_t kNowMs = 1790000000000;  // late 2026

std::vector<app::Op> stamp(const app::ImportPlan& plan, fuzz::Random& random) {
  std::vector<app::Op> ops;
  const app::Id device = app::Id::random(random), actor = app::Id::random(random);
  std::uint32_t logical = 0;
  for (const app::PlannedOp& p : plan.ops) {
    app::Op op;
    op.op_id = app::Id::random(random);
    op.device_id = device;
    op.hlc = {kNowMs, logical++};
    op.actor = actor;
    op.entity = p.entity;
    op.kind = p.kind;
    op.payload = p.payload;
    ops.push_back(std::move(op));
  }
  return ops;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto rows = app::parse_csv_sheet(fuzz::as_text(data, size));
  if (!rows.ok()) {
    FUZZ_CHECK(rows.error().code == "bad_file" || rows.error().code == "too_large");
    return 0;
  }
  for (const app::SheetRow& row : rows.value()) FUZZ_CHECK(!row.cells.empty() && !row.cells.back().empty());

  const app::MasterData empty;
  for (std::int64_t k = 0; k < app::kImportKindCount; ++k) {
    const auto kind = static_cast<app::ImportKind>(k);
    fuzz::Random random(static_cast<std::uint64_t>(k) + 1);
    auto plan = app::plan_import(kind, rows.value(), empty, random, kNowMs);
    if (!plan.ok()) continue;
    (void)app::import_summary(plan.value());
    std::vector<app::Op> ops = stamp(plan.value(), random);
    for (const app::Op& op : ops) FUZZ_CHECK_OK(app::validate_op(op));
    FUZZ_CHECK(plan.value().added + plan.value().changed + plan.value().unchanged == plan.value().rows);

    app::Replica imported;
    imported.add(std::move(ops));
    auto again = app::plan_import(kind, rows.value(), imported.data(), random, kNowMs);
    FUZZ_CHECK_OK(again);
    if (!again.value().ops.empty()) {
      for (const std::string& change : again.value().changes) std::fprintf(stderr, "planned again: %s\n", change.c_str());
    }
    FUZZ_CHECK(again.value().ops.empty());
    FUZZ_CHECK(again.value().unchanged == plan.value().rows);
  }
  return 0;
}
