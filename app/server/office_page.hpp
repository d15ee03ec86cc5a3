#pragma once
// What the office page (web/office.html) shows a signed-in person: the
// exports their role may download and the import kinds they may upload, with
// each one's name in both languages; and the .xlsx templates of the imports.
// The page itself is static; every list comes from here, so a workflow's new
// export appears on the page by registering it (csv_export.cpp).
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/core/result.hpp"
#include "app/domain/office_exports.hpp"
#include "app/setup/sheet_columns.hpp"

namespace server {

// {"exports":[{"name","zh","en"}],"imports":[{"kind","zh","en","columns":[{"title","required","aliases"}]}]}
// Only what `role` may do: exports for the office's roles (may_export),
// imports for a lead, the staff sheet for the manager alone.
nlohmann::json office_catalog_json(const app::office::ExportRegistry& exports, std::int64_t role);

// May `role` upload sheets of `kind`? (Staff sheets set roles and hand out PINs: the manager's alone.)
bool may_import(std::int64_t role, app::ImportKind kind);

// The template of a kind as .xlsx: the header and the example row as text
// cells (0502 stays 0502), and a second sheet 说明 naming each column, whether
// it must be filled and the other names it may go by. Imports read only the
// first sheet, so the notes never get in the way.
app::Result<std::string> import_template_xlsx(app::ImportKind kind);

}  // namespace server
