// First run: nothing on this device yet. "Try the demo" loads the sample
// community; enrolment arrives with sync.
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_welcome(ScreenContext& ctx) {
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float width = avail_w < ui().css(560) ? avail_w : ui().css(560);
  const float left = (avail_w - width) * 0.5f;
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + left, ImGui::GetCursorPosY() + ui().css(ui().portrait ? 96 : 48)));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(width);

  widgets::heading(tr(S::app_name));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::app_tagline));
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, ui().css(24)));

  if (widgets::button("welcome_try_demo", tr(S::welcome_try_demo), width, widgets::Tone::primary)) {
    const app::Status loaded = ctx.session.load_demo(app::DemoOptions{});
    if (loaded.ok()) {
      ctx.state.screen = Screen::today;
      ctx.state.status_message.clear();
    } else {
      ctx.state.status_message = loaded.error().message;
    }
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::welcome_try_demo_hint));
  ImGui::Dummy(ImVec2(0, ui().css(16)));
  if (widgets::button("welcome_restore", tr(S::welcome_restore), width)) start_backup_import(ctx);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::welcome_restore_hint));
  if (!ctx.state.backup_result.empty()) {
    widgets::data_text(ctx.state.backup_result, colors::danger);
    automation().record_last_item("backup_result", ctx.state.backup_result.c_str(), "banner");
  }
  ImGui::Dummy(ImVec2(0, ui().css(16)));
  if (widgets::button("welcome_enroll", tr(S::welcome_enroll), width)) ctx.state.screen = Screen::sync;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::welcome_enroll_hint));
  if (!ctx.state.status_message.empty()) {
    ImGui::Dummy(ImVec2(0, ui().css(12)));
    widgets::data_text(ctx.state.status_message, colors::danger);
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

}  // namespace shell
