// Settings: the interface language, storage, backup, the about box and the
// ticket deadlines (ticket_deadlines.cpp) last, for the leads.
#include <algorithm>
#include <ctime>

#include "app/core/build_version.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/host/host.hpp"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::Lang;
using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void language_choice(Host& host, const char* id, S label, Lang lang, float width) {
  const bool current = app::i18n::current_language() == lang;
  if (widgets::button(id, tr(label), width, current ? widgets::Tone::primary : widgets::Tone::normal) && !current) {
    app::i18n::set_current_language(lang);
    host.set_pref("lang", app::i18n::language_code(lang));
  }
}

// How long the tablet stays unlocked untouched (README: tablet lock); only
// where a tablet PIN protects the data (not the demo, not before enrolment).
void auto_lock_card(ScreenContext& ctx) {
  if (ctx.host.store().lock() != ShellStore::Lock::unlocked) return;
  widgets::begin_card("settings_lock");
  ImGui::TextUnformatted(tr(S::settings_lock_title));
  char line[96];
  const int minutes = std::max(1, ctx.state.lock.idle_s / 60);
  app::i18n::format_to(line, sizeof line, S::settings_lock_after, minutes);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s", line);
  ImGui::PopStyleColor();
  automation().record_last_item("settings_lock_after", line, "label");
  static const int kMinutes[] = {1, 2, 5, 10, 15};
  const float w = std::min(ui().css(96), (ImGui::GetContentRegionAvail().x - 4 * ImGui::GetStyle().ItemSpacing.x) / 5);
  for (int i = 0; i < 5; ++i) {
    if (i) ImGui::SameLine();
    char label[32], id[32];
    app::i18n::format_to(label, sizeof label, S::settings_lock_minutes, kMinutes[i]);
    std::snprintf(id, sizeof id, "settings_lock_%d", kMinutes[i]);
    const bool current = ctx.state.lock.idle_s == kMinutes[i] * 60;
    if (widgets::button(id, label, w, current ? widgets::Tone::primary : widgets::Tone::normal) && !current) {
      ctx.state.lock.idle_s = kMinutes[i] * 60;
      ctx.host.set_pref("lock_idle_s", std::to_string(ctx.state.lock.idle_s));
    }
  }
  if (widgets::button("settings_lock_now", tr(S::lock_now), 0)) ctx.host.store().relock();
  widgets::end_card();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

}  // namespace

void start_backup_import(ScreenContext& ctx) {
  app::Session* session = &ctx.session;
  ShellState* state = &ctx.state;
  ctx.host.pick_file([session, state](bool ok, std::string bytes) {
    if (!ok) {
      state->backup_result = tr(S::err_backup_unreadable);
      return;
    }
    const auto imported = session->import_backup(bytes);
    char line[160];
    if (imported.ok()) app::i18n::format_to(line, sizeof line, S::backup_imported, static_cast<int>(imported.value()));
    state->backup_result = imported.ok() ? std::string(line) : imported.error().message;
    if (imported.ok() && state->screen == Screen::welcome) state->screen = Screen::today;
  });
}

void draw_settings(ScreenContext& ctx) {
  widgets::begin_card("settings_language");
  ImGui::TextUnformatted(tr(S::settings_language));
  // Two side by side, 200 CSS px each where there is room; halves on a phone.
  const float w = std::min(ui().css(200), (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
  language_choice(ctx.host, "settings_lang_zh", S::settings_lang_zh, Lang::zh_CN, w);
  ImGui::SameLine();
  language_choice(ctx.host, "settings_lang_en", S::settings_lang_en, Lang::en, w);
  widgets::end_card();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  auto_lock_card(ctx);

  widgets::begin_card("settings_storage");
  ImGui::TextUnformatted(tr(S::storage_title));
  const StorageStatus& storage = ctx.host.storage_status();
  if (storage.estimate_known) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), tr(S::storage_usage),
                       storage.usage_bytes / 1048576.0, storage.quota_bytes / 1048576.0);
  } else {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::storage_unknown));
  }
  ImGui::TextWrapped("%s", tr(storage.persisted ? S::storage_persisted : S::storage_not_persisted));
  char records[128];
  app::i18n::format_to(records, sizeof records, S::storage_records, static_cast<int>(ctx.session.op_count()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", records);
  if (ctx.session.snapshot_covered() > 0) {
    app::i18n::format_to(records, sizeof records, S::storage_snapshot, static_cast<int>(ctx.session.snapshot_covered()));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", records);
  }
  if (const std::string& problem = ctx.session.load_report().snapshot_problem; !problem.empty()) {
    ImGui::TextWrapped("%s %s", tr(S::storage_snapshot_problem), problem.c_str());
    automation().record_last_item("storage_snapshot_problem", problem.c_str(), "banner");
  }
  // Damaged records are set aside at start-up, never applied and never fatal.
  const auto& quarantined = ctx.session.load_report().quarantined;
  if (!quarantined.empty()) {
    app::i18n::format_to(records, sizeof records, S::storage_quarantined, static_cast<int>(quarantined.size()));
    ImGui::PushStyleColor(ImGuiCol_Text, colors::danger);
    ImGui::TextWrapped("%s", records);
    ImGui::PopStyleColor();
    automation().record_last_item("storage_quarantined", records, "banner");
    for (std::size_t i = 0; i < quarantined.size() && i < 5; ++i) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "#%d  %s", static_cast<int>(quarantined[i].index),
                         quarantined[i].reason.c_str());
    }
  }
  widgets::end_card();
  ImGui::Dummy(ImVec2(0, ui().css(8)));

  widgets::begin_card("settings_backup");
  ImGui::TextUnformatted(tr(S::backup_title));
  ImGui::TextWrapped("%s", tr(S::backup_hint));
  if (widgets::button("backup_export", tr(S::backup_export), 0, widgets::Tone::normal, ctx.session.has_data())) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char name[64];
    std::snprintf(name, sizeof name, "butler-backup-%04d%02d%02d-%02d%02d.brbk", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min);
    if (!ctx.session.export_needs_stored_log()) {
      ctx.host.download_file(name, ctx.session.export_backup());
    } else {
      // Started from a snapshot: the records before it are read from storage.
      ctx.state.backup_result = tr(S::backup_preparing);
      const std::string file_name = name;
      ShellState* state = &ctx.state;
      Host* host = &ctx.host;
      ctx.host.store().read_whole_log([state, host, file_name](bool ok, const std::vector<std::string_view>& records,
                                                        std::shared_ptr<const void>, const std::string& error) {
        if (!ok) {
          state->backup_result = std::string(tr(S::store_read_failed)) + " (" + error + ")";
          return;
        }
        host->download_file(file_name, app::Session::export_backup_of(records));
        state->backup_result.clear();
      });
    }
  }
  ImGui::SameLine();
  if (widgets::button("backup_import", tr(S::backup_import), 0, widgets::Tone::normal, !ctx.session.read_only())) {
    start_backup_import(ctx);
  }
  if (!ctx.state.backup_result.empty()) {
    ImGui::TextWrapped("%s", ctx.state.backup_result.c_str());
    automation().record_last_item("backup_result", ctx.state.backup_result.c_str(), "banner");
  }
  widgets::end_card();
  ImGui::Dummy(ImVec2(0, ui().css(8)));

  widgets::begin_card("settings_about_card");
  ImGui::TextUnformatted(tr(S::settings_about));
  char version[96];
  std::snprintf(version, sizeof version, tr(S::about_version), app::build_version().data());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", version);
  if (widgets::button("settings_about", tr(S::about_title), 0)) ctx.state.about_open = true;
  widgets::end_card();
  // Last: the leads' deadlines must not push the storage and backup cards,
  // which every butler needs, below the fold.
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_ticket_deadlines(ctx);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  draw_renovation_settings(ctx);
}

void draw_about_popup(ScreenContext& ctx) {
  if (widgets::begin_modal("##about", ctx.state.about_open)) {
    widgets::heading(tr(S::about_title));
    char version[96];
    std::snprintf(version, sizeof version, tr(S::about_version), app::build_version().data());
    ImGui::TextUnformatted(version);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::about_body));
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    if (widgets::button("about_close", tr(S::about_close), -1, widgets::Tone::primary)) {
      ctx.state.about_open = false;
      ImGui::CloseCurrentPopup();
    }
    widgets::end_modal();
  }
}

}  // namespace shell
