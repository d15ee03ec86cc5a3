#include "app/server/csv_export.hpp"

#include <cctype>

#include "app/domain/estate_exports.hpp"
#include "app/incidents/incidents_exports.hpp"
#include "app/keys/keys_exports.hpp"
#include "app/renovation/renovation_exports.hpp"
#include "app/rounds/rounds_exports.hpp"
#include "app/tickets/tickets_exports.hpp"

namespace server {

ExportRegistry default_exports() {
  ExportRegistry r;
  app::office::add_estate_exports(r);
  app::office::add_rounds_exports(r);
  app::office::add_ticket_exports(r);
  app::office::add_key_exports(r);
  app::office::add_incident_exports(r);
  app::office::add_renovation_exports(r);
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
