#pragma once
// CSV exports for the office (GET /api/v1/export/NAME.csv): UTF-8 with a BOM
// (so Excel on a Chinese Windows opens it as UTF-8) and Chinese headers.
// Each export is one function over the community's folded state: the same
// Replica and projections the tablets run. The estate's and the rounds'
// exports live in csv_export.cpp; each other area registers its own from its
// file (csv_tickets, csv_keys, csv_incidents, csv_renovation), called from
// default_exports().
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/domain/replica.hpp"

namespace server {

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
  void add(std::string name, ExportFn fn) { fns_[std::move(name)] = std::move(fn); }
  const ExportFn* find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::map<std::string, ExportFn, std::less<>> fns_;
};

// units, residents, photos, rounds, findings, tickets, callbacks, visits, keys,
// handovers, incidents, renovations.
ExportRegistry default_exports();

std::string to_csv(const CsvRows& rows);  // BOM + RFC 4180 quoting, CRLF line ends

}  // namespace server
