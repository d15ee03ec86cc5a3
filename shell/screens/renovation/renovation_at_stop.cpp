// A renovating unit as a stop of the daily 巡楼 round (RoundKind::units: the
// stop is the unit): its application's stage, open notices and any 限期整改
// past its date, the
// violation notice sheet one tap away — naming the finding the butler has
// just raised at this stop, if any — and the application's page.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/renovation/notice_number.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {

void draw_renovation_at_stop(ScreenContext& ctx, const app::Id& round, const app::Id& stop) {
  const app::Round* rd = ctx.session.rounds().round(round);
  if (!rd || rd->kind != app::RoundKind::units) return;
  const app::Renovation* r = ctx.session.renovation().renovation_of_unit(stop);
  if (!r || !r->open()) return;
  widgets::begin_card("stop_renovation_card");
  std::string line;
  char text[200];
  std::snprintf(text, sizeof text, tr(S::reno_at_stop), tr(reno_stage_label(r->stage)), r->contractor.c_str());
  line = text;
  if (r->open_notices() > 0) {
    app::i18n::format_to(text, sizeof text, S::reno_notices_open, r->open_notices());
    line += std::string(" · ") + text;
  }
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(line, r->open_notices() > 0 ? colors::danger : colors::text);
  ImGui::PopTextWrapPos();
  automation().record_last_item("stop_renovation", line.c_str(), "label");
  // A 限期整改 whose date has passed: the butler checks it here, at the unit.
  int overdue = 0;
  for (const app::ViolationNotice& n : r->notices) {
    if (!ctx.session.renovation().rectify_overdue(n)) continue;
    char due[96], id[40];
    std::snprintf(due, sizeof due, tr(S::reno_rectify_overdue), day_label(n.rectify_by).c_str());
    const std::string text_line = app::renovation::notice_number(n) + " · " + n.what + " · " + due;
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(text_line, colors::danger);
    ImGui::PopTextWrapPos();
    std::snprintf(id, sizeof id, "stop_rectify_overdue:%d", overdue++);
    automation().record_last_item(id, text_line.c_str(), "label");
  }
  // The finding raised at this stop most recently, if the butler has just raised one.
  const app::Finding* latest = nullptr;
  for (const app::Finding* f : ctx.session.rounds().findings_of_round(round)) {
    if (f->checkpoint == stop && f->open() && (!latest || f->opened_ms > latest->opened_ms)) latest = f;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("stop_notice_new", tr(S::reno_notice_new), half, widgets::Tone::danger)) open_notice_sheet(ctx, *r, latest);
  ImGui::SameLine();
  if (widgets::button("stop_renovation_open", tr(S::reno_open_page), half)) open_renovation(ctx.state, r->id);
  widgets::end_card();
  draw_notice_sheet(ctx);
}

}  // namespace shell
