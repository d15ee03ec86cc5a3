#pragma once
// An office file, checked against the community and turned into ops: the one
// planner behind `butler-server admin import`, the upload from the office
// page and from a lead's tablet. All or nothing: any bad cell and the plan is
// refused with every bad line and column named; a row the community already
// holds as it is changes nothing (so importing the same file twice is a
// no-op), and a row that matches by key (a unit's place, a resident's unit
// and name, a staff code, a key's label, a zone's name…) updates only what
// differs and says what it changed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/core/sheet.hpp"
#include "app/domain/master_data.hpp"
#include "app/ops/op.hpp"
#include "app/setup/sheet_columns.hpp"

namespace app {

// An op the writer (a server's, a tablet's) stamps with its clock and actor.
struct PlannedOp {
  OpKind kind{};
  Id entity;
  Payload payload;
};

// A staff member new to the community and the PIN to hand them once: the
// file's 初始PIN, or six random digits when it gave none.
struct NewLogin {
  std::string code, name;
  Id staff;
  Role role = Role::butler;
  std::string pin;
  bool generated = false;
};

struct ImportPlan {
  ImportKind kind = ImportKind::units;
  std::size_t rows = 0, added = 0, changed = 0, unchanged = 0;
  std::vector<PlannedOp> ops;
  std::vector<std::string> changes;          // "line 4 · 3栋 1502 张三: 电话 138… → 139…" (added rows too)
  std::vector<std::string> ignored_columns;  // header cells no column of this kind is called
  std::vector<NewLogin> logins;              // staff only
};

// `rows[0]` is the header. `now_ms` stamps what the ops record as done now.
Result<ImportPlan> plan_import(ImportKind kind, const std::vector<SheetRow>& rows, const MasterData& data,
                               RandomPort& random, std::int64_t now_ms);

// The record of an import (op import_recorded), written with the plan's ops.
PlannedOp import_record(const ImportPlan& plan, std::string_view file, std::int64_t at_ms, RandomPort& random);

// "3栋 · 新增 12 · 更新 3 · 未变 40" for a reply or the set-up screen.
std::string import_summary(const ImportPlan& plan);

}  // namespace app
