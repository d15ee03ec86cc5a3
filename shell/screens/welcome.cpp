// First run: nothing on this device yet. "Try the demo" loads the sample
// community into a database of its own; enrolment arrives with sync.
#include "app/demo/demo_community.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/host/host.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/sync_driver.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

// After a wipe (revoke-devices: the tablet was reported lost): why it is
// empty, in words, until the user taps 知道了.
void lost_tablet_notice(ScreenContext& ctx, float width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  widgets::data_text(tr(S::welcome_device_wiped), colors::danger);
  automation().record_last_item("welcome_device_wiped", tr(S::welcome_device_wiped), "banner");
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  if (widgets::button("welcome_device_wiped_ok", tr(S::welcome_device_wiped_ok), width)) {
    ctx.state.device_wiped = false;
    ctx.host.set_pref("device_wiped", "");
  }
  ImGui::Dummy(ImVec2(0, ui().css(24)));
}

}  // namespace

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
  if (ctx.state.device_wiped) lost_tablet_notice(ctx, width);

  // The demo opens a database of its own (ShellStore::enter_demo), so nothing
  // tried in it can reach the log that syncs; an enrolled tablet has no demo.
  const bool may_demo = !ctx.sync.enrolled() && !ctx.state.demo_opening && !ctx.session.read_only();
  if (widgets::button("welcome_try_demo", tr(S::welcome_try_demo), width, widgets::Tone::primary, may_demo)) {
    ctx.state.demo_opening = true;
    ctx.state.status_message.clear();
    app::Session& session = ctx.session;
    ShellState& state = ctx.state;
    ctx.host.store().enter_demo([&session, &state](bool ok, const std::string& message) {
      state.demo_opening = false;
      if (!ok) {
        state.status_message = std::string(tr(S::welcome_demo_failed)) + message;
        return;
      }
      app::DemoOptions demo;
      demo.day_ms = app::demo_day_of(session.now_ms());  // dated to today: yesterday's loans, last month's works
      const app::Status loaded = session.load_demo(demo);
      if (loaded.ok()) state.screen = Screen::today;
      else state.status_message = loaded.error().message;
    });
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s",
                     tr(ctx.sync.enrolled() ? S::welcome_demo_enrolled : S::welcome_try_demo_hint));
  automation().record_last_item("welcome_demo_hint", tr(ctx.sync.enrolled() ? S::welcome_demo_enrolled : S::welcome_try_demo_hint), "label");
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
