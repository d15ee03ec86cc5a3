// An item's page: what it is and for whom, when its call is due (001: two
// days uncollected) and when it may go back; the owner told (phone, SMS,
// notice — each a tap, with an optional note); then 领取签收, a sheet with the
// collector's identity, name and signature (001 "由收件人…簽收"), or 退回寄件方.
// A collected or returned item shows who and when, and any conflicting
// record another tablet made offline. MailService refuses what does not fit.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/mail/mail_labels.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/mail/mail_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace mail = app::mail;

namespace shell {
namespace {

void line(const char* id, const std::string& text, ImU32 color = colors::text) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, color);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, text.c_str(), "label");
}

std::string when(const ScreenContext& ctx, std::int64_t ms) { return short_time(ctx.session.local(ms)); }

void details(ScreenContext& ctx, const app::MailItem& m) {
  const app::MailService& svc = ctx.session.mail();
  char text[256];
  std::snprintf(text, sizeof text, tr(S::mail_detail_received), when(ctx, m.received_ms).c_str(),
                ctx.session.estate().staff_name(m.received_by).c_str());
  line("mail_received", text, colors::muted);
  if (!m.recipient.empty()) {
    std::snprintf(text, sizeof text, tr(S::mail_detail_recipient), m.recipient.c_str());
    line("mail_recipient", text);
  }
  if (!m.carrier.empty()) {
    std::snprintf(text, sizeof text, tr(S::mail_detail_carrier), m.carrier.c_str());
    line("mail_carrier", text);
  }
  if (!m.tracking.empty()) {
    std::snprintf(text, sizeof text, tr(S::mail_detail_tracking), m.tracking.c_str());
    line("mail_tracking", text);
  }
  if (m.state == mail::State::collected) {
    std::snprintf(text, sizeof text, tr(S::mail_detail_collected), when(ctx, m.closed_ms).c_str(), tr(mail::collector_label(m.collector)),
                  m.collector_name.c_str());
    line("mail_status", text, colors::ok);
  } else if (m.state == mail::State::returned) {
    std::snprintf(text, sizeof text, tr(S::mail_detail_returned), when(ctx, m.closed_ms).c_str());
    line("mail_status", text, colors::muted);
  } else {
    if (mail::is_special(m.kind)) {
      std::snprintf(text, sizeof text, tr(S::mail_detail_call_due), when(ctx, svc.call_due_ms(m)).c_str());
      line("mail_call_due", text, svc.call_due(m) ? colors::danger : colors::muted);
    }
    std::snprintf(text, sizeof text, tr(S::mail_detail_return_due), when(ctx, svc.return_due_ms(m)).c_str());
    line("mail_return_due", text, svc.return_due(m) ? colors::warn : colors::muted);
  }
  for (std::size_t i = 0; i < m.conflicts.size(); ++i) {
    const app::MailConflict& c = m.conflicts[i];
    std::snprintf(text, sizeof text, tr(S::mail_conflict_line), when(ctx, c.at_ms).c_str(), ctx.session.estate().staff_name(c.by).c_str(),
                  tr(mail::state_label(c.wanted)));
    char id[48];
    std::snprintf(id, sizeof id, "mail_conflict:%zu", i);
    line(id, text, colors::warn);
  }
}

void notices(ScreenContext& ctx, MailUi& st, const app::MailItem& m) {
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::heading(tr(S::mail_notices_heading));
  if (m.notices.empty()) line("mail_notice_none", tr(S::mail_none_notices), colors::muted);
  for (std::size_t i = 0; i < m.notices.size(); ++i) {
    const app::MailNotice& n = m.notices[i];
    char text[256], id[48];
    std::snprintf(text, sizeof text, tr(S::mail_notice_line), when(ctx, n.at_ms).c_str(), tr(mail::notice_how_label(n.how)),
                  n.note.empty() ? ctx.session.estate().staff_name(n.by).c_str() : n.note.c_str());
    std::snprintf(id, sizeof id, "mail_notice:%zu", i);
    line(id, text);
  }
  if (!m.waiting() || ctx.session.read_only()) return;
  widgets::text_field("mail_notice_note", tr(S::mail_notify_note), &st.notice_note);
  const char* hows[mail::kNoticeHowCount];
  for (int h = 0; h < mail::kNoticeHowCount; ++h) hows[h] = tr(mail::notice_how_label(static_cast<mail::NoticeHow>(h)));
  widgets::ButtonRow row(hows, mail::kNoticeHowCount, 3);
  for (int h = 0; h < mail::kNoticeHowCount; ++h) {
    row.place();
    char id[32];
    std::snprintf(id, sizeof id, "mail_notify:%d", h);
    if (widgets::button(id, hows[h], row.width())) {
      const app::Status s = ctx.session.mail().notify(m.id, static_cast<mail::NoticeHow>(h), st.notice_note);
      st.message = s.ok() ? std::string() : s.error().message;
      if (s.ok()) st.notice_note.clear();
    }
  }
}

void collect_sheet(ScreenContext& ctx, MailUi& st, const app::MailItem& m) {
  if (!widgets::begin_modal("##mail_collect", st.collect_open, true)) return;
  widgets::heading(tr(S::mail_collect_title));
  widgets::begin_modal_body("##mail_collect_body", ui().touch() + ui().css(24));
  line("mail_collect_what", mail_title(ctx.session, m), colors::muted);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::mail_collect_who));
  const char* who[mail::kCollectorCount];
  for (int c = 0; c < mail::kCollectorCount; ++c) who[c] = tr(mail::collector_label(static_cast<mail::Collector>(c)));
  widgets::choices("mail_collector", who, mail::kCollectorCount, &st.collector, 4);
  widgets::text_field("mail_collector_name", tr(S::mail_collect_name), &st.collector_name);
  line("mail_collect_id_hint", tr(S::mail_collect_id_hint), colors::muted);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::mail_collect_sign));
  widgets::signature_pad("mail_signature", &st.signature);
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  widgets::end_modal_body();
  // Above the buttons, not at the end of the scrolled form where it is cut or out of sight.
  mail_banner("mail_collect_message", st.collect_message);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("mail_collect_cancel", tr(S::mail_cancel), half)) st.collect_open = false;
  ImGui::SameLine();
  if (widgets::button("mail_collect_save", tr(S::mail_collect_confirm), half, widgets::Tone::primary)) {
    const app::Status s = ctx.session.mail().collect(m.id, {static_cast<mail::Collector>(st.collector), st.collector_name, st.signature});
    if (s.ok()) {
      st.collect_open = false;
      st.message.clear();
    } else {
      st.collect_message = s.error().message;
    }
  }
  if (!st.collect_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace

void draw_mail_item(ScreenContext& ctx, const app::MailItem& m) {
  MailUi& st = ctx.state.mail;
  if (widgets::button("mail_back", tr(S::mail_back), 0, widgets::Tone::quiet)) {
    st.item = {};
    st.message.clear();
    return;
  }
  widgets::heading(mail_title(ctx.session, m).c_str());
  automation().record_last_item("mail_title", mail_title(ctx.session, m).c_str(), "label");
  details(ctx, m);
  notices(ctx, st, m);
  mail_banner("mail_message", st.message);
  if (m.waiting() && !ctx.session.read_only()) {
    ImGui::Dummy(ImVec2(0, ui().css(12)));
    if (widgets::button("mail_collect", tr(S::mail_collect_button), -1, widgets::Tone::primary)) {
      st.collect_open = true;
      st.collector = 0;
      st.collector_name = m.recipient;
      st.signature = {};
      st.collect_message.clear();
    }
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    widgets::text_field("mail_return_note", tr(S::mail_return_reason), &st.return_note);
    if (widgets::button("mail_return", tr(S::mail_return_button), -1)) {
      const app::Status s = ctx.session.mail().return_to_sender(m.id, st.return_note);
      st.message = s.ok() ? std::string() : s.error().message;
    }
  }
  collect_sheet(ctx, st, m);
}

}  // namespace shell
