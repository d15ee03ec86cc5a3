// The frame's chrome: top bar (title, save state, connectivity, language),
// navigation (bottom tabs in portrait, side rail in landscape), banners, and
// the loading view. Split from app_shell.cpp, which routes and owns state.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "app/i18n/catalogue.hpp"
#include "imgui.h"
#include "shell/app_shell.hpp"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"
#include "shell/ui/press_guard.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

struct NavEntry {
  Screen screen;
  S label;
};
constexpr NavEntry kNav[] = {{Screen::today, S::nav_today},         {Screen::rounds, S::nav_rounds},
                             {Screen::tickets, S::nav_tickets},     {Screen::registers, S::nav_registers},
                             {Screen::sync, S::nav_sync},           {Screen::settings, S::nav_settings}};

S title_of(Screen s) {
  for (const auto& n : kNav) if (n.screen == s) return n.label;
  return S::app_name;
}

}  // namespace

void AppShell::draw_loading() {
  // Reading a long log takes a moment on an old tablet: say what is
  // happening, with a bar that moves (IndexedDB reports no progress within
  // one read, so the bar shows activity, and the line the phase).
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const bool whole = host_.store().reading_whole_log() || load_started_;
  const char* line = tr(whole ? S::loading_whole_log : S::loading_snapshot);
  const ImVec2 text = ImGui::CalcTextSize(line);
  ImGui::SetCursorPos(ImVec2((size.x - text.x) * 0.5f, size.y * 0.45f));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", line);
  automation().record_last_item("loading_status", line, "status");
  const float width = std::min(size.x * 0.6f, ui().css(360)), height = ui().css(6);
  const ImVec2 at((size.x - width) * 0.5f, size.y * 0.45f + text.y + ui().css(16));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), colors::primary_soft, height);
  const float t = static_cast<float>(std::fmod(ImGui::GetTime() * 0.8, 1.0));
  const float x0 = at.x + width * std::max(0.0f, t * 1.4f - 0.4f), x1 = at.x + width * std::min(1.0f, t * 1.4f);
  draw->AddRectFilled(ImVec2(x0, at.y), ImVec2(x1, at.y + height), colors::primary, height);
  host_.request_frames(2);
}

namespace {

// What the top bar says about saving and the network, in as many words as
// the bar has room for: a phone's bar is narrow, and the status must never
// lie under the 登记工单 button. A failed save keeps its words at every width.
struct BarStatus {
  std::string net, save;
};

BarStatus bar_status(int level, bool online, std::size_t waiting, app::SaveState save) {
  BarStatus out;
  const char* where = tr(online ? S::sync_online : S::sync_offline);
  char line[96];
  if (level == 0 && waiting > 0) {
    char badge[48];
    std::snprintf(badge, sizeof badge, tr(S::sync_badge), static_cast<int>(waiting));
    std::snprintf(line, sizeof line, "%s · %s", where, badge);
  } else if (level == 1) {
    if (waiting > 0) std::snprintf(line, sizeof line, "%s · %d", where, static_cast<int>(waiting));
    else std::snprintf(line, sizeof line, "%s", where);
  } else if (level >= 2) {
    // The dot's colour says online or not; the count what waits.
    if (waiting > 0) std::snprintf(line, sizeof line, "%d", static_cast<int>(waiting));
    else line[0] = '\0';
  } else {
    std::snprintf(line, sizeof line, "%s", where);
  }
  out.net = line;
  switch (save) {
    case app::SaveState::saving: out.save = level >= 2 ? "…" : tr(S::save_saving); break;
    case app::SaveState::saved: out.save = level >= 2 ? "✓" : tr(S::save_saved); break;
    case app::SaveState::failed: out.save = tr(S::save_failed); break;
    default: break;
  }
  return out;
}

}  // namespace

void AppShell::draw_save_status(const std::string& text, float right_edge, float mid_y) {
  if (text.empty()) return;
  const ImU32 color = session_.save_state() == app::SaveState::failed ? colors::accent : IM_COL32_WHITE;
  ui().fonts->request_text(text);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 at(right_edge - size.x, mid_y - size.y * 0.5f);
  ImGui::GetWindowDrawList()->AddText(at, color, text.c_str());
  ImGui::SetCursorScreenPos(at);
  ImGui::Dummy(size);
  automation().record_last_item("save_status", text.c_str(), "status");
}

void AppShell::draw_top_bar(float height) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), colors::primary);
  const float pad = ui().css(16);

  ImGui::PushFont(host_.fonts().title());
  std::string title = state_.screen == Screen::welcome ? tr(S::app_name) : tr(title_of(state_.screen));
  // Enrolled with a --demo server (its PINs are public): every screen says so.
  const bool demo_server = sync_.enrollment() && sync_.enrollment()->demo_server;
  if (demo_server) title += std::string(" · ") + tr(S::sync_demo_server);
  const float title_h = ImGui::GetFontSize();
  const ImVec2 title_at(at.x + pad, at.y + (height - title_h) * 0.5f);
  dl->AddText(title_at, IM_COL32_WHITE, title.c_str());
  const float title_w = ImGui::CalcTextSize(title.c_str()).x;
  ImGui::PopFont();
  if (demo_server) {
    ImGui::SetCursorScreenPos(title_at);
    ImGui::Dummy(ImVec2(title_w, title_h));
    automation().record_last_item("demo_server", tr(S::sync_demo_server), "label");
  }

  // Right side: connectivity, then the language switch (always visible).
  const char* lang_label = tr(S::lang_switch);
  const float lang_w = ImGui::CalcTextSize(lang_label).x + ui().css(32);
  const float button_h = ui().css(48);
  // A ticket is opened from every screen: an owner stops the butler anywhere.
  const bool ticket_button = loaded_ && session_.has_data() && state_.screen != Screen::welcome && !locked_;
  const float ticket_x = at.x + pad + title_w + ui().css(20);

  // Connectivity, and for an enrolled tablet how much waits to be synced;
  // then whether the last change is saved: the words that fit.
  const std::size_t waiting = sync_.status().pending + (sync_.enrolled() ? session_.pending_count() : 0);
  const app::SaveState save = loaded_ ? session_.save_state() : app::SaveState::idle;
  const float dot = ui().css(6);
  const float net_right = at.x + width - pad - lang_w - ui().css(20);
  // Shorter status first; on the smallest phone the button shortens too (+ 工单).
  BarStatus status;
  const char* ticket_label = tr(S::ticket_new);
  float ticket_w = 0.0f;
  bool fits = false;
  for (const S label : {S::ticket_new, S::ticket_new_short}) {
    ticket_label = tr(label);
    ticket_w = ImGui::CalcTextSize(ticket_label).x + ui().css(32);
    const float left_end = (ticket_button ? ticket_x + ticket_w : at.x + pad + title_w) + ui().css(12);
    for (int level = 0; level <= 2 && !fits; ++level) {
      status = bar_status(level, host_.online(), waiting, save);
      const float save_w = status.save.empty() ? 0.0f : ImGui::CalcTextSize(status.save.c_str()).x + dot * 5;
      fits = net_right - ImGui::CalcTextSize(status.net.c_str()).x - dot * 3.5f - save_w >= left_end;
    }
    if (fits || !ticket_button) break;
  }
  const float net_w = ImGui::CalcTextSize(status.net.c_str()).x;
  const float net_x = net_right - net_w;
  const float mid = at.y + height * 0.5f;
  dl->AddCircleFilled(ImVec2(net_x - dot * 2.5f, mid), dot, host_.online() ? IM_COL32(0x7c, 0xe0, 0x8a, 0xff) : colors::accent);
  dl->AddText(ImVec2(net_x, mid - ImGui::GetFontSize() * 0.5f), IM_COL32_WHITE, status.net.c_str());
  // The dot is part of the status: an empty count still has its place.
  ImGui::SetCursorScreenPos(ImVec2(net_x - dot * 3.5f, mid - ImGui::GetFontSize() * 0.5f));
  ImGui::Dummy(ImVec2(net_w + dot * 3.5f, ImGui::GetFontSize()));
  const std::string net_record = status.net.empty() ? std::string(tr(host_.online() ? S::sync_online : S::sync_offline)) : status.net;
  automation().record_last_item("net_status", net_record.c_str(), "status");
  draw_save_status(status.save, net_x - dot * 5, mid);

  if (ticket_button) {
    ImGui::SetCursorScreenPos(ImVec2(ticket_x, at.y + (height - button_h) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 40));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 40));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 90));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    if (widgets::fresh_press(ImGui::Button(ticket_label, ImVec2(ticket_w, button_h)))) open_ticket_form(state_);
    ImGui::PopStyleColor(4);
    automation().record_last_item("ticket_new", ticket_label, "button");
  }

  ImGui::SetCursorScreenPos(ImVec2(at.x + width - pad - lang_w, at.y + (height - button_h) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 40));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 40));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 90));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  if (widgets::fresh_press(ImGui::Button(lang_label, ImVec2(lang_w, button_h)))) toggle_language();
  ImGui::PopStyleColor(4);
  automation().record_last_item("lang_switch", lang_label, "button");
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
  ImGui::Dummy(ImVec2(width, 0));
}

void AppShell::draw_nav(bool vertical, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::surface);
  ImGui::BeginChild("##nav", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  const float pad = ui().css(8);
  if (vertical) {
    // The rail: the app's name on top, then one row per section.
    ImGui::SetCursorPos(ImVec2(ui().css(16), ui().css(18)));
    ImGui::PushFont(host_.fonts().title());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%s", tr(S::app_name));
    ImGui::PopFont();
    ImGui::SetCursorPosY(ui().css(80));
    const ImVec2 item(width - pad * 2, ui().css(60));
    for (const auto& n : kNav) {
      ImGui::SetCursorPosX(pad);
      ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.12f, 0.5f));
      if (widgets::nav_item(app::i18n::key_name(n.label).data(), tr(n.label), state_.screen == n.screen, item)) {
        state_.screen = n.screen;
      }
      if (n.screen == Screen::tickets) draw_overdue_badge();
      ImGui::PopStyleVar();
    }
  } else {
    // Bottom tabs: six equal cells across the width, each a full-height target.
    const float cell = (width - pad * 2) / static_cast<float>(std::size(kNav));
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.5f));
    for (std::size_t i = 0; i < std::size(kNav); ++i) {
      if (i) ImGui::SameLine(0, 0);
      const auto& n = kNav[i];
      if (widgets::nav_item(app::i18n::key_name(n.label).data(), tr(n.label), state_.screen == n.screen,
                            ImVec2(cell, height - pad))) {
        state_.screen = n.screen;
      }
      if (n.screen == Screen::tickets) draw_overdue_badge();
    }
  }
  ImGui::EndChild();
}

void AppShell::draw_overdue_badge() {
  // On the tickets tab: how many are late, red, on every screen.
  const int overdue = session_.has_data() ? session_.tickets().overdue_ticket_count() : 0;
  if (overdue == 0) return;
  const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
  char count[16];
  std::snprintf(count, sizeof count, "%d", overdue);
  const ImVec2 size = ImGui::CalcTextSize(count);
  const float r = std::max(size.y * 0.5f + ui().css(4), size.x * 0.5f + ui().css(6));
  const ImVec2 centre(std::min(max.x - r - ui().css(4), (min.x + max.x) * 0.5f + ui().css(36)), min.y + r + ui().css(6));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(centre, r, colors::danger);
  dl->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), IM_COL32_WHITE, count);
  automation().record_item("nav_tickets_badge", count, "label", ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r));
}

void AppShell::draw_update_banner() {
  if (host_.storage_status().writer_known && !host_.storage_status().writer) {
    // Another tab writes; this one must not, or the two would diverge.
    const float pad = ui().css(12);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
    ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
    ImGui::TextWrapped("%s", tr(S::read_only_elsewhere));
    ImGui::PopStyleColor();
    automation().record_last_item("read_only_banner", tr(S::read_only_elsewhere), "banner");
  }
  if (session_.save_state() == app::SaveState::failed || !state_.status_message.empty()) {
    // A failed save is never silent: what happened, and that nothing is lost.
    const float pad = ui().css(12);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
    const std::string& message = session_.storage_error().empty() ? state_.status_message : session_.storage_error();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    automation().record_last_item("storage_banner", message.c_str(), "banner");
  }
  if (!state_.update_ready || state_.update_dismissed) return;
  const float pad = ui().css(12);
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
  ImGui::BeginGroup();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::update_available));
  ImGui::SameLine();
  if (widgets::button("update_now", tr(S::update_now), 0, widgets::Tone::primary)) host_.apply_update();
  ImGui::SameLine();
  if (widgets::button("update_later", tr(S::update_later), 0, widgets::Tone::quiet)) state_.update_dismissed = true;
  ImGui::EndGroup();
}

}  // namespace shell
