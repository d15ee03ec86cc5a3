// A visit's page: who came, what for, what identity was seen, the unit they
// visit and where they wait; then the manual's ③ — 已通报, one tap that
// records the time (a department chosen here when none was at receipt) —
// and 离开, one tap when they go. A visit that turns into a complaint becomes
// a ticket in one tap: the ticket sheet opens prefilled (channel 来访) and,
// once saved, the visit keeps the ticket and shows its number.
// VisitorsService refuses what does not fit.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/visitors/visitors_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/screens/visitors/visitors_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace vis = app::visitors;

namespace shell {
namespace {

void line(const char* id, const std::string& text, ImU32 color = colors::text) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, color);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, text.c_str(), "label");
}

std::string when(const ScreenContext& ctx, std::int64_t ms) { return short_time(ctx.session.local(ms)); }

void details(ScreenContext& ctx, const app::VisitorRecord& v) {
  char text[512];
  std::snprintf(text, sizeof text, tr(S::visitor_detail_arrived), when(ctx, v.arrived_ms).c_str(),
                ctx.session.estate().staff_name(v.received_by).c_str());
  line("visitor_arrived", text, colors::muted);
  std::snprintf(text, sizeof text, tr(S::visitor_detail_purpose), v.purpose.c_str());
  line("visitor_purpose", text);
  std::snprintf(text, sizeof text, tr(S::visitor_detail_id), tr(vis::id_seen_label(v.id_seen)));
  line("visitor_id_seen", text);
  if (!v.phone.empty()) {
    std::snprintf(text, sizeof text, tr(S::visitor_detail_phone), v.phone.c_str());
    line("visitor_phone", text);
  }
  const app::UnitRow* unit = ctx.session.estate().unit_row(v.unit);
  std::snprintf(text, sizeof text, tr(S::visitor_detail_unit), unit ? unit->label.c_str() : tr(S::visitor_none_unit));
  line("visitor_unit", text);
  const std::string place = v.place == vis::Place::other && !v.place_text.empty() ? v.place_text : std::string(tr(vis::place_label(v.place)));
  std::snprintf(text, sizeof text, tr(S::visitor_detail_place), place.c_str());
  line("visitor_place", text);
  if (v.told()) {
    std::snprintf(text, sizeof text, tr(S::visitor_detail_told), when(ctx, v.told_ms).c_str(), vis::department_label(v.department).c_str());
    line("visitor_told_at", text, colors::ok);
  } else if (!v.department.empty()) {
    std::snprintf(text, sizeof text, tr(S::visitor_detail_to_tell), vis::department_label(v.department).c_str());
    line("visitor_to_tell", text, colors::warn);
  }
  if (!v.in()) {
    std::snprintf(text, sizeof text, tr(S::visitor_detail_left), when(ctx, v.left_ms).c_str());
    line("visitor_left_at", text, colors::muted);
  }
  if (const std::string number = ctx.session.visitors().ticket_number(v); !number.empty()) {
    std::snprintf(text, sizeof text, tr(S::visitor_detail_ticket), number.c_str());
    line("visitor_ticket_number", text, colors::ok);
  }
}

// Once the ticket sheet saved the ticket: the visit keeps it, and the page shows again.
void ticket_saved(ScreenContext& ctx, const app::Id& visit, const app::Id& ticket) {
  const app::Status s = ctx.session.visitors().link_ticket(visit, ticket);
  open_visit(ctx.state, visit);
  ctx.state.visitors.message = s.ok() ? std::string() : s.error().message;
}

void start_ticket(ScreenContext& ctx, const app::VisitorRecord& v) {
  const app::NewTicket t = ctx.session.visitors().ticket_prefill(v);
  open_ticket_form(ctx.state, t.unit);
  TicketDraft& d = ctx.state.tickets.draft;
  d.owner = t.owner;
  d.phone = t.phone;
  d.what = t.what;
  d.channel = static_cast<int>(t.channel);
  d.origin = v.id;
  d.on_saved = ticket_saved;
}

void actions(ScreenContext& ctx, VisitorsUi& st, const app::VisitorRecord& v) {
  app::VisitorsService& svc = ctx.session.visitors();
  if (ctx.session.read_only()) return;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  if (svc.may_tell(v) && v.department.empty()) {
    // No department chosen at receipt: choose it here, then 已通报.
    const char* depts[vis::kDepartmentCount];
    for (int k = 0; k < vis::kDepartmentCount; ++k) depts[k] = tr(vis::kDepartments[k]);
    widgets::choices("visitor_tell_dept", depts, vis::kDepartmentCount, &st.tell_department, ui().portrait ? 3 : 5);
  }
  const bool tell = svc.may_tell(v), leave = svc.may_leave(v);
  // Side by side when both fit; stacked on a narrow phone (one full-width button each).
  const float both = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const bool side = tell && leave && both >= ImGui::CalcTextSize(tr(S::visitor_told_button)).x + ui().css(32);
  if (tell && widgets::button("visitor_told", tr(S::visitor_told_button), side ? both : -1, widgets::Tone::primary)) {
    const app::Status s = svc.told(v.id, vis::department_name(st.tell_department));
    st.message = s.ok() ? std::string() : s.error().message;
  }
  if (side) ImGui::SameLine();
  if (leave && widgets::button("visitor_leave", tr(S::visitor_leave_button), side ? both : -1)) {
    const app::Status s = svc.leave(v.id);
    st.message = s.ok() ? std::string() : s.error().message;
  }
  if (svc.may_open_ticket(v)) {
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    if (widgets::button("visitor_ticket", tr(S::visitor_ticket_button), -1)) start_ticket(ctx, v);
  }
}

}  // namespace

void draw_visit(ScreenContext& ctx, const app::VisitorRecord& v) {
  VisitorsUi& st = ctx.state.visitors;
  if (widgets::button("visitor_back", tr(S::visitor_back), 0, widgets::Tone::quiet)) {
    st.visit = {};
    st.message.clear();
    return;
  }
  const std::string title = visit_title(ctx.session, v);
  widgets::heading(title.c_str());
  automation().record_last_item("visitor_title", title.c_str(), "label");
  details(ctx, v);
  visitors_banner("visitor_message", st.message);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  actions(ctx, st, v);
}

}  // namespace shell
