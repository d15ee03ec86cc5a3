#pragma once
// Units from a spreadsheet: the office's CSV (the units export's own columns:
// 楼栋,单元,房号,楼层,状态) becomes building_set and unit_set ops. The whole
// file is checked first; any bad line and nothing is imported, and every
// error names its line so the office can fix the sheet in one pass.
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/server/admin.hpp"

namespace server {

// Rows of cells with the 1-based line each starts on; strips a UTF-8 BOM,
// handles quotes and CRLF. False (with *error) on an unterminated quote.
struct CsvLine {
  std::size_t line;
  std::vector<std::string> cells;
};
bool parse_csv(std::string_view text, std::vector<CsvLine>* out, std::string* error);

// Returns how many units were created or updated.
app::Result<std::size_t> import_units(ServerWriter& w, ServerStore& store, const CommunityRow& community,
                                      std::string_view csv);

}  // namespace server
