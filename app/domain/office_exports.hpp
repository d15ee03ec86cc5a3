#pragma once
// The office's CSV exports (GET /api/v1/export/NAME.csv on the server): each
// workflow registers its own from its folder (app/<workflow>/<workflow>_exports.*),
// each one a function over the community's folded state, the same Replica and
// projections the tablets run. The server lists the registrations
// (app/server/csv_export.cpp) and adds the BOM and the escaping.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/domain/replica.hpp"
#include "app/i18n/catalogue.hpp"

namespace app::office {

struct ExportInput {
  const app::Replica& replica;
  // The server's clock, for what is overdue "now" (keys.csv); never earlier
  // than the latest op it holds. 0: judged at that op.
  std::int64_t now_ms = 0;
};

// Rows of cells, header first; the registry adds the BOM and the escaping.
using CsvRows = std::vector<std::vector<std::string>>;
using ExportFn = std::function<CsvRows(const ExportInput&)>;

class ExportRegistry {
 public:
  // `title`: what the office page calls the file (工单, Tickets).
  void add(std::string name, i18n::S title, ExportFn fn);
  const ExportFn* find(std::string_view name) const;
  // In the order they were added: the workflows' order (app/workflows.cmake),
  // each workflow's exports as it lists them; the office page's order.
  std::vector<std::string> names() const { return order_; }
  i18n::S title(std::string_view name) const;  // of a registered name

 private:
  struct Entry {
    i18n::S title;
    ExportFn fn;
  };
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<std::string> order_;
};

}  // namespace app::office
