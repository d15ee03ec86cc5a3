// Importing an office file from a lead's tablet: choose the kind and the
// file, the server checks it (a dry run) and says what would change or which
// lines are wrong; "确认导入" stores it, and a sync brings it back at once.
// The file goes to the server's import (app/server/office_import.hpp), the
// same planner as `butler-server admin import`.
#include <cstdio>
#include <memory>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/setup/sheet_columns.hpp"
#include "app/sync/import_reply.hpp"
#include "imgui.h"
#include "shell/host/host.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/setup/setup_screens.hpp"
#include "shell/sync/sync_driver.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void send(SyncDriver& sync, SetupUi& st, bool dry_run) {
  st.import_busy = true;
  const std::string kind(app::import_kind_key(static_cast<app::ImportKind>(st.import_kind)));
  SetupUi* ui_state = &st;  // the shell's state outlives any request
  sync.import_file(kind, st.import_bytes, dry_run, [ui_state](int status, const std::string& body) {
    const app::sync::ImportReply r = app::sync::parse_import_reply(status, body);
    ui_state->import_busy = false;
    ui_state->import_ok = r.ok;
    ui_state->import_checked = r.ok && r.dry_run;
    ui_state->import_summary = std::string(tr(!r.ok ? S::setup_import_refused : r.dry_run ? S::setup_import_checked
                                                                                         : S::setup_import_done)) +
                               " " + r.summary;
    ui_state->import_lines = r.lines;
    ui_state->import_logins = r.logins;
    if (r.ok && !r.dry_run) ui_state->import_bytes.clear();  // done: nothing to confirm twice
  });
}

}  // namespace

void draw_setup_import(ScreenContext& ctx) {
  SetupUi& st = ctx.state.setup;
  widgets::heading(tr(S::setup_import_title));
  if (!ctx.sync.enrolled()) {
    ImGui::TextWrapped("%s", tr(S::setup_import_offline));
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::muted));
  ImGui::TextWrapped("%s", tr(S::setup_import_hint));
  ImGui::PopStyleColor();
  const char* kinds[app::kImportKindCount];
  for (std::int64_t k = 0; k < app::kImportKindCount; ++k) kinds[k] = tr(app::import_kind_label(static_cast<app::ImportKind>(k)));
  if (widgets::choices("setup_import_kind", kinds, static_cast<int>(std::size(kinds)), &st.import_kind, 4)) {
    st.import_checked = false;
    st.import_summary.clear();
  }
  if (widgets::button("setup_import_pick", tr(S::setup_import_pick), -1, widgets::Tone::normal, !st.import_busy)) {
    SetupUi* ui_state = &st;
    SyncDriver* sync = &ctx.sync;
    ctx.host.pick_file([ui_state, sync](bool ok, std::string bytes) {
      if (!ok) {
        ui_state->import_summary = tr(S::setup_import_unreadable);
        ui_state->import_ok = false;
        return;
      }
      ui_state->import_bytes = std::move(bytes);
      send(*sync, *ui_state, /*dry_run=*/true);
    });
  }
  if (st.import_busy) ImGui::TextUnformatted(tr(S::setup_import_checking));
  if (!st.import_summary.empty()) {
    ImGui::PushTextWrapPos(0);
    widgets::data_text(st.import_summary, st.import_ok ? colors::ok : colors::danger);
    automation().record_last_item("setup_import_result", st.import_summary.c_str(), "banner");
    for (std::size_t i = 0; i < st.import_lines.size() && i < 30; ++i) widgets::data_text(st.import_lines[i], colors::muted);
    if (!st.import_logins.empty()) {
      ImGui::TextUnformatted(tr(S::setup_import_logins));
      for (const std::string& l : st.import_logins) widgets::data_text(l);
    }
    ImGui::PopTextWrapPos();
  }
  if (st.import_checked && !st.import_busy &&
      widgets::button("setup_import_confirm", tr(S::setup_import_confirm), -1, widgets::Tone::primary)) {
    send(ctx.sync, st, /*dry_run=*/false);
  }
}

}  // namespace shell
