#pragma once
// The office's spreadsheets, column by column: what each import kind reads,
// the names an office already gives those columns (楼号 or 楼栋, 手机 or
// 电话…), and how a cell's text becomes a value. Plain text rules, no
// projection: the planner (import_service.hpp) matches rows against the
// community. README "Setting up your community" lists the same table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/core/roles.hpp"
#include "app/core/sheet.hpp"
#include "app/domain/estate.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {

enum class ImportKind : std::int64_t { units = 0, residents = 1, staff = 2, keys = 3, zones = 4, checkpoints = 5, prices = 6 };
inline constexpr std::int64_t kImportKindCount = 7;
constexpr bool is_import_kind(std::int64_t v) { return v >= 0 && v < kImportKindCount; }

// "residents" (the URL's and the command line's word) and back; the Chinese
// word (住户) is accepted too.
std::string_view import_kind_key(ImportKind kind);
std::string_view import_kind_title(ImportKind kind);  // 住户
i18n::S import_kind_label(ImportKind kind);           // its name on screens, in either language
std::optional<ImportKind> import_kind_named(std::string_view word);

struct ImportColumn {
  std::string_view title;                 // the template's header: 楼栋
  std::vector<std::string_view> aliases;  // other names offices use: 楼号, 楼宇, building
  bool required = false;
  std::string_view example;               // the template's example cell
};
const std::vector<ImportColumn>& import_columns(ImportKind kind);

// Which cell of a row holds each of import_columns(kind) (-1: the file has no
// such column). Refuses a header that lacks a required column or names one
// twice; columns it does not know are left out and listed in *ignored.
Result<std::vector<int>> match_header(ImportKind kind, const SheetRow& header, std::vector<std::string>* ignored);

// The template a lead fills in: UTF-8 with BOM, the header and one example row.
std::string import_template_csv(ImportKind kind);

// --- cells ---
std::string trim_cell(std::string_view cell);
// 2026-03-01, 2026/3/1, 2026.3.1, 20260301, 2026年3月1日 → 20260301.
std::optional<std::int64_t> parse_day_cell(std::string_view cell);
std::optional<Relation> parse_relation_cell(std::string_view cell);        // 业主 / 家属 / 租户
std::optional<Role> parse_role_cell(std::string_view cell);                // 客服管家, 前台, 管理处主任…
std::optional<CheckpointKind> parse_checkpoint_kind_cell(std::string_view cell);  // 大堂, 电梯, 消防栓…
std::optional<UnitStatus> parse_unit_status_cell(std::string_view cell);   // 已入住 / 空置 / 装修中 / 样板间
// A list in one cell: 1栋、2栋 / 1栋,2栋 / 1栋 2栋.
std::vector<std::string> split_list_cell(std::string_view cell);
// A place as people write it, for comparing: spaces, "-" and "#" dropped.
std::string place_key(std::string_view text);

}  // namespace app
