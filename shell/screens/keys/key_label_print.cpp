// 打印标签: an A4 sheet of key tags for the keys picked in the cabinet list,
// or for every key in use of one building. The page is
// app::key_label_sheet_html (every data text escaped there), printed through
// the host like the incident report (web/print_lib.js: a hidden iframe).
#include <cstdio>
#include <string>
#include <vector>

#include "app/i18n/catalogue.hpp"
#include "app/keys/key_label_sheet.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/host/host.hpp"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void open_label_print(KeysUi& st) {
  st.print_open = true;
  st.print_choice = st.print_picked.empty() ? 1 : 0;
  st.printed = false;
}

void draw_label_print(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  if (!widgets::begin_modal("##key_labels", st.print_open, true)) return;
  const app::KeysService& keys = ctx.session.keys();
  widgets::heading(tr(S::key_print_title));
  widgets::begin_modal_body("##key_labels_body", ui().touch() + ui().css(24));
  // The keys picked, or one building's: "1栋（24 把）".
  const std::vector<app::KeyBuilding> buildings = keys.key_buildings();
  std::vector<std::string> texts = {app::i18n::format(S::key_print_picked, static_cast<int>(st.print_picked.size()))};
  for (const app::KeyBuilding& b : buildings) texts.push_back(app::i18n::format(S::key_print_building, b.name.c_str(), b.keys));
  std::vector<const char*> labels;
  for (const std::string& t : texts) labels.push_back(t.c_str());
  if (st.print_choice >= static_cast<int>(labels.size())) st.print_choice = 0;
  if (widgets::choices("label_print_choice", labels.data(), static_cast<int>(labels.size()), &st.print_choice, ui().portrait ? 2 : 3)) {
    st.printed = false;
  }
  const std::vector<app::Id> chosen =
      st.print_choice == 0 ? st.print_picked : keys.keys_in_building(buildings[static_cast<std::size_t>(st.print_choice - 1)].id);
  const std::vector<app::KeyLabel> sheet = keys.key_labels(chosen);
  if (sheet.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_print_none));
    ImGui::PopTextWrapPos();
  }
  // What will be printed, first few: label and number.
  for (std::size_t i = 0; i < sheet.size() && i < 4; ++i) widgets::data_text(sheet[i].label + " · " + sheet[i].code, colors::muted);
  if (sheet.size() > 4) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "…");
  if (st.printed) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::key_print_sent));
    automation().record_last_item("label_print_sent", tr(S::key_print_sent), "label");
  }
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("label_print_close", tr(S::key_close), half)) st.print_open = false;
  ImGui::SameLine();
  const std::string go = app::i18n::format(S::key_print_go, static_cast<int>(sheet.size()));
  if (widgets::button("label_print_go", go.c_str(), half, widgets::Tone::primary, !sheet.empty())) {
    ctx.host.print_html(app::key_label_sheet_html(sheet, ctx.session.summary().community_name));
    st.printed = true;
  }
  if (!st.print_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
