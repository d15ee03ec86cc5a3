// Sync: enrolment (server address, staff code, PIN) and, once enrolled, what
// sync is doing: online or not, last synced, records waiting, progress, the
// last error in words, and "sync now". The driver (shell/sync) does the work.
#include <ctime>

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

void muted(const char* text) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", text); }

}  // namespace

void draw_enroll_form(ScreenContext& ctx) {
  widgets::begin_card("sync_enroll");
  widgets::heading(tr(S::sync_enroll_title));
  ImGui::TextWrapped("%s", tr(S::sync_works_offline));
  if (ctx.state.sync_server.empty()) ctx.state.sync_server = ctx.host.page_origin();
  muted(tr(S::sync_server));
  widgets::text_field("sync_server", "https://", &ctx.state.sync_server);
  widgets::text_field("sync_code", tr(S::sync_staff_code), &ctx.state.sync_code);
  widgets::text_field("sync_pin", tr(S::sync_pin), &ctx.state.sync_pin, -1, true);
  if (widgets::button("sync_enroll", tr(S::sync_enroll_button), -1, widgets::Tone::primary, !ctx.sync.enrolling())) {
    ctx.sync.enroll(ctx.state.sync_server, ctx.state.sync_code, ctx.state.sync_pin);
  }
  if (!ctx.sync.enroll_message().empty()) {
    ImGui::TextWrapped("%s", ctx.sync.enroll_message().c_str());
    automation().record_last_item("sync_enroll_message", ctx.sync.enroll_message().c_str(), "banner");
  }
  widgets::end_card();
}

namespace {

void status_card(ScreenContext& ctx) {
  const app::sync::Enrollment& e = *ctx.sync.enrollment();
  const app::sync::SyncStatus s = ctx.sync.status();
  widgets::begin_card("sync_status");
  const bool online = ctx.host.online();
  widgets::pill(tr(online ? S::sync_online : S::sync_offline), online ? colors::ok : colors::warn);
  char line[256];
  std::snprintf(line, sizeof line, tr(S::sync_enrolled_as), e.community_name.c_str(), e.staff_code.c_str());
  widgets::data_text(line);
  muted(e.server.c_str());
  if (s.last_synced_ms > 0) {
    const std::time_t t = static_cast<std::time_t>(s.last_synced_ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char when[32];
    std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min);
    std::snprintf(line, sizeof line, tr(S::sync_last_synced), when);
  } else {
    std::snprintf(line, sizeof line, "%s", tr(S::sync_never));
  }
  ImGui::TextUnformatted(line);
  automation().record_last_item("sync_last", line, "label");
  std::snprintf(line, sizeof line, tr(S::sync_pending_ops), static_cast<int>(s.pending + ctx.session.pending_count()));
  ImGui::TextUnformatted(line);
  automation().record_last_item("sync_pending", line, "label");
  const app::sync::UploadStatus photos = ctx.sync.photo_status();
  if (photos.pending > 0) {
    std::snprintf(line, sizeof line, tr(S::sync_pending_photos), static_cast<int>(photos.pending));
    ImGui::TextUnformatted(line);
    automation().record_last_item("sync_pending_photos", line, "label");
  }
  if (ctx.sync.preparing()) muted(tr(S::sync_preparing));
  if (s.running) muted(tr(S::sync_running));
  if (s.rejected > 0) {
    app::i18n::format_to(line, sizeof line, S::sync_rejected, static_cast<int>(s.rejected));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", line);
  }
  const std::string& error = !s.last_error.empty() ? s.last_error : photos.last_error;
  if (!error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
    automation().record_last_item("sync_error", error.c_str(), "banner");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  if (widgets::button("sync_now", tr(S::sync_now), 0, widgets::Tone::primary, online && !s.running && !ctx.sync.preparing())) {
    ctx.sync.sync_now();
  }
  widgets::end_card();
}

// The demo's database never syncs: the way to a real community is out of it.
void demo_card(ScreenContext& ctx) {
  widgets::begin_card("sync_demo");
  widgets::heading(tr(S::demo_title));
  ImGui::TextWrapped("%s", tr(S::demo_explain));
  automation().record_last_item("sync_demo_explain", tr(S::demo_explain), "label");
  if (widgets::button("sync_leave_demo", tr(S::demo_leave), -1, widgets::Tone::primary)) ctx.host.store().leave_demo(false);
  widgets::end_card();
}

// An older version kept the demo in the device's own log: enrolling it would
// upload the demo estate, so the way on is to clear it, once confirmed.
void legacy_demo_card(ScreenContext& ctx) {
  widgets::begin_card("sync_legacy_demo");
  widgets::heading(tr(S::demo_legacy_title));
  ImGui::TextWrapped("%s", tr(S::demo_legacy_explain));
  automation().record_last_item("sync_legacy_explain", tr(S::demo_legacy_explain), "label");
  if (!ctx.state.demo_leave_asked) {
    if (widgets::button("sync_clear_demo", tr(S::demo_legacy_clear), -1)) ctx.state.demo_leave_asked = true;
  } else if (widgets::button("sync_clear_demo_confirm", tr(S::demo_legacy_confirm), -1, widgets::Tone::danger)) {
    ctx.host.store().leave_demo(true);
  }
  widgets::end_card();
}

}  // namespace

void draw_sync(ScreenContext& ctx) {
  if (ctx.host.store().demo()) {
    demo_card(ctx);
  } else if (!ctx.sync.enrolled() && ctx.session.holds_demo()) {
    legacy_demo_card(ctx);
  } else if (ctx.sync.enrolled()) {
    status_card(ctx);
  } else {
    draw_enroll_form(ctx);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    widgets::begin_card("sync_local");
    char pending[96];
    std::snprintf(pending, sizeof pending, tr(S::sync_pending_ops), static_cast<int>(ctx.session.op_count()));
    muted(pending);
    widgets::end_card();
  }
}

}  // namespace shell
