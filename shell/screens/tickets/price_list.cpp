// The paid-repair price list (有偿维修服务项目表及收费标准): the head butler
// or manager adds and removes lines; everyone else reads it. A slip keeps the
// price it was given, so an edit here never changes one already made.
#include <cstdio>
#include <cstdlib>

#include "app/core/money.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_price_list(ScreenContext& ctx) {
  TicketsUi& st = ctx.state.tickets;
  if (widgets::button("prices_back", tr(S::ticket_back), 0, widgets::Tone::quiet)) {
    st.prices_open = false;
    return;
  }
  widgets::heading(tr(S::tickets_prices));
  const bool may = ctx.session.estate().lead_signed_in();
  if (!may) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::prices_read_only));
  int index = 0;
  for (const app::PriceItem* item : ctx.session.tickets().price_list()) {
    char id[32];
    std::snprintf(id, sizeof id, "price:%d", index++);
    const std::string price = app::format_yuan(item->price_cents) + " / " + item->unit_label;
    widgets::list_row(id, item->name.c_str(), price.c_str());
    if (!may) continue;
    std::snprintf(id, sizeof id, "price_remove:%d", index - 1);
    if (widgets::button(id, tr(S::prices_remove), 0, widgets::Tone::quiet)) {
      const app::Status removed = ctx.session.tickets().remove_price_item(item->id);
      st.price_message = removed.ok() ? std::string() : removed.error().message;
    }
  }
  if (!may) return;
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = ImGui::GetContentRegionAvail().x;
  widgets::text_field("price_name", tr(S::prices_name), &st.price_name, w * 0.5f - gap);
  ImGui::SameLine();
  widgets::text_field("price_unit", tr(S::prices_unit), &st.price_unit, w * 0.2f - gap);
  ImGui::SameLine();
  widgets::text_field("price_yuan", tr(S::prices_price), &st.price_yuan, w * 0.3f);
  if (widgets::button("price_add", tr(S::prices_add), -1, widgets::Tone::primary)) {
    const std::optional<std::int64_t> cents = app::parse_yuan(st.price_yuan);
    if (!cents) {
      st.price_message = tr(S::prices_bad_price);
    } else {
      const auto saved = ctx.session.tickets().save_price_item(app::PriceItem{{}, st.price_name, st.price_unit, *cents, false});
      st.price_message = saved.ok() ? std::string() : saved.error().message;
      if (saved.ok()) st.price_name.clear(), st.price_unit.clear(), st.price_yuan.clear();
    }
  }
  if (!st.price_message.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", st.price_message.c_str());
    automation().record_last_item("price_message", st.price_message.c_str(), "banner");
  }
}

}  // namespace shell
