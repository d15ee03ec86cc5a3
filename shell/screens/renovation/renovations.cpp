// Renovation supervision (装修管理): every unit under renovation, by unit,
// with what it has open — the next stage, notices not followed up, passes
// still out, the re-check due (red once overdue) — and a new application
// from the section or from a renovating unit's row that has none. Tap a row
// for the application's page (renovation_page.cpp).
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace reno = app::renovation;

namespace shell {
namespace {

// What is to be done next, in the short words of the progress line (预审, 完工核查, 退保证金), by stage code.
constexpr S kNextStep[] = {S::reno_short_0, S::reno_short_1, S::reno_short_2, S::reno_short_3, S::reno_short_4,
                           S::reno_short_5, S::reno_short_6, S::reno_short_7, S::reno_short_8, S::reno_short_9};

void item_row(ScreenContext& ctx, const app::RenovationOpenItems& item, int index) {
  char id[32];
  std::snprintf(id, sizeof id, "renovation:%d", index);
  if (!item.application) {
    if (widgets::list_row(id, item.unit_label.c_str(), tr(S::reno_no_application), tr(S::reno_new), colors::warn)) {
      open_renovation_form(ctx.state, item.unit);
    }
    return;
  }
  const app::Renovation& r = *item.application;
  std::string sub = r.contractor;
  char part[160];
  if (item.next_stage) {
    std::snprintf(part, sizeof part, tr(S::reno_next), tr(kNextStep[static_cast<std::size_t>(*item.next_stage) % std::size(kNextStep)]));
    sub += std::string(" · ") + part;
  }
  if (item.passes_out > 0) {
    app::i18n::format_to(part, sizeof part, S::reno_passes_out, item.passes_out);
    sub += std::string(" · ") + part;
  }
  std::string pill;
  ImU32 color = colors::primary;
  if (item.recheck_due) {
    std::snprintf(part, sizeof part, tr(item.recheck_overdue ? S::reno_recheck_overdue : S::reno_recheck_due),
                  day_label(*item.recheck_due).c_str());
    pill = part;
    color = item.recheck_overdue ? colors::danger : colors::warn;
  }
  if (item.open_notices > 0) {
    app::i18n::format_to(part, sizeof part, S::reno_notices_open, item.open_notices);
    pill = pill.empty() ? std::string(part) : pill + " · " + part;
    color = colors::danger;
  }
  for (const app::ViolationNotice& n : r.notices) {
    if (!ctx.session.renovation().rectify_overdue(n)) continue;
    std::snprintf(part, sizeof part, tr(S::reno_rectify_overdue), day_label(n.rectify_by).c_str());
    pill = pill.empty() ? std::string(part) : pill + " · " + part;
    color = colors::danger;
  }
  if (pill.empty()) pill = tr(reno_stage_label(r.stage));
  if (widgets::list_row(id, item.unit_label.c_str(), sub.c_str(), pill.c_str(), color)) open_renovation(ctx.state, r.id);
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill.c_str(), "label");
}

}  // namespace

app::i18n::S reno_stage_label(reno::Stage s) {
  static constexpr S kNames[] = {S::reno_stage_applied, S::reno_stage_pre_reviewed, S::reno_stage_approved,
                                 S::reno_stage_fees_paid, S::reno_stage_passes_issued, S::reno_stage_in_progress,
                                 S::reno_stage_completion_checked, S::reno_stage_rechecked, S::reno_stage_refunded,
                                 S::reno_stage_works_reviewed};
  const auto k = static_cast<std::size_t>(s);
  return k < std::size(kNames) ? kNames[k] : S::reno_stage_applied;
}

app::i18n::S reno_action_label(reno::Action a) {
  switch (a) {
    case reno::Action::rectify_by: return S::reno_action_rectify_by;
    case reno::Action::deduct_deposit: return S::reno_action_deduct;
    case reno::Action::expel_contractor: return S::reno_action_expel;
    default: return S::reno_action_stop_work;
  }
}

std::string reno_yuan(std::int64_t cents) {
  char buf[32];
  return std::string(reno::format_yuan(cents, buf));
}

std::string day_label(std::int64_t d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d / 10000), static_cast<int>(d / 100 % 100),
                static_cast<int>(d % 100));
  return text;
}

void open_renovation(ShellState& st, const app::Id& application) {
  show_register(st, "renovation");
  st.renovation.application = application;
  st.renovation.message.clear();
}

void draw_renovations(ScreenContext& ctx) {
  RenovationUi& st = ctx.state.renovation;
  if (!st.application.is_nil()) {
    if (const app::Renovation* r = ctx.session.renovation().renovation(st.application)) {
      draw_renovation_page(ctx, *r);
      draw_notice_sheet(ctx);
      return;
    }
    st.application = {};
  }
  if (widgets::button("renovation_new", tr(S::reno_new), -1, widgets::Tone::primary)) open_renovation_form(ctx.state);
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  const std::vector<app::RenovationOpenItems> items = ctx.session.renovation().renovation_open_items();
  if (items.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::reno_none));
  int index = 0;
  for (const app::RenovationOpenItems& item : items) item_row(ctx, item, index++);
  draw_renovation_form(ctx);
}

}  // namespace shell
