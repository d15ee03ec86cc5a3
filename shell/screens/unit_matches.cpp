#include "shell/screens/unit_matches.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

const app::UnitRow* draw_unit_matches(ScreenContext& ctx, const char* id_prefix, const std::vector<std::size_t>& matches, int shown) {
  const auto& rows = ctx.session.estate().unit_rows();
  // "Show all" holds for this picker while the same matches stand: another
  // query (another count) folds the list back.
  ShellState& st = ctx.state;
  const bool all = st.unit_matches_expanded == id_prefix && st.unit_matches_expanded_count == matches.size();
  const std::size_t limit = all ? matches.size() : std::min(matches.size(), static_cast<std::size_t>(shown));
  const app::UnitRow* picked = nullptr;
  for (std::size_t k = 0; k < limit; ++k) {
    if (matches[k] >= rows.size()) continue;
    const app::UnitRow& row = rows[matches[k]];
    const std::string who = row.owner_name.empty() ? std::string(tr(S::registers_no_owner)) : row.owner_name + "  " + row.masked_phone;
    const std::string id = std::string(id_prefix) + ":" + std::to_string(k);
    if (widgets::list_row(id.c_str(), row.label.c_str(), who.c_str())) picked = &row;
  }
  if (limit < matches.size()) {
    char label[96];
    std::snprintf(label, sizeof label, tr(S::unit_matches_more), static_cast<int>(matches.size() - limit));
    const std::string id = std::string(id_prefix) + "_more";
    if (widgets::button(id.c_str(), label, -1, widgets::Tone::quiet)) {
      st.unit_matches_expanded = id_prefix;
      st.unit_matches_expanded_count = matches.size();
    }
  }
  return picked;
}

}  // namespace shell
