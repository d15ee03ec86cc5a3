// The incident's clock (incident_clock.hpp).
#include "shell/screens/incidents/incident_clock.hpp"

#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_report.hpp"
#include "app/session/session.hpp"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/incidents/incidents_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace inc = app::incidents;

namespace shell {
namespace {

float pinned_clock_height() {
  ImGui::PushFont(ui().fonts->title());
  const float h = ImGui::GetTextLineHeight() + ui().css(16);
  ImGui::PopFont();
  return h;
}

}  // namespace

IncidentClock draw_incident_clock(ScreenContext& ctx, const app::Incident& i) {
  const auto rescue = inc::time_to_rescue_ms(i);
  const std::int64_t end = i.closed() ? i.closed_ms : ctx.session.now_ms();
  const std::int64_t ms = rescue ? *rescue : end - i.started_ms;
  const bool stopped = i.closed() || rescue;
  // Running: minutes and seconds. Stopped: the report's whole minutes, as the list shows it.
  IncidentClock out{std::string(tr(rescue ? S::incident_report_rescue_time : i.closed() ? S::inc_took : S::inc_elapsed)) + "  " +
                        (stopped ? app::finished_duration(ms, app::i18n::current_language()) : incident_duration(ms)),
                    stopped ? colors::ok : colors::danger};
  ImGui::PushFont(ui().fonts->title());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(out.color), "%s", out.text.c_str());
  ImGui::PopFont();
  automation().record_last_item("incident_clock", out.text.c_str(), "label");
  // Above the top of the view: the page was scrolled down to the steps.
  ctx.state.incidents.clock_scrolled_away = ImGui::GetItemRectMin().y < ImGui::GetWindowPos().y;
  char started[160];
  std::snprintf(started, sizeof started, tr(S::inc_started_at), short_time(ctx.session.local(i.started_ms)).c_str(),
                ctx.session.estate().staff_name(i.started_by).c_str());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", started);
  return out;
}

void claim_pinned_clock(IncidentsUi& st) {
  if (!st.clock_scrolled_away) return;
  const ImVec2 back = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImGui::GetWindowPos());
  if (ImGui::InvisibleButton("##incident_clock_pinned", ImVec2(ImGui::GetWindowContentRegionMax().x, pinned_clock_height()))) {
    ImGui::SetScrollY(0);
  }
  ImGui::SetCursorScreenPos(back);
}

void draw_pinned_clock(const IncidentsUi& st, const IncidentClock& c) {
  if (!st.clock_scrolled_away) return;
  const ImVec2 min = ImGui::GetWindowPos();
  const ImVec2 max(min.x + ImGui::GetWindowContentRegionMax().x, min.y + pinned_clock_height());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(min, max, false);
  dl->AddRectFilled(min, max, c.color);
  ImGui::PushFont(ui().fonts->title());
  dl->AddText(ImVec2(min.x + ui().css(16), min.y + ui().css(8)), IM_COL32_WHITE, c.text.c_str());
  ImGui::PopFont();
  dl->PopClipRect();
  automation().record_item("incident_clock_pinned", c.text.c_str(), "button", min, max);
}

}  // namespace shell
