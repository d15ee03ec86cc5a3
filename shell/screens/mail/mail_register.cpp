// The mail register (邮件): 收件登记 on top, then the calls due (001: special
// mail two days uncollected — phone the owner), everything waiting (oldest
// first, with a pill when its call or its return is due), the last items
// collected or returned, and the return time in force. Today shows the calls
// due as one red button to this list. Rules and deadlines are MailService's.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/mail/mail_labels.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/mail/mail_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void muted(S key) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(key)); }

void item_row(ScreenContext& ctx, const app::MailItem& m, const char* id) {
  const app::MailService& mail = ctx.session.mail();
  const std::string title = mail_title(ctx.session, m);
  char sub[200];
  std::snprintf(sub, sizeof sub, tr(S::mail_row_sub), short_time(ctx.session.local(m.received_ms)).c_str(),
                m.recipient.empty() ? ctx.session.estate().staff_name(m.received_by).c_str() : m.recipient.c_str());
  const char* pill = tr(app::mail::state_label(m.state));
  ImU32 color = m.waiting() ? colors::muted : colors::ok;
  if (mail.call_due(m)) {
    pill = tr(S::mail_pill_call);
    color = colors::danger;
  } else if (mail.return_due(m)) {
    pill = tr(S::mail_pill_return);
    color = colors::warn;
  }
  if (widgets::list_row(id, title.c_str(), sub, pill, color)) open_mail_item(ctx.state, m.id);
  automation().record_last_item((std::string(id) + ":pill").c_str(), pill, "label");
}

}  // namespace

std::string mail_title(const app::Session& s, const app::MailItem& m) {
  std::string out = tr(app::mail::kind_label(m.kind));
  if (const app::UnitRow* u = s.estate().unit_row(m.unit)) out += " · " + u->label;
  if (!m.tracking.empty()) out += " · " + m.tracking;
  return out;
}

void mail_banner(const char* id, const std::string& message) {
  if (message.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(message, colors::danger);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, message.c_str(), "banner");
}

void open_mail_item(ShellState& st, const app::Id& item) {
  show_register(st, "mail");
  st.mail.item = item;
  st.mail.message.clear();
  st.mail.notice_note.clear();
  st.mail.return_note.clear();
  st.mail.collect_open = false;
}

void draw_mail_register(ScreenContext& ctx) {
  MailUi& st = ctx.state.mail;
  const app::MailService& mail = ctx.session.mail();
  if (!st.item.is_nil()) {
    if (const app::MailItem* m = mail.item(st.item)) {
      draw_mail_item(ctx, *m);
      return;
    }
    st.item = {};
  }
  if (!ctx.session.read_only() && widgets::button("mail_receive", tr(S::mail_receive_button), -1, widgets::Tone::primary)) open_mail_form(st);
  mail_banner("mail_message", st.message);
  int index = 0;
  const auto calls = mail.calls_due();
  if (!calls.empty()) {
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    widgets::heading(tr(S::mail_calls_heading));
    for (const app::MailItem* m : calls) {
      char id[32];
      std::snprintf(id, sizeof id, "mail_call:%d", index++);
      item_row(ctx, *m, id);
    }
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::mail_waiting_heading));
  if (mail.waiting().empty()) muted(S::mail_none_waiting);
  index = 0;
  for (const app::MailItem* m : mail.waiting()) {
    char id[32];
    std::snprintf(id, sizeof id, "mail_item:%d", index++);
    item_row(ctx, *m, id);
  }
  if (const std::size_t n = mail.conflicts().size(); n > 0) {
    char line[128];
    app::i18n::format_to(line, sizeof line, S::mail_conflicts, static_cast<int>(n));
    widgets::data_text(line, colors::warn);
    automation().record_last_item("mail_conflicts", line, "label");
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::mail_closed_heading));
  index = 0;
  for (const app::MailItem* m : mail.recent_closed()) {
    char id[32];
    std::snprintf(id, sizeof id, "mail_closed:%d", index++);
    item_row(ctx, *m, id);
  }
  if (index == 0) muted(S::mail_none_closed);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  draw_mail_settings(ctx);
  draw_mail_form(ctx);
}

void draw_mail_today(ScreenContext& ctx) {
  if (!ctx.session.has_data()) return;
  const std::size_t due = ctx.session.mail().calls_due().size();
  if (due == 0) return;
  char line[128];
  app::i18n::format_to(line, sizeof line, S::mail_calls_alert, static_cast<int>(due));
  if (widgets::button("today_mail_calls", line, -1, widgets::Tone::danger)) {
    show_register(ctx.state, "mail");
    ctx.state.mail.item = {};
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

// The return time in force, said to be the team's default while no lead has set
// one (the manuals give none); a head butler or the manager changes it here.
void draw_mail_settings(ScreenContext& ctx) {
  MailUi& st = ctx.state.mail;
  app::MailService& mail = ctx.session.mail();
  const bool lead = mail.may_edit_settings() && !ctx.session.read_only();
  if (!lead) st.settings_editing = false;
  widgets::begin_card("mail_settings");
  ImGui::TextUnformatted(tr(S::mail_settings_title));
  if (!st.settings_editing) {
    char days[64];
    app::i18n::format_to(days, sizeof days, S::mail_settings_days, static_cast<long long>(mail.return_days()));
    std::string line = days;
    if (mail.return_days_default()) line += std::string(" ") + tr(S::mail_settings_default);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, colors::text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("mail_return_days", line.c_str(), "label");
    if (lead && widgets::button("mail_settings_edit", tr(S::mail_settings_edit), 0)) {
      st.settings_editing = true;
      st.settings_days = std::to_string(mail.return_days());
      st.message.clear();
    }
  } else {
    widgets::number_field("mail_settings_days", tr(S::mail_settings_hint), &st.settings_days);
    if (widgets::button("mail_settings_save", tr(S::mail_settings_save), 0, widgets::Tone::primary)) {
      long long days = 0;
      if (std::sscanf(st.settings_days.c_str(), "%lld", &days) != 1) days = 0;
      const app::Status saved = mail.save_return_days(days);
      st.message = saved.ok() ? std::string() : saved.error().message;
      if (saved.ok()) st.settings_editing = false;
    }
    ImGui::SameLine();
    if (widgets::button("mail_settings_cancel", tr(S::mail_cancel), 0)) st.settings_editing = false;
  }
  widgets::end_card();
}

}  // namespace shell
