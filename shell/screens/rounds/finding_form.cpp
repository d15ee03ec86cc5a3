// A failed item's finding, right under it on the checkpoint: a note (pinyin
// IME), and where it goes — a dispatch slip to a department, urgent by radio
// with whom, or (at a unit) a notice to the owner; once saved, what was
// decided and photos as evidence.
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/rounds/route.hpp"
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
namespace {

constexpr S kDepartments[] = {S::dept_engineering, S::dept_cleaning, S::dept_greening, S::dept_security};

void wrapped_data(const std::string& text, ImU32 color) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, color);
  ImGui::PopTextWrapPos();
}

}  // namespace

void finding_form(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item, bool photo_required) {
  ShellState& st = ctx.state;
  if (const app::Finding* f = ctx.session.rounds().finding_for(round, cp, item)) {
    // Recorded: what was decided, and the evidence.
    // What was written stays on the checkpoint, with where it went.
    std::string line = tr(S::finding_saved_open);
    if (!f->note.empty()) line += " · " + f->note;
    line += f->urgent ? " · " + f->told : " · " + f->department;
    wrapped_data(line, colors::danger);
    automation().record_last_item("finding_state", line.c_str(), "label");
    if (photo_required && ctx.session.estate().photos_of(f->id).empty()) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::warn), "%s", tr(S::finding_needs_photo));
    }
    char id[32];
    std::snprintf(id, sizeof id, "finding_photo:%d", item);
    char label[96];
    std::snprintf(label, sizeof label, "%s (%d)", tr(S::finding_add_photo), static_cast<int>(ctx.session.estate().photos_of(f->id).size()));
    if (widgets::button(id, label, 0, widgets::Tone::normal, !ctx.photos.busy())) ctx.photos.for_finding(f->id);
    // The evidence taken so far, beside the button that adds to it.
    std::snprintf(id, sizeof id, "finding_photo_tile:%d", item);
    widgets::photo_strip(id, ctx.session.estate().photos_of(f->id), ui().touch(), true);
    return;
  }
  if (st.rounds.failing_item != item) return;
  widgets::text_field("finding_note", tr(S::finding_note), &st.rounds.finding_note);
  // A unit has an owner to tell (red meter digits): a third way beside dispatch and radio.
  const app::RouteStop* stop = ctx.session.rounds().stop_at(round, cp);
  const bool household = stop && stop->kind == app::StopKind::unit;
  if (!household) st.rounds.finding_owner = false;
  const int ways = household ? 3 : 2;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // One row when every label fits (a tablet); stacked on a phone, never cut.
  float part = (ImGui::GetContentRegionAvail().x - gap * (ways - 1)) / ways;
  float need = 0;
  for (S label : {S::finding_dispatch, S::finding_urgent, S::finding_owner}) need = std::max(need, ImGui::CalcTextSize(tr(label)).x + ui().css(28));
  const bool one_row = part >= need;
  if (!one_row) part = -1;
  const bool dispatching = !st.rounds.finding_urgent && !st.rounds.finding_owner;
  if (widgets::button("finding_dispatch", tr(S::finding_dispatch), part, dispatching ? widgets::Tone::primary : widgets::Tone::normal)) {
    st.rounds.finding_urgent = st.rounds.finding_owner = false;
  }
  if (one_row) ImGui::SameLine();
  if (widgets::button("finding_urgent", tr(S::finding_urgent), part, st.rounds.finding_urgent ? widgets::Tone::danger : widgets::Tone::normal)) {
    st.rounds.finding_urgent = true;
    st.rounds.finding_owner = false;
  }
  if (household) {
    if (one_row) ImGui::SameLine();
    if (widgets::button("finding_owner", tr(S::finding_owner), part, st.rounds.finding_owner ? widgets::Tone::primary : widgets::Tone::normal)) {
      st.rounds.finding_owner = true;
      st.rounds.finding_urgent = false;
    }
  }
  if (st.rounds.finding_owner) {
    ImGui::TextWrapped("%s", tr(S::owner_notice_hint));
  } else if (st.rounds.finding_urgent) {
    widgets::text_field("finding_told", tr(S::finding_told), &st.rounds.finding_told);
  } else {
    const float quarter = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
    for (int d = 0; d < 4; ++d) {
      if (d) ImGui::SameLine();
      char id[24];  // "dept:" and any int
      std::snprintf(id, sizeof id, "dept:%d", d);
      if (widgets::button(id, tr(kDepartments[d]), quarter, st.rounds.finding_department == d ? widgets::Tone::primary : widgets::Tone::normal)) {
        st.rounds.finding_department = d;
      }
    }
  }
  if (widgets::button("finding_save", tr(S::finding_save), -1, widgets::Tone::danger)) {
    // The answer carries the note too, so the checklist shows why it failed.
    (void)ctx.session.rounds().answer_item(round, cp, item, app::ItemResult::fail, st.rounds.finding_note);
    const bool dispatched = !st.rounds.finding_urgent && !st.rounds.finding_owner;
    app::NewFinding f{st.rounds.finding_note, st.rounds.finding_urgent, st.rounds.finding_told,
                      dispatched ? std::string(tr(kDepartments[st.rounds.finding_department], app::i18n::Lang::zh_CN)) : std::string(),
                      st.rounds.finding_owner};
    const app::Result<app::Id> saved = ctx.session.rounds().open_finding(round, cp, item, f);
    st.rounds.round_message = saved.ok() ? std::string() : saved.error().message;
    if (saved.ok()) st.rounds.failing_item = -1;
  }
}

}  // namespace shell
