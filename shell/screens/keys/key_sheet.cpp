// A key's sheet, opened from its tile: what it is (label, kind, set, filing),
// where it is (in the cabinet; out with whom since when and due when, red
// once overdue; lost since when), the actions its status allows — pick it for
// a loan, lend it, return it, report it lost with how, follow a lost key up
// (found, a note; a replacement is the manager's) — and its whole history.
// One Session command per button; a refusal shows in words.
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace kk = app::keys;
using shell::keys_ui::Shown;

namespace shell {
namespace {

template <class R>
bool done(KeysUi& st, const R& r) {
  st.key_message = r.ok() ? std::string() : r.error().message;
  if (!r.ok()) return false;
  st.key_note.clear();
  st.key_form = 0;
  return true;
}

void where(const app::Session& s, const app::KeyRecord& k, Shown shown) {
  std::string what = tr(k.kind == kk::KeyKind::unit ? S::key_kind_unit : S::key_kind_public);
  if (k.kind == kk::KeyKind::public_area) what += std::string(" · ") + keys_ui::set_word(k) + " · " + k.category + " → " + k.system;
  widgets::data_text(what, colors::muted);
  std::string status = keys_ui::status_word(shown);
  if (k.status == kk::KeyStatus::out) {
    status += " · " + keys_ui::holder_line(s, k);
    if (const app::Loan* l = s.keys().loan(k.loan)) {
      status += " · " + countdown_text(s.keys().loan_due(*l), s.lateness_now_ms());
      if (!l->reason.empty()) status += std::string(" · ") + tr(S::key_reason_prefix) + l->reason;
      if (!l->approved_by.is_nil()) {  // 000:407's exception, and who made it
        char line[256];
        std::snprintf(line, sizeof line, tr(S::key_overnight_by), s.estate().staff_name(l->approved_by).c_str(), l->approval_note.c_str());
        status += std::string(" · ") + line;
      }
      if (!l->signature.empty()) status += std::string(" · ") + tr(S::key_signed_by_borrower);
    }
  } else if (k.status == kk::KeyStatus::lost) {
    for (const app::KeyEvent* e : s.keys().key_events_of(k.id)) {
      if (e->id == k.lost_report) status += " · " + short_time(s.local(e->at_ms)) + " " + e->note;
    }
  }
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(status, keys_ui::status_color(shown));
  ImGui::PopTextWrapPos();
  automation().record_last_item("key_status", status.c_str(), "label");
}

void actions(ScreenContext& ctx, const app::KeyRecord& k, KeysUi& st) {
  app::Session& s = ctx.session;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  const app::Id id = k.id;
  if (st.key_form == 1) {  // reporting it lost
    keys_ui::label(S::key_lost_how);
    widgets::text_field("key_note", tr(S::key_lost_how), &st.key_note);
    if (widgets::button("key_lost_cancel", tr(S::key_cancel), half)) st.key_form = 0;
    ImGui::SameLine();
    if (widgets::button("key_lost_confirm", tr(S::key_report_lost), half, widgets::Tone::danger)) {
      if (done(st, s.keys().report_key_lost(id, st.key_note))) st.picked.erase(std::remove(st.picked.begin(), st.picked.end(), id), st.picked.end());
    }
    return;
  }
  switch (k.status) {
    case kk::KeyStatus::in: {
      const bool in_tray = keys_ui::picked(st, id);
      if (widgets::button("key_pick", tr(in_tray ? S::key_unpick : S::key_pick), half)) {
        if (in_tray) st.picked.erase(std::remove(st.picked.begin(), st.picked.end(), id), st.picked.end());
        else st.picked.push_back(id);
        st.open_key = {};
      }
      ImGui::SameLine();
      if (widgets::button("key_lend_one", tr(S::key_lend), half, widgets::Tone::primary)) {
        if (!in_tray) st.picked.push_back(id);
        st.open_key = {};
        open_loan_sheet(st);
      }
      if (widgets::button("key_lost_open", tr(S::key_report_lost), -1)) st.key_form = 1;
      break;
    }
    case kk::KeyStatus::out:
      widgets::text_field("key_note", tr(S::key_return_note), &st.key_note);
      if (widgets::button("key_lost_open", tr(S::key_report_lost), half)) st.key_form = 1;
      ImGui::SameLine();
      if (widgets::button("key_return", tr(S::key_return), half, widgets::Tone::primary)) done(st, s.keys().return_key(id, st.key_note));
      // 000:407: keeping it overnight is the manager's exception (tomorrow 18:00; the note is why).
      if (s.keys().may_approve_overnight() && widgets::button("key_overnight", tr(S::key_overnight_approve), -1)) {
        done(st, s.keys().approve_overnight(k.loan, keys_ui::end_of_today(s) + 18 * 3600000ll, st.key_note));
      }
      break;
    case kk::KeyStatus::lost:
      keys_ui::label(S::key_follow_note);
      widgets::text_field("key_note", tr(S::key_follow_hint), &st.key_note);
      if (widgets::button("key_follow_note", tr(S::key_follow_record), half)) done(st, s.keys().follow_up_lost_key(id, kk::FollowUp::note, st.key_note));
      ImGui::SameLine();
      if (widgets::button("key_found", tr(S::key_follow_found), half, widgets::Tone::primary)) done(st, s.keys().follow_up_lost_key(id, kk::FollowUp::found, st.key_note));
      // Cutting a new key or changing the lock: the manager's call (the Session says so to anyone else).
      if (s.estate().lead_signed_in() && widgets::button("key_replaced", tr(S::key_follow_replaced), -1)) {
        done(st, s.keys().follow_up_lost_key(id, kk::FollowUp::replaced, st.key_note));
      }
      break;
  }
}

}  // namespace

void draw_key_sheet(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  const app::Id id = st.open_key;
  const app::KeyRecord* k = !id.is_nil() ? ctx.session.keys().key(id) : nullptr;
  if (!k) st.open_key = {};
  if (!widgets::begin_modal("##key_sheet", k != nullptr, true)) return;
  if (k) {
    const Shown shown = keys_ui::shown_status(ctx.session, *k);
    ui().fonts->request_title_text(k->label.c_str());
    widgets::heading(k->label.c_str());
    automation().record_last_item("key_title", k->label.c_str(), "label");
    widgets::begin_modal_body("##key_sheet_body", ui().touch() + ui().css(24));
    where(ctx.session, *k, shown);
    ImGui::Dummy(ImVec2(0, ui().css(4)));
    actions(ctx, *k, st);
    keys_ui::banner("key_message", st.key_message);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    keys_ui::label(S::key_history);
    if (const app::KeyRecord* again = ctx.session.keys().key(id)) keys_ui::history_list(ctx.session, ctx.session.keys().key_history(again->id), "key_hist", false);
    widgets::end_modal_body();
    if (widgets::button("key_sheet_close", tr(S::key_close), -1)) st.open_key = {};
  }
  if (st.open_key.is_nil()) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
