#include "app/domain/office_exports.hpp"

namespace app::office {
namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (from + n > s.size()) return false;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// "-12", "12.5", "3000.00": an optional minus, digits, optional decimals
// (exactly `decimals` of them when `decimals` >= 0).
bool decimal(std::string_view s, int decimals) {
  std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  const std::size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == int_start) return false;
  if (i == s.size()) return decimals <= 0;
  if (s[i] != '.') return false;
  const std::size_t frac = s.size() - i - 1;
  if (frac == 0 || !digits(s, i + 1, frac)) return false;
  return decimals < 0 || frac == static_cast<std::size_t>(decimals);
}

bool date(std::string_view s) { return s.size() >= 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' && digits(s, 8, 2); }

}  // namespace

bool canonical_cell(CellType type, std::string_view cell) {
  if (cell.empty()) return true;
  switch (type) {
    case CellType::text: return true;
    case CellType::number: return decimal(cell, -1);
    case CellType::amount: return decimal(cell, 2);
    case CellType::date: return cell.size() == 10 && date(cell);
    case CellType::datetime:
      return cell.size() == 16 && date(cell) && cell[10] == ' ' && digits(cell, 11, 2) && cell[13] == ':' && digits(cell, 14, 2);
  }
  return false;
}

const ExportFn* ExportRegistry::find(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second.fn;
}

void ExportRegistry::add(std::string name, i18n::S title, ExportFn fn) {
  if (!entries_.contains(name)) order_.push_back(name);
  entries_[std::move(name)] = Entry{title, std::move(fn)};
}

i18n::S ExportRegistry::title(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? i18n::S::count_ : it->second.title;
}

}  // namespace app::office
