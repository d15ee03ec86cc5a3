// The shift handover (交接班), read first at the start of a shift: the last
// handover — who wrote it and when, its items as they were then (red when
// overdue), the notes, the keys handed over and whether it has been taken
// over. Until it is, "接班": the incoming staff picks themself from the
// colleagues on this tablet and signs; the keys checked off become theirs.
// Below it this shift's own handover (handover_form.cpp); for the head butler,
// handovers taken over twice (two tablets offline) close the section.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/handover/handover_screens.hpp"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/signature_pad.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

// Who may take it over on this tablet: anyone but its writer.
std::vector<const app::Staff*> incoming_choices(const app::Session& s, const app::Handover& h) {
  std::vector<const app::Staff*> out;
  if (const app::Staff* me = s.estate().staff(s.actor()); me && me->id != h.outgoing) out.push_back(me);
  for (const app::Staff* c : s.estate().colleagues()) if (c->id != h.outgoing) out.push_back(c);
  return out;
}

void take_over(ScreenContext& ctx, const app::Handover& h, KeysUi& st) {
  app::Session& s = ctx.session;
  if (!st.takeover_open) {
    if (widgets::button("handover_take_open", tr(S::handover_take_over), -1, widgets::Tone::primary)) {
      st.takeover_open = true;
      st.incoming = -1;
      st.incoming_signature = app::Signature{};
      st.takeover_message.clear();
    }
    return;
  }
  keys_ui::label(S::handover_incoming_who);
  const auto people = incoming_choices(s, h);
  std::vector<std::string> names;
  for (const app::Staff* p : people) {
    names.push_back(p->name);
    ui().fonts->request_text(p->name.c_str());
  }
  std::vector<const char*> labels;
  for (const std::string& n : names) labels.push_back(n.c_str());
  if (!labels.empty()) widgets::choices("handover_incoming", labels.data(), static_cast<int>(labels.size()), &st.incoming, ui().portrait ? 3 : 4);
  keys_ui::label(S::handover_incoming_sign);
  widgets::signature_pad("handover_in_signature", &st.incoming_signature);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float third = (ImGui::GetContentRegionAvail().x - gap * 2) / 3;
  if (widgets::button("handover_take_cancel", tr(S::key_cancel), third)) st.takeover_open = false;
  ImGui::SameLine();
  if (widgets::button("handover_in_clear", tr(S::handover_sign_clear), third, widgets::Tone::normal, !st.incoming_signature.empty())) {
    st.incoming_signature = app::Signature{};
  }
  ImGui::SameLine();
  if (widgets::button("handover_confirm", tr(S::handover_confirm), third, widgets::Tone::primary)) {
    if (st.incoming < 0 || st.incoming >= static_cast<int>(people.size())) {
      st.takeover_message = tr(S::handover_pick_incoming);
    } else {
      const app::Id handover = h.id;
      const app::Result<app::Id> r = s.handover().confirm_handover(handover, people[static_cast<std::size_t>(st.incoming)]->id, st.incoming_signature);
      st.takeover_message = r.ok() ? std::string() : r.error().message;
      if (r.ok()) st.takeover_open = false;
    }
  }
}

// Whether a line was written in Chinese (CJK in it: UTF-8 lead bytes
// 0xE3..0xE9 cover U+3000..U+9FFF).
bool in_chinese(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xE9) return true;
  }
  return false;
}

// A handover's lines are frozen as the writer's tablet wrote them: read in
// the other language, they are shown as written and said to be so.
void as_written_note(const app::Handover& h) {
  const bool reader_chinese = app::i18n::current_language() == app::i18n::Lang::zh_CN;
  bool other = false;
  for (const app::HandoverItem& item : h.items) other = other || in_chinese(item.text) != reader_chinese;
  if (!other) return;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::handover_as_written));
  automation().record_last_item("handover_as_written", tr(S::handover_as_written), "label");
}

void last_handover(ScreenContext& ctx, KeysUi& st) {
  const app::Session& s = ctx.session;
  widgets::heading(tr(S::handover_last));
  const app::Handover* h = s.handover().last_handover();
  if (!h) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::handover_none));
    return;
  }
  widgets::begin_card("##handover_last");
  ImGui::PushTextWrapPos(0.0f);
  char line[256];
  app::i18n::format_to(line, sizeof line, S::handover_written_by, s.estate().staff_name(h->outgoing).c_str(), short_time(s.local(h->written_ms)).c_str(),
                static_cast<int>(h->item_count));
  widgets::data_text(line, colors::text);
  automation().record_last_item("handover_last_by", line, "label");
  as_written_note(*h);
  int n = 0;
  for (const app::HandoverItem& item : h->items) {
    widgets::data_text("· " + item.text, item.overdue ? colors::danger : colors::text);
    char id[32];
    std::snprintf(id, sizeof id, "handover_last_item:%d", n++);
    automation().record_last_item(id, item.text.c_str(), "label");
  }
  if (!h->notes.empty()) {
    const std::string notes = std::string(tr(S::handover_notes_prefix)) + h->notes;
    widgets::data_text(notes, colors::text);
    automation().record_last_item("handover_last_notes", notes.c_str(), "label");
  }
  std::string keys;
  for (const app::Id& k : h->keys_handed) if (const app::KeyRecord* r = s.keys().key(k)) keys += (keys.empty() ? "" : "、") + r->label;
  if (!keys.empty()) {
    const std::string text = std::string(tr(S::handover_keys_prefix)) + keys;
    widgets::data_text(text, colors::text);
    automation().record_last_item("handover_last_keys", text.c_str(), "label");
  }
  if (const auto sig = app::decode_signature(h->outgoing_signature)) widgets::signature_view(*sig, ui().css(200));
  if (h->confirmed()) {
    std::snprintf(line, sizeof line, tr(S::handover_taken_by), s.estate().staff_name(h->incoming).c_str(), short_time(s.local(h->confirmed_ms)).c_str());
    widgets::data_text(line, colors::ok);
    automation().record_last_item("handover_last_status", line, "label");
    if (const auto sig = app::decode_signature(h->incoming_signature)) widgets::signature_view(*sig, ui().css(200));
  } else {
    std::snprintf(line, sizeof line, "%s", tr(S::handover_not_taken));
    widgets::data_text(line, colors::warn);
    automation().record_last_item("handover_last_status", line, "label");
  }
  ImGui::PopTextWrapPos();
  if (!h->confirmed()) take_over(ctx, *h, st);
  keys_ui::banner("handover_take_message", st.takeover_message);
  widgets::end_card();
}

void conflicts(ScreenContext& ctx) {
  const app::Session& s = ctx.session;
  if (!s.estate().lead_signed_in()) return;
  const auto list = s.handover().handover_conflicts();
  if (list.empty()) return;
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  widgets::heading(tr(S::handover_conflicts_title));
  int n = 0;
  for (const auto& [h, refused] : list) {
    char id[32];
    std::snprintf(id, sizeof id, "handover_conflict:%d", n++);
    const std::string title = s.estate().staff_name(h->outgoing) + " · " + short_time(s.local(h->written_ms));
    const std::string sub = short_time(s.local(refused->at_ms)) + " · " + s.estate().staff_name(refused->incoming) + " · " + tr(S::handover_conflict_twice);
    widgets::list_row(id, title.c_str(), sub.c_str(), tr(S::key_conflict_pill), colors::danger);
  }
}

}  // namespace

void draw_handover(ScreenContext& ctx) {
  last_handover(ctx, ctx.state.keys);
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  draw_handover_form(ctx);
  conflicts(ctx);
}

}  // namespace shell
