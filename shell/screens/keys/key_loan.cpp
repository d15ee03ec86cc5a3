// The loan sheet (钥匙借用登记表): the keys picked, who borrows them — a
// colleague (this tablet's user first) or an outsider (contractor, owner,
// other) with name and phone — why (quick reasons from the manuals, or free
// words), and when back: today (000:407 当天借用，当天归还) — a later day is
// offered only to the manager, whose exception it is — and the borrower's
// signature (000:425 使用人须签收).
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
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace kk = app::keys;

namespace shell {
namespace {

constexpr S kReasons[] = {S::key_reason_repair, S::key_reason_vacant_check, S::key_reason_renovation,
                          S::key_reason_model_unit, S::key_reason_viewing, S::key_reason_equipment};

// The staff a key may be lent to: this tablet's user first, then colleagues.
std::vector<const app::Staff*> borrowers(const app::Session& s) {
  std::vector<const app::Staff*> out;
  if (const app::Staff* me = s.estate().staff(s.actor())) out.push_back(me);
  for (const app::Staff* c : s.estate().colleagues()) out.push_back(c);
  return out;
}

void keys_picked(ScreenContext& ctx, KeysUi& st) {
  int n = 0;
  for (std::size_t i = 0; i < st.picked.size(); ++i) {
    const app::KeyRecord* k = ctx.session.keys().key(st.picked[i]);
    if (!k) continue;
    char rid[32];
    std::snprintf(rid, sizeof rid, "loan_key:%d", n++);
    if (widgets::list_row(rid, k->label.c_str(), tr(S::key_unpick_hint))) {
      st.picked.erase(st.picked.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
}

void borrower(ScreenContext& ctx, KeysUi& st) {
  keys_ui::label(S::key_borrower);
  const char* kinds[] = {tr(S::key_borrower_staff), tr(S::key_borrower_contractor), tr(S::key_borrower_owner), tr(S::key_borrower_other)};
  if (widgets::choices("loan_kind", kinds, 4, &st.borrower_kind)) st.loan_message.clear();
  if (st.borrower_kind == 0) {
    const auto people = borrowers(ctx.session);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < people.size(); ++i) {
      names.push_back(people[i]->name + (i == 0 && people[i]->id == ctx.session.actor() ? tr(S::key_me_suffix) : ""));
      ui().fonts->request_text(names.back().c_str());
    }
    if (st.borrower_staff >= static_cast<int>(names.size())) st.borrower_staff = 0;
    if (!st.staff_list_open && !names.empty()) {
      // Chosen: one line and "change" (the list is the whole staff).
      const float change_w = ImGui::CalcTextSize(tr(S::key_staff_change)).x + ui().css(40);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float right = at.x + ImGui::GetContentRegionAvail().x;
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (ui().touch() - ImGui::GetTextLineHeight()) * 0.5f));
      const std::string& chosen = names[static_cast<std::size_t>(st.borrower_staff)];
      widgets::data_text(chosen, colors::text);
      automation().record_last_item("loan_staff_picked", chosen.c_str(), "label");
      ImGui::SetCursorScreenPos(ImVec2(right - change_w, at.y));
      if (widgets::button("loan_staff_change", tr(S::key_staff_change), change_w)) st.staff_list_open = true;
      return;
    }
    std::vector<const char*> labels;
    for (const std::string& n : names) labels.push_back(n.c_str());
    if (!labels.empty() && widgets::choices("loan_staff", labels.data(), static_cast<int>(labels.size()), &st.borrower_staff, ui().portrait ? 3 : 4)) {
      st.staff_list_open = false;
      st.loan_message.clear();
    }
    return;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  widgets::text_field("loan_name", tr(S::key_borrower_name), &st.borrower_name, half);
  ImGui::SameLine();
  widgets::text_field("loan_phone", tr(S::key_borrower_phone), &st.borrower_phone, half);
}

void reason_and_due(const app::Session& s, KeysUi& st) {
  keys_ui::label(S::key_reason);
  const char* quick[std::size(kReasons)];
  for (std::size_t i = 0; i < std::size(kReasons); ++i) quick[i] = tr(kReasons[i]);
  int chosen = -1;
  for (std::size_t i = 0; i < std::size(kReasons); ++i) if (st.reason == quick[i]) chosen = static_cast<int>(i);
  if (widgets::choices("loan_reason_chip", quick, static_cast<int>(std::size(kReasons)), &chosen, 3)) st.reason = quick[chosen];
  widgets::text_field("loan_reason", tr(S::key_reason_hint), &st.reason);
  keys_ui::label(S::key_due);
  // 000:407: no later day by default; the manager, whose exception it is, may choose one.
  const char* due[] = {tr(S::key_due_today), tr(S::key_due_tomorrow), tr(S::key_due_three_days)};
  if (!s.keys().may_approve_overnight()) st.due_choice = 0;
  if (widgets::choices("loan_due", due, s.keys().may_approve_overnight() ? 3 : 1, &st.due_choice)) st.loan_message.clear();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_due_rule));
  keys_ui::label(S::key_loan_sign);
  widgets::signature_pad("loan_signature", &st.loan_signature);
  ImGui::Dummy(ImVec2(0, ui().css(8)));  // the pad's lower edge clear of the sheet's end, whole when scrolled down
}

void save(ScreenContext& ctx, KeysUi& st) {
  app::Session& s = ctx.session;
  app::NewLoan loan;
  loan.keys = st.picked;
  loan.borrower_kind = static_cast<kk::BorrowerKind>(st.borrower_kind);
  if (st.borrower_kind == 0) {
    const auto people = borrowers(s);
    if (st.borrower_staff < static_cast<int>(people.size())) loan.staff = people[static_cast<std::size_t>(st.borrower_staff)]->id;
  } else {
    loan.name = st.borrower_name;
    loan.phone = st.borrower_phone;
  }
  loan.reason = st.reason;
  loan.signature = st.loan_signature;
  if (st.due_choice > 0) loan.due_ms = keys_ui::end_of_today(s) + (st.due_choice == 1 ? 1 : 3) * 24 * 3600000ll - 6 * 3600000ll;
  const app::Result<app::Id> r = s.keys().lend(loan);
  if (!r.ok()) {
    st.loan_message = r.error().message;
    return;
  }
  st.loan_open = false;
  st.picked.clear();
  st.message.clear();
  st.loan_signature = {};
}

}  // namespace

void open_loan_sheet(KeysUi& st) {
  st.loan_open = true;
  st.loan_message.clear();
  st.borrower_kind = 0;
  st.borrower_staff = 0;
  st.staff_list_open = false;
  st.borrower_name.clear();
  st.borrower_phone.clear();
  st.reason.clear();
  st.due_choice = 0;
  st.loan_signature = {};
}

void draw_loan_sheet(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  if (st.loan_open && st.picked.empty()) st.loan_open = false;
  if (!widgets::begin_modal("##key_loan", st.loan_open, true)) return;
  widgets::heading(tr(S::key_loan_title));
  widgets::begin_modal_body("##key_loan_body", ui().touch() + ui().css(24));
  keys_picked(ctx, st);
  borrower(ctx, st);
  reason_and_due(ctx.session, st);
  keys_ui::banner("loan_message", st.loan_message);
  widgets::end_modal_body();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("loan_cancel", tr(S::key_cancel), half)) st.loan_open = false;
  ImGui::SameLine();
  if (widgets::button("loan_save", tr(S::key_lend_confirm), half, widgets::Tone::primary)) save(ctx, st);
  if (!st.loan_open) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
