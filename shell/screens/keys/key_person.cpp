// People and their keys: every colleague with the keys they hold now (red
// when one is overdue), and a person's sheet — the keys held, each returned
// in one tap, their whole key history, and for the head butler 离职 / 调岗,
// which the Session refuses while keys are still out with them, naming them:
// the refusal and the list stay side by side so the keys can be chased.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/domain/role_labels.hpp"
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

std::vector<const app::Staff*> people(const app::Session& s) {
  std::vector<const app::Staff*> out;
  if (const app::Staff* me = s.estate().staff(s.actor())) out.push_back(me);
  for (const app::Staff* c : s.estate().colleagues()) out.push_back(c);
  return out;
}

void open_person(KeysUi& st, const app::Id& id) {
  st.person = id;
  st.departure_kind = 0;
  st.departure_note.clear();
  st.person_message.clear();
}

void departure(ScreenContext& ctx, const app::Staff& who, KeysUi& st) {
  app::Session& s = ctx.session;
  if (const app::Departure* d = s.keys().departure_of(who.id)) {
    char line[192];
    std::snprintf(line, sizeof line, tr(S::key_departed), tr(d->kind == kk::DepartureKind::leaves ? S::key_departure_leaves : S::key_departure_changes_post),
                  short_time(s.local(d->at_ms)).c_str(), s.estate().staff_name(d->by).c_str());
    widgets::data_text(line, colors::warn);
    automation().record_last_item("person_departed", line, "label");
  }
  if (!s.estate().lead_signed_in() || who.id == s.actor()) return;
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  keys_ui::label(S::key_departure_title);
  const char* kinds[] = {tr(S::key_departure_leaves), tr(S::key_departure_changes_post)};
  widgets::choices("departure_kind", kinds, 2, &st.departure_kind);
  widgets::text_field("departure_note", tr(S::key_departure_note), &st.departure_note);
  if (widgets::button("departure_record", tr(S::key_departure_record), -1, widgets::Tone::primary)) {
    const app::Result<app::Id> r = s.keys().record_departure(who.id, static_cast<kk::DepartureKind>(st.departure_kind), st.departure_note);
    st.person_message = r.ok() ? std::string() : r.error().message;
    if (r.ok()) st.departure_note.clear();
  }
}

}  // namespace

void draw_key_people(ScreenContext& ctx) {
  const app::Session& s = ctx.session;
  int n = 0;
  for (const app::Staff* p : people(s)) {
    const auto held = s.keys().keys_held_by(p->id);
    bool late = false;
    for (const app::KeyRecord* k : held) late = late || keys_ui::shown_status(s, *k) == Shown::overdue;
    char id[32], pill[64];
    std::snprintf(id, sizeof id, "person:%d", n++);
    std::snprintf(pill, sizeof pill, tr(S::key_person_holds), static_cast<int>(held.size()));
    std::string sub = tr(app::role_label(p->role));
    if (s.keys().departure_of(p->id)) sub += std::string(" · ") + tr(s.keys().departure_of(p->id)->kind == kk::DepartureKind::leaves ? S::key_departure_leaves : S::key_departure_changes_post);
    if (widgets::list_row(id, p->name.c_str(), sub.c_str(), held.empty() ? nullptr : pill, late ? colors::danger : colors::primary)) {
      open_person(ctx.state.keys, p->id);
    }
  }
}

void draw_person_sheet(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  const app::Id id = st.person;
  const app::Staff* who = !id.is_nil() ? ctx.session.estate().staff(id) : nullptr;
  if (!who) st.person = {};
  if (!widgets::begin_modal("##key_person", who != nullptr, true)) return;
  if (who) {
    app::Session& s = ctx.session;
    ui().fonts->request_title_text(who->name.c_str());
    widgets::heading(who->name.c_str());
    widgets::begin_modal_body("##key_person_body", ui().touch() + ui().css(24));
    const auto held = s.keys().keys_held_by(id);
    char line[96];
    app::i18n::format_to(line, sizeof line, S::key_person_holding, static_cast<int>(held.size()));
    keys_ui::label(S::key_person_keys);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(held.empty() ? colors::ok : colors::primary), "%s", line);
    automation().record_last_item("person_holding", line, "label");
    std::vector<app::Id> ids;
    for (const app::KeyRecord* k : held) ids.push_back(k->id);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const app::KeyRecord* k = s.keys().key(ids[i]);
      if (!k) continue;
      const Shown shown = keys_ui::shown_status(s, *k);
      char rid[48];
      std::snprintf(rid, sizeof rid, "person_return:%zu", i);
      // The key and its loan on the left, its return on the right (screen coordinates: inside a modal body).
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float right = at.x + ImGui::GetContentRegionAvail().x;
      const float bw = ImGui::CalcTextSize(tr(S::key_return)).x + ui().css(40);
      ImGui::PushTextWrapPos(right - bw - ImGui::GetCursorScreenPos().x + ImGui::GetCursorPosX() - ui().css(8));
      widgets::data_text(k->label, keys_ui::status_color(shown));
      automation().record_last_item((std::string("person_key:") + std::to_string(i)).c_str(), k->label.c_str(), "label");
      widgets::data_text(keys_ui::holder_line(s, *k), colors::muted);
      ImGui::PopTextWrapPos();
      const float text_end = ImGui::GetCursorScreenPos().y;
      ImGui::SetCursorScreenPos(ImVec2(right - bw, at.y));
      if (widgets::button(rid, tr(S::key_return), bw, widgets::Tone::primary)) {
        const app::Status r = s.keys().return_key(ids[i]);
        st.person_message = r.ok() ? std::string() : r.error().message;
      }
      const float end = std::max(text_end, ImGui::GetCursorScreenPos().y);
      ImGui::SetCursorScreenPos(ImVec2(at.x, end));
      ImGui::Dummy(ImVec2(0, 0));
    }
    departure(ctx, *s.estate().staff(id), st);
    keys_ui::banner("person_message", st.person_message);
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    keys_ui::label(S::key_history);
    keys_ui::history_list(s, s.keys().staff_key_history(id), "person_hist", true);
    widgets::end_modal_body();
    if (widgets::button("person_close", tr(S::key_close), -1)) st.person = {};
  }
  if (st.person.is_nil()) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace shell
