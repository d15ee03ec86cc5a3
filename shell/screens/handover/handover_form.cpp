// This shift's handover (本班交接), written by the outgoing staff (the
// tablet's user): what the product knows, gathered once when the form opens
// (keys out and lost, findings to verify, overdue tickets, callbacks due,
// model units not yet closed, the shift's incidents), the keys out with them
// to check off as handed over in person, free notes, their signature, and
// "提交交接". What is signed is what was read.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/handover/handover_screens.hpp"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void open_form(const app::Session& s, KeysUi& st) {
  st.handover_open = true;
  st.handover_items = s.handover().handover_prefill();
  st.handover_keys.clear();
  for (const app::KeyRecord* k : s.keys().keys_held_by(s.actor())) st.handover_keys.push_back(k->id);
  st.handover_checked.assign(st.handover_keys.size(), false);
  st.handover_notes.clear();
  st.outgoing_signature = app::Signature{};
  st.handover_message.clear();
}

void items(KeysUi& st) {
  keys_ui::label(S::handover_items);
  if (st.handover_items.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", tr(S::handover_items_none));
  ImGui::PushTextWrapPos(0.0f);
  int n = 0;
  for (const app::HandoverItem& item : st.handover_items) {
    widgets::data_text("· " + item.text, item.overdue ? colors::danger : colors::text);
    char id[32];
    std::snprintf(id, sizeof id, "handover_item:%d", n++);
    automation().record_last_item(id, item.text.c_str(), "label");
  }
  ImGui::PopTextWrapPos();
}

void keys_to_hand(const app::Session& s, KeysUi& st) {
  if (st.handover_keys.empty()) return;
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  keys_ui::label(S::handover_keys_check);
  for (std::size_t i = 0; i < st.handover_keys.size(); ++i) {
    const app::KeyRecord* k = s.keys().key(st.handover_keys[i]);
    if (!k) continue;
    const bool on = st.handover_checked[i];
    const std::string text = std::string(tr(on ? S::handover_key_checked : S::handover_key_unchecked)) + k->label;
    char bid[48];
    std::snprintf(bid, sizeof bid, "handover_key:%zu", i);
    if (widgets::button(bid, text.c_str(), -1, on ? widgets::Tone::primary : widgets::Tone::normal)) st.handover_checked[i] = !on;
  }
}

void submit(ScreenContext& ctx, KeysUi& st) {
  app::NewHandover h;
  h.items = st.handover_items;
  h.notes = st.handover_notes;
  for (std::size_t i = 0; i < st.handover_keys.size(); ++i) {
    if (st.handover_checked[i]) h.keys_handed.push_back(st.handover_keys[i]);
  }
  h.signature = st.outgoing_signature;
  const app::Result<app::Id> r = ctx.session.handover().write_handover(h);
  if (!r.ok()) {
    st.handover_message = r.error().message;
    return;
  }
  st.handover_open = false;
  st.handover_message.clear();
  st.takeover_open = false;
  st.takeover_message.clear();
}

}  // namespace

void draw_handover_form(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  widgets::heading(tr(S::handover_this_shift));
  if (!st.handover_open) {
    if (widgets::button("handover_write_open", tr(S::handover_write), -1, widgets::Tone::primary)) open_form(ctx.session, st);
    return;
  }
  widgets::begin_card("##handover_form");
  items(st);
  keys_to_hand(ctx.session, st);
  ImGui::Dummy(ImVec2(0, ui().css(4)));
  keys_ui::label(S::handover_notes);
  widgets::text_field("handover_notes", tr(S::handover_notes_hint), &st.handover_notes);
  keys_ui::label(S::handover_outgoing_sign);
  widgets::signature_pad("handover_out_signature", &st.outgoing_signature);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float third = (ImGui::GetContentRegionAvail().x - gap * 2) / 3;
  if (widgets::button("handover_cancel", tr(S::key_cancel), third)) st.handover_open = false;
  ImGui::SameLine();
  if (widgets::button("handover_out_clear", tr(S::handover_sign_clear), third, widgets::Tone::normal, !st.outgoing_signature.empty())) {
    st.outgoing_signature = app::Signature{};
  }
  ImGui::SameLine();
  if (widgets::button("handover_submit", tr(S::handover_submit), third, widgets::Tone::primary)) submit(ctx, st);
  keys_ui::banner("handover_message", st.handover_message);
  widgets::end_card();
}

}  // namespace shell
