// Open findings (待核实问题) under the zones on the Rounds screen: where and
// what, how it was handled, how long it has been open, its photos; tapped,
// the butler verifies the fix on this visit by taking the "after" photo.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklists.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_finding_photos(const app::Session& session, const app::Finding& f) {
  widgets::photo_strip("finding_evidence", session.estate().photos_of(f.id), ui().css(88));
}

void draw_open_findings(ScreenContext& ctx) {
  widgets::heading(tr(S::findings_title));
  const auto findings = ctx.session.rounds().open_findings();
  if (findings.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::findings_none));
    return;
  }
  const std::int64_t now = ctx.session.now_ms();
  int index = 0;
  for (const app::Finding* f : findings) {
    const bool open = ctx.state.rounds.open_finding == f->id;
    char age[64], id[32];
    const int days = static_cast<int>((now - f->opened_ms) / 86400000);
    if (days <= 0) std::snprintf(age, sizeof age, "%s", tr(S::finding_today));
    else app::i18n::format_to(age, sizeof age, S::finding_days_open, days);
    std::string subtitle = f->urgent ? f->told : f->department;
    if (!f->note.empty()) subtitle = f->note + " · " + subtitle;
    std::snprintf(id, sizeof id, "finding:%d", index++);
    if (widgets::list_row(id, ctx.session.rounds().finding_label(*f, app::i18n::current_language()).c_str(), subtitle.c_str(), age,
                          f->urgent ? colors::danger : colors::warn, open)) {
      ctx.state.rounds.open_finding = open ? app::Id{} : f->id;
    }
    if (!open) continue;
    ImGui::Indent(ui().css(16));
    draw_finding_photos(ctx.session, *f);
    const app::Id finding = f->id;
    if (f->owner_notice) {
      // Nothing to photograph: done once the owner has been told.
      ImGui::TextWrapped("%s", tr(S::owner_notice_hint));
      if (widgets::button("finding_owner_told", tr(S::owner_told), -1, widgets::Tone::primary)) {
        ctx.state.rounds.round_message.clear();
        if (app::Status s = ctx.session.rounds().owner_told(finding, ""); !s.ok()) ctx.state.rounds.round_message = s.error().message;
        else ctx.state.rounds.open_finding = {};
      }
      if (!ctx.state.rounds.round_message.empty()) ImGui::TextWrapped("%s", ctx.state.rounds.round_message.c_str());
      ImGui::Unindent(ui().css(16));
      continue;
    }
    if (widgets::button("finding_verify", tr(S::finding_verify), -1, widgets::Tone::primary, !ctx.photos.busy())) {
      ctx.photos.capture([&session = ctx.session, finding](const std::string& sha) { return session.rounds().verify_finding(finding, sha, ""); });
    }
    if (!ctx.photos.message().empty()) ImGui::TextWrapped("%s", ctx.photos.message().c_str());
    ImGui::Unindent(ui().css(16));
  }
}

}  // namespace shell
