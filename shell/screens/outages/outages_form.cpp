// The announcement sheet (发布停水停电通知): the kind, the reason, the buildings
// (chips), the day and the window typed as 0900–1200. What it refuses is
// OutagesService's, shown above the buttons.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/outages/outages_labels.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/building_chips.hpp"
#include "shell/screens/outages/outages_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void open_outage_form(OutagesUi& st) {
  st.form_open = true;
  st.kind = 0;
  st.reason.clear();
  st.buildings.clear();
  st.day = 0;
  st.from = "0900";
  st.until = "1200";
  st.form_message.clear();
}

void draw_outage_form(ScreenContext& ctx) {
  OutagesUi& st = ctx.state.outages;
  if (!widgets::begin_modal("##outage_form", st.form_open, true, 0)) return;
  app::OutagesService& outages = ctx.session.outages();
  widgets::heading(tr(S::outage_new));
  const float footer = ui().touch() + ui().css(24);
  widgets::begin_modal_body("##outage_form_body", footer);
  ImGui::TextUnformatted(tr(S::outage_form_kind));
  const char* kinds[app::outages::kKindCount];
  for (int k = 0; k < app::outages::kKindCount; ++k) kinds[k] = tr(app::outages::kind_label(static_cast<app::outages::Kind>(k)));
  widgets::choices("outage_form_kind", kinds, app::outages::kKindCount, &st.kind, 4);
  widgets::text_field("outage_form_reason", tr(S::outage_form_reason), &st.reason);
  ImGui::TextUnformatted(tr(S::outage_form_buildings));
  building_chips("outage_form_building", ctx.session.setup().buildings(), &st.buildings);
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  ImGui::TextUnformatted(tr(S::outage_form_day));
  // Today and the six days after it, by date.
  char labels[7][32];
  const char* days[7];
  for (int d = 0; d < 7; ++d) {
    const app::LocalTime t = ctx.session.local(ctx.session.now_ms() + static_cast<std::int64_t>(d) * 86400000);
    std::snprintf(labels[d], sizeof labels[d], "%d/%d", static_cast<int>(t.day / 100 % 100), static_cast<int>(t.day % 100));
    days[d] = labels[d];
  }
  widgets::choices("outage_form_day", days, 7, &st.day, 4);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  widgets::number_field("outage_form_from", tr(S::outage_form_from), &st.from, half);
  ImGui::SameLine();
  widgets::number_field("outage_form_until", tr(S::outage_form_until), &st.until, half);
  widgets::end_modal_body();
  // Above the buttons, where it is seen whatever the form's scroll.
  if (!st.form_message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(st.form_message, colors::danger);
    ImGui::PopTextWrapPos();
    automation().record_last_item("outage_form_message", st.form_message.c_str(), "banner");
  }
  if (widgets::button("outage_form_cancel", tr(S::outage_form_cancel), half)) st.form_open = false;
  ImGui::SameLine();
  if (widgets::button("outage_form_save", tr(S::outage_form_save), half, widgets::Tone::primary)) {
    const auto window = outages.window(st.day, st.from, st.until);
    if (!window.ok()) {
      st.form_message = window.error().message;
    } else {
      app::NewOutage n{static_cast<app::outages::Kind>(st.kind), st.reason, window.value().first, window.value().second, st.buildings};
      const app::Result<app::Id> saved = outages.announce(n);
      if (saved.ok()) {
        st.form_open = false;
        st.open = saved.value();
      } else {
        st.form_message = saved.error().message;
      }
    }
  }
  if (!st.form_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
