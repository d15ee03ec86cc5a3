#include "app/server/csv_export.hpp"

#include <cctype>

#include "app/domain/estate_exports.hpp"
#include "butler_workflows/exports.hpp"  // each workflow's *_exports.hpp (app/workflows.cmake)

namespace server {

ExportRegistry default_exports() {
  ExportRegistry r;
  app::office::add_estate_exports(r);
#define BUTLER_WORKFLOW_EXPORTS(name) app::office::add_##name##_exports(r);
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_EXPORTS
  return r;
}

std::string to_csv(const CsvRows& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const std::string& cell = row[i];
      // A leading = + - @ would make Excel run the cell as a formula.
      const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' ||
                                             (cell[0] == '-' && cell.size() > 1 && !std::isdigit(static_cast<unsigned char>(cell[1]))));
      if (cell.find_first_of(",\"\r\n") == std::string::npos && !formula) {
        out += cell;
        continue;
      }
      out += '"';
      if (formula) out += '\'';
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace server
