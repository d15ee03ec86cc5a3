// Renovation in the shell's sections: a tab under 台账, Today's alert for a
// 限期整改 past its date, and its summary for the tests' hook.
#include <cstdio>
#include <string>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

namespace shell {
namespace {

// Each 限期整改 whose date has passed without a follow-up, one button each: to the application's page.
void draw_renovation_today(ScreenContext& ctx) {
  const auto overdue = ctx.session.renovation().overdue_rectifications();
  if (overdue.empty()) return;
  int index = 0;
  for (const app::OverdueRectification& o : overdue) {
    char line[320], id[40];
    std::snprintf(line, sizeof line, app::i18n::tr(app::i18n::S::reno_rectify_overdue_today), o.unit_label.c_str(), o.what.c_str(),
                  day_label(o.rectify_by).c_str());
    std::snprintf(id, sizeof id, "today_rectify_overdue:%d", index++);
    if (widgets::button(id, line, -1, widgets::Tone::danger)) open_renovation(ctx.state, o.application);
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

// What is in progress, and the application on its page.
void write_state(const app::Session& session, const ShellState& state, std::string& out) {
  const RenovationUi& rn = state.renovation;
  out += "\"in_progress\":" + std::to_string(session.renovation().renovations_in_progress().size()) + ",\"application\":\"" +
         state_id(rn.application) + "\"";
  if (const app::Renovation* r = !rn.application.is_nil() ? session.renovation().renovation(rn.application) : nullptr) {
    out += ",\"stage\":" + std::to_string(static_cast<int>(r->stage)) + ",\"passes_out\":" + std::to_string(r->passes_out()) +
           ",\"open_notices\":" + std::to_string(r->open_notices());
  }
  out += ",\"rectify_overdue\":" + std::to_string(session.renovation().overdue_rectifications().size());
  out += ",\"notice_open\":" + std::string(rn.notice.renovation.is_nil() ? "false" : "true") +
         ",\"form_open\":" + std::string(rn.form_open ? "true" : "false");
}

}  // namespace

Section renovation_section() {
  return {.key = "renovation", .title = app::i18n::S::reg_section_renovation, .draw_register = draw_renovations,
          .draw_today_alert = draw_renovation_today, .alert_rank = 3, .write_state = write_state};
}

}  // namespace shell
