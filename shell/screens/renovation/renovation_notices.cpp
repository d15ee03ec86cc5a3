// Violation notices (违规整改通知书) on an application: each with its number
// (N3-0007), what was found, the action ordered (停工 / 限期整改 by a date /
// 扣除押金 an amount / 清退施工队), its photos, and its follow-up — the day it
// was rectified (today, yesterday, the day before) and a note. The notice sheet issues a
// new one, from the application's page or from a round's stop at the unit,
// where it names the finding the butler has just raised.
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/core/money.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/notice_number.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace reno = app::renovation;

namespace shell {
namespace {

constexpr int kRectifyDays[] = {3, 7, 15, 30};

// Every action the notice orders (004:167: one notice may order several), each with its date or amount.
std::string action_text(const app::ViolationNotice& n) {
  std::string text;
  char part[96];
  for (int k = 0; k <= 3; ++k) {
    const auto a = static_cast<reno::Action>(k);
    if (!n.orders(a)) continue;
    if (!text.empty()) text += "、";
    text += tr(reno_action_label(a));
    if (a == reno::Action::rectify_by && n.rectify_by) {
      std::snprintf(part, sizeof part, tr(S::reno_rectify_by_line), day_label(n.rectify_by).c_str());
      text += std::string("（") + part + "）";
    } else if (a == reno::Action::deduct_deposit) {
      std::snprintf(part, sizeof part, tr(S::reno_deduct_line), reno_yuan(n.deduct_cents).c_str());
      text += std::string("（") + part + "）";
    }
  }
  return text;
}

// 同时： the other actions as toggles beside the main one (notice_also:k).
void also_toggles(NoticeDraft& d, const char* const* labels) {
  ImGui::TextUnformatted(tr(S::reno_notice_also));
  for (int k = 0, shown = 0; k < 4; ++k) {
    const std::int64_t bit = reno::action_bit(static_cast<reno::Action>(k));
    if (k == d.action) continue;
    if (shown++ > 0) ImGui::SameLine();
    char id[32];
    std::snprintf(id, sizeof id, "notice_also:%d", k);
    if (widgets::button(id, labels[k], 0, (d.also & bit) ? widgets::Tone::primary : widgets::Tone::normal)) d.also ^= bit;
  }
  d.also &= ~reno::action_bit(static_cast<reno::Action>(d.action));
}

void follow_up(ScreenContext& ctx, const app::Renovation& r, const app::ViolationNotice& n, int index) {
  RenovationUi& st = ctx.state.renovation;
  char id[48];
  if (st.follow_notice != n.id) {
    std::snprintf(id, sizeof id, "notice_follow:%d", index);
    if (widgets::button(id, tr(S::reno_follow_save), 0, widgets::Tone::primary)) {
      st.follow_notice = n.id;
      st.follow_day = 0;
      st.follow_note.clear();
    }
    ImGui::SameLine();
    std::snprintf(id, sizeof id, "notice_photo:%d", index);
    char label[64];
    std::snprintf(label, sizeof label, tr(S::inc_photo_count), static_cast<int>(ctx.session.estate().photos_of(n.id).size()));
    if (widgets::button(id, label, 0, widgets::Tone::normal, !ctx.photos.busy())) {
      const app::Id app_id = r.id, notice = n.id;
      ctx.photos.capture([&session = ctx.session, app_id, notice](const std::string& sha) {
        const auto added = session.renovation().add_violation_photo(app_id, notice, sha);
        return added.ok() ? app::ok_status() : app::Status(added.error());
      });
    }
    return;
  }
  const char* days[] = {tr(S::reno_today), tr(S::reno_yesterday), tr(S::reno_two_days)};
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::reno_follow_on));
  ImGui::SameLine();
  ImGui::BeginGroup();
  widgets::choices("notice_follow_day", days, 3, &st.follow_day);
  ImGui::EndGroup();
  widgets::text_field("notice_follow_note", tr(S::reno_follow_hint), &st.follow_note);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("notice_follow_save", tr(S::text_answer_save), half, widgets::Tone::primary)) {
    const std::int64_t day = app::add_days(ctx.session.today(), -st.follow_day);
    const app::Status s = ctx.session.renovation().follow_up_violation(r.id, n.id, day, st.follow_note);
    st.message = s.ok() ? std::string() : s.error().message;
    st.message_at = 4;
    if (s.ok()) st.follow_notice = {};
  }
  ImGui::SameLine();
  if (widgets::button("notice_follow_cancel", tr(S::inc_cancel), half)) st.follow_notice = {};
}

}  // namespace

void draw_renovation_notices(ScreenContext& ctx, const app::Renovation& r) {
  widgets::heading(tr(S::reno_notice_title));
  if (r.open() && widgets::button("renovation_notice_new", tr(S::reno_notice_new), -1, widgets::Tone::danger)) {
    open_notice_sheet(ctx, r);
  }
  draw_renovation_message(ctx.state.renovation, 4);
  if (r.notices.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::reno_no_notices));
  int index = 0;
  for (const app::ViolationNotice& n : r.notices) {
    if (!n.known()) continue;
    char id[40];
    std::snprintf(id, sizeof id, "notice_card:%d", index);
    widgets::begin_card(id);
    widgets::pill(tr(n.followed_up() ? S::reno_notice_done_pill : S::reno_notice_open_pill), n.followed_up() ? colors::ok : colors::danger);
    ImGui::SameLine();
    // Its number first: what the butler reads out and the office finds in notices.csv.
    char number[64];
    std::snprintf(number, sizeof number, tr(S::reno_notice_number), reno::notice_number(n).c_str());
    const std::string what = std::string(number) + " · " + n.what + " · " + action_text(n);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(what, colors::text);
    ImGui::PopTextWrapPos();
    std::snprintf(id, sizeof id, "notice:%d", index);
    automation().record_last_item(id, (std::string(tr(n.followed_up() ? S::reno_notice_done_pill : S::reno_notice_open_pill)) + " " + what).c_str(),
                                  "label");
    char line[240];
    std::snprintf(line, sizeof line, tr(S::reno_notice_issued), short_time(ctx.session.local(n.issued_ms)).c_str(),
                  ctx.session.estate().staff_name(n.by).c_str());
    widgets::data_text(line, colors::muted);
    if (n.followed_up()) {
      std::snprintf(line, sizeof line, tr(S::reno_notice_followed), day_label(n.rectified_day).c_str(),
                    (n.follow_note.empty() ? ctx.session.estate().staff_name(n.followed_by) : n.follow_note).c_str());
      ImGui::PushTextWrapPos(0.0f);
      widgets::data_text(line, colors::ok);
      ImGui::PopTextWrapPos();
    } else if (r.open()) {
      follow_up(ctx, r, n, index);
    }
    widgets::end_card();
    ++index;
  }
}

void open_notice_sheet(ScreenContext& ctx, const app::Renovation& r, const app::Finding* finding) {
  NoticeDraft& d = ctx.state.renovation.notice;
  d = NoticeDraft{};
  d.renovation = r.id;
  if (finding) {
    d.finding = finding->id;
    d.finding_label = finding->note;
    d.what = finding->note;
  }
}

void draw_notice_sheet(ScreenContext& ctx) {
  NoticeDraft& d = ctx.state.renovation.notice;
  const app::Renovation* r = !d.renovation.is_nil() ? ctx.session.renovation().renovation(d.renovation) : nullptr;
  bool open = r != nullptr;
  if (!widgets::begin_modal("##notice_sheet", open, true, 0)) return;
  widgets::heading(tr(S::reno_notice_title));
  widgets::begin_modal_body("##notice_body", ui().touch() + ui().css(24));
  if (const app::UnitRow* row = r ? ctx.session.estate().unit_row(r->unit) : nullptr) {
    widgets::data_text(row->label + " · " + r->contractor, colors::muted);
  }
  if (!d.finding.is_nil()) {
    char line[300];
    std::snprintf(line, sizeof line, tr(S::reno_notice_from_finding), d.finding_label.c_str());
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, colors::warn);
    ImGui::PopTextWrapPos();
    automation().record_last_item("notice_finding", line, "label");
  }
  widgets::text_field("notice_what", tr(S::reno_notice_what_hint), &d.what);
  ImGui::TextUnformatted(tr(S::reno_notice_action));
  const char* actions[] = {tr(S::reno_action_stop_work), tr(S::reno_action_rectify_by), tr(S::reno_action_deduct), tr(S::reno_action_expel)};
  widgets::choices("notice_action", actions, 4, &d.action, ui().portrait ? 2 : 4);
  also_toggles(d, actions);
  const std::int64_t today = ctx.session.today();
  const std::int64_t ordered = reno::action_bit(static_cast<reno::Action>(d.action)) | d.also;
  if (ordered & reno::action_bit(reno::Action::rectify_by)) {
    char texts[4][32];
    const char* labels[4];
    for (int k = 0; k < 4; ++k) {
      app::i18n::format_to(texts[k], sizeof texts[k], S::reno_rectify_days, kRectifyDays[k]);
      labels[k] = texts[k];
    }
    widgets::choices("notice_rectify", labels, 4, &d.rectify);
    char line[96];
    std::snprintf(line, sizeof line, tr(S::reno_rectify_by_line), day_label(app::add_days(today, kRectifyDays[d.rectify])).c_str());
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%s", line);
  }
  if (ordered & reno::action_bit(reno::Action::deduct_deposit)) {
    widgets::number_field("notice_deduct", tr(S::reno_deduct_hint), &d.deduct_yuan);
  }
  if (!d.message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", d.message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("notice_message", d.message.c_str(), "banner");
  }
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("notice_save", tr(S::reno_notice_save), half, widgets::Tone::danger) && r) {
    app::NewViolation n;
    n.what = d.what;
    n.action = static_cast<reno::Action>(d.action);
    n.also = d.also;
    if (ordered & reno::action_bit(reno::Action::rectify_by)) n.rectify_by = app::add_days(today, kRectifyDays[d.rectify]);
    bool ok = true;
    if (ordered & reno::action_bit(reno::Action::deduct_deposit)) {
      const std::optional<std::int64_t> cents = app::parse_yuan(d.deduct_yuan);
      if (cents) {
        n.deduct_cents = *cents;
      } else {
        d.message = tr(S::reno_not_amount);
        ok = false;
      }
    }
    n.finding = d.finding;
    if (ok) {
      const auto issued = ctx.session.renovation().issue_violation_notice(r->id, n);
      if (issued.ok()) d.renovation = {};
      else d.message = issued.error().message;
    }
  }
  ImGui::SameLine();
  if (widgets::button("notice_cancel", tr(S::inc_cancel), half)) d.renovation = {};
  if (d.renovation.is_nil()) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
