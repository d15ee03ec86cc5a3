// The visitors register (来访): 接待来访 on top, then the visitors still in
// (oldest first, a pill while their department is not yet told), and the last
// who left. Today shows "N 位来访者在访" as one button to this list while
// anyone is in. Rules are VisitorsService's.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/screens/visitors/visitors_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void muted(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

void visit_row(ScreenContext& ctx, const app::VisitorRecord& v, const char* id) {
  const std::string title = visit_title(ctx.session, v);
  char sub[400];
  std::snprintf(sub, sizeof sub, tr(S::visitor_row_sub), short_time(ctx.session.local(v.arrived_ms)).c_str(), v.purpose.c_str());
  const char* pill = tr(S::visitor_pill_left);
  ImU32 color = colors::muted;
  if (v.in()) {
    pill = tr(v.told() ? S::visitor_pill_in : S::visitor_pill_not_told);
    color = v.told() ? colors::ok : colors::warn;
  }
  if (widgets::list_row(id, title.c_str(), sub, pill, color)) open_visit(ctx.state, v.id);
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill, "label");
}

}  // namespace

std::string visit_title(const app::Session& s, const app::VisitorRecord& v) {
  std::string out = v.name;
  if (const app::UnitRow* u = s.estate().unit_row(v.unit)) out += " · " + u->label;
  return out;
}

void visitors_banner(const char* id, const std::string& message) {
  if (message.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(message, colors::danger);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, message.c_str(), "banner");
}

void open_visit(ShellState& st, const app::Id& visit) {
  show_register(st, "visitors");
  st.visitors.visit = visit;
  st.visitors.message.clear();
  st.visitors.tell_department = -1;
}

void draw_visitors_register(ScreenContext& ctx) {
  VisitorsUi& st = ctx.state.visitors;
  const app::VisitorsService& visitors = ctx.session.visitors();
  if (!st.visit.is_nil()) {
    if (const app::VisitorRecord* v = visitors.visit(st.visit)) {
      draw_visit(ctx, *v);
      return;
    }
    st.visit = {};
  }
  if (!ctx.session.read_only() && widgets::button("visitor_receive", tr(S::visitor_receive_button), -1, widgets::Tone::primary)) {
    open_visitors_form(st);
  }
  visitors_banner("visitor_message", st.message);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::visitor_in_heading));
  if (visitors.in_now().empty()) muted(S::visitor_none_in);
  int index = 0;
  for (const app::VisitorRecord* v : visitors.in_now()) {
    char id[32];
    std::snprintf(id, sizeof id, "visitor_in:%d", index++);
    visit_row(ctx, *v, id);
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::visitor_left_heading));
  index = 0;
  for (const app::VisitorRecord* v : visitors.recent_left()) {
    char id[32];
    std::snprintf(id, sizeof id, "visitor_left:%d", index++);
    visit_row(ctx, *v, id);
  }
  if (index == 0) muted(S::visitor_none_left);
  draw_visitors_form(ctx);
}

// Today: while anyone is in, one button to the list ("2 位来访者在访").
void draw_visitors_today(ScreenContext& ctx) {
  if (!ctx.session.has_data()) return;
  const std::size_t in = ctx.session.visitors().in_now().size();
  if (in == 0) return;
  char line[128];
  app::i18n::format_to(line, sizeof line, S::visitor_in_alert, static_cast<int>(in));
  if (widgets::button("today_visitors_in", line, -1, widgets::Tone::normal)) {
    show_register(ctx.state, "visitors");
    ctx.state.visitors.visit = {};
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

}  // namespace shell
