#include "app/ops/id_list.hpp"

namespace app {

std::string join_ids(const std::vector<Id>& ids) {
  std::string out;
  for (const Id& id : ids) {
    if (!out.empty()) out += ',';
    out += id.to_hex();
  }
  return out;
}

std::vector<Id> split_ids(std::string_view text) {
  std::vector<Id> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    Id id;
    if (Id::from_hex(text.substr(0, comma), &id)) out.push_back(id);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace app
