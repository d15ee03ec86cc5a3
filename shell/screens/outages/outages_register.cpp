// The outage notices (停水停电) under 台账: 发布 on top, the notices by their
// window (newest first) with their phase; a notice's page with its window,
// reason, the photo of it posted (拍照：通知已张贴) and the units it covers, for
// the butler who takes the calls; withdrawing it with a reason. Today lists
// the notices on now or tomorrow; a unit's record says its water is off.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/outages/outages_labels.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/outages/outages_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

ImU32 phase_color(app::outages::Phase p) {
  switch (p) {
    case app::outages::Phase::on: return colors::danger;
    case app::outages::Phase::upcoming: return colors::warn;
    default: return colors::muted;
  }
}

void banner(const char* id, const std::string& message) {
  if (message.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(message, colors::danger);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, message.c_str(), "banner");
}

void notice_row(ScreenContext& ctx, const app::Outage& o, const char* id) {
  const app::OutagesService& outages = ctx.session.outages();
  const app::outages::Phase phase = outages.phase(o);
  const std::string title = outage_title(ctx.session, o), sub = outage_window(ctx.session, o) + " · " + o.reason;
  if (widgets::list_row(id, title.c_str(), sub.c_str(), tr(app::outages::phase_label(phase)), phase_color(phase))) {
    ctx.state.outages.open = o.id;
    ctx.state.outages.message.clear();
    ctx.state.outages.withdraw_reason.clear();
  }
}

void draw_notice(ScreenContext& ctx, const app::Outage& o) {
  OutagesUi& st = ctx.state.outages;
  app::OutagesService& outages = ctx.session.outages();
  if (widgets::button("outage_back", tr(S::outage_back), 0, widgets::Tone::quiet)) {
    st.open = {};
    return;
  }
  const std::string title = outage_title(ctx.session, o);
  widgets::heading(title.c_str());
  const app::outages::Phase phase = outages.phase(o);
  widgets::pill(tr(app::outages::phase_label(phase)), phase_color(phase));
  automation().record_last_item("outage_phase", tr(app::outages::phase_label(phase)), "label");
  widgets::data_text(outage_window(ctx.session, o), colors::text);
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(o.reason, colors::text);
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  // Posted on the boards: when, by whom, the photo; until then, the reminder and the camera.
  if (o.posted_ms) {
    char line[160];
    std::snprintf(line, sizeof line, tr(S::outage_posted_at), short_time(ctx.session.local(o.posted_ms)).c_str(),
                  ctx.session.estate().staff_name(o.posted_by).c_str());
    widgets::data_text(line, colors::ok);
    automation().record_last_item("outage_posted", line, "label");
  } else if (!o.cancelled()) {
    widgets::data_text(tr(S::outage_not_posted), colors::warn);
  }
  widgets::photo_strip("outage_photos", ctx.session.estate().photos_of(o.id), ui().css(88));
  const bool writable = !ctx.session.read_only() && !o.cancelled() && phase != app::outages::Phase::over;
  if (writable && !o.posted_ms && widgets::button("outage_post", tr(S::outage_post), -1, widgets::Tone::primary, !ctx.photos.busy())) {
    const app::Id id = o.id;
    ctx.photos.capture([&session = ctx.session, id](const std::string& sha) { return session.outages().post(id, sha); });
  }
  if (!ctx.photos.message().empty()) ImGui::TextWrapped("%s", ctx.photos.message().c_str());
  // The units it covers: the butler answering a call finds the caller's here.
  const std::vector<const app::UnitRow*> units = outages.units_of(o);
  char count[64];
  app::i18n::format_to(count, sizeof count, S::outage_units, static_cast<int>(units.size()));
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(count);
  automation().record_last_item("outage_units", count, "label");
  std::string list;
  for (std::size_t i = 0; i < units.size() && i < 60; ++i) list += (i ? "、" : "") + units[i]->label;
  if (units.size() > 60) list += "…";
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(list, colors::muted);
  ImGui::PopTextWrapPos();
  if (writable) {
    ImGui::Dummy(ImVec2(0, ui().css(12)));
    widgets::text_field("outage_withdraw_reason", tr(S::outage_withdraw_reason), &st.withdraw_reason);
    if (widgets::button("outage_withdraw", tr(S::outage_withdraw), 0, widgets::Tone::danger)) {
      const app::Status s = outages.cancel(o.id, st.withdraw_reason);
      st.message = s.ok() ? std::string() : s.error().message;
    }
  }
  banner("outage_message", st.message);
}

}  // namespace

std::string outage_title(const app::Session& s, const app::Outage& o) {
  std::string where;
  for (const app::Id& b : o.buildings) {
    auto it = s.master_data().buildings.find(b);
    if (it != s.master_data().buildings.end()) where += (where.empty() ? "" : "、") + it->second.name;
  }
  return std::string(tr(app::outages::kind_label(o.kind))) + " · " + where;
}

std::string outage_window(const app::Session& s, const app::Outage& o) {
  return short_time(s.local(o.from_ms)) + " – " + short_time(s.local(o.until_ms));
}

void draw_outages_register(ScreenContext& ctx) {
  OutagesUi& st = ctx.state.outages;
  const app::OutagesService& outages = ctx.session.outages();
  if (!st.open.is_nil()) {
    if (const app::Outage* o = outages.notice(st.open)) {
      draw_notice(ctx, *o);
      return;
    }
    st.open = {};
  }
  if (!ctx.session.read_only() && widgets::button("outage_new", tr(S::outage_new), -1, widgets::Tone::primary)) open_outage_form(st);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  int index = 0;
  for (const app::Outage* o : outages.all()) {
    char id[32];
    std::snprintf(id, sizeof id, "outage:%d", index++);
    notice_row(ctx, *o, id);
    if (index >= 50) break;  // the rest are in outages.csv
  }
  if (index == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::outage_none));
  draw_outage_form(ctx);
}

void draw_outages_today(ScreenContext& ctx) {
  if (!ctx.session.has_data()) return;
  const std::vector<const app::Outage*> on = ctx.session.outages().on_today();
  if (on.empty()) return;
  widgets::heading(tr(S::outage_today_title));
  int index = 0;
  for (const app::Outage* o : on) {
    char id[32];
    std::snprintf(id, sizeof id, "today_outage:%d", index++);
    const app::outages::Phase phase = ctx.session.outages().phase(*o);
    const std::string title = outage_title(ctx.session, *o), sub = outage_window(ctx.session, *o) + " · " + o->reason;
    if (widgets::list_row(id, title.c_str(), sub.c_str(), tr(app::outages::phase_label(phase)), phase_color(phase))) {
      show_register(ctx.state, "outages");
      ctx.state.outages.open = o->id;
    }
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

void draw_outages_unit(ScreenContext& ctx, const app::Id& unit) {
  int index = 0;
  for (const app::Outage* o : ctx.session.outages().affecting(unit)) {
    char line[256], id[32];
    app::i18n::format_to(line, sizeof line, S::outage_unit_line, tr(app::outages::kind_label(o->kind)), outage_window(ctx.session, *o).c_str(),
                         o->reason.c_str());
    ImGui::PushTextWrapPos(0.0f);  // a phone is narrower than the reason
    widgets::data_text(line, colors::danger);
    ImGui::PopTextWrapPos();
    std::snprintf(id, sizeof id, "unit_outage:%d", index++);
    automation().record_last_item(id, line, "label");
  }
}

}  // namespace shell
