// 钥匙柜管理: the cabinet's upkeep, for whoever keeps it (the head butler, the
// manager, the front desk — Session::keys().may_keep_cabinet()). The keys in
// use as a list (label; kind, where it belongs and its short number), a search
// by label or number, and on a tap the key's sheet: a new label, picked for the
// label sheet or not, and retire (asked twice; the Session refuses a key out
// on loan). Above the list: 登记钥匙 (key_cabinet_add.cpp) and 打印标签
// (key_label_print.cpp).
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
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

bool for_print(const KeysUi& st, const app::Id& key) {
  return std::find(st.print_picked.begin(), st.print_picked.end(), key) != st.print_picked.end();
}

void open_cabinet_key(KeysUi& st, const app::KeyRecord& k) {
  st.cabinet_key = k.id;
  st.cabinet_label = k.label;
  st.cabinet_retiring = false;
  st.cabinet_message.clear();
  st.cabinet_done.clear();
}

void done(KeysUi& st, std::string what) {
  st.cabinet_done = std::move(what);
  st.cabinet_message.clear();
  st.cabinet_key = {};
}

std::string subtitle(const app::KeyLabel& l) {
  return l.kind + " · " + l.place + " · " + tr(S::key_label_number) + " " + l.code;
}

// The key's sheet: relabel, pick for printing, retire.
void key_sheet(ScreenContext& ctx, KeysUi& st) {
  app::Session& s = ctx.session;
  const app::KeyRecord* k = st.cabinet_key.is_nil() ? nullptr : s.keys().key(st.cabinet_key);
  if (!k || k->retired) st.cabinet_key = {};
  if (!widgets::begin_modal("##cabinet_key", !st.cabinet_key.is_nil(), true)) return;
  if (k && !st.cabinet_key.is_nil()) {
    const app::Id id = k->id;
    const std::vector<app::KeyLabel> labels = s.keys().key_labels({id});
    ui().fonts->request_title_text(k->label.c_str());
    widgets::heading(k->label.c_str());
    automation().record_last_item("cabinet_title", k->label.c_str(), "label");
    widgets::begin_modal_body("##cabinet_key_body", ui().touch() + ui().css(24));
    if (!labels.empty()) {
      ImGui::PushTextWrapPos(0.0f);
      widgets::data_text(labels.front().kind + " · " + labels.front().place, colors::muted);
      widgets::data_text(std::string(tr(S::key_label_number)) + " " + labels.front().number, colors::muted);
      ImGui::PopTextWrapPos();
    }
    keys_ui::label(S::key_manage_new_label);
    widgets::text_field("cabinet_label", tr(S::key_manage_new_label), &st.cabinet_label);
    if (widgets::button("cabinet_relabel", tr(S::key_manage_save_label), -1, widgets::Tone::primary)) {
      const app::Status r = s.keys().relabel_key(id, st.cabinet_label);
      if (r.ok()) done(st, app::i18n::format(S::key_manage_relabelled, s.keys().key(id)->label.c_str()));
      else st.cabinet_message = r.error().message;
    }
    const bool picked = for_print(st, id);
    if (widgets::button("cabinet_pick_print", tr(picked ? S::key_manage_unpick_print : S::key_manage_pick_print), -1)) {
      if (picked) st.print_picked.erase(std::remove(st.print_picked.begin(), st.print_picked.end(), id), st.print_picked.end());
      else st.print_picked.push_back(id);
    }
    ImGui::Dummy(ImVec2(0, ui().css(8)));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_manage_retire_hint));
    ImGui::PopTextWrapPos();
    if (!st.cabinet_retiring) {
      if (widgets::button("cabinet_retire", tr(S::key_manage_retire), -1)) st.cabinet_retiring = true;
    } else if (widgets::button("cabinet_retire_confirm", tr(S::key_manage_retire_confirm), -1, widgets::Tone::danger)) {
      const std::string label = k->label;
      const app::Status r = s.keys().retire_key(id);
      if (r.ok()) {
        st.print_picked.erase(std::remove(st.print_picked.begin(), st.print_picked.end(), id), st.print_picked.end());
        done(st, app::i18n::format(S::key_manage_retired, label.c_str()));
      } else {
        st.cabinet_message = r.error().message;
        st.cabinet_retiring = false;
      }
    }
    keys_ui::banner("cabinet_message", st.cabinet_message);
    widgets::end_modal_body();
    if (widgets::button("cabinet_sheet_close", tr(S::key_close), -1)) st.cabinet_key = {};
  }
  if (st.cabinet_key.is_nil()) ImGui::CloseCurrentPopup();
  widgets::end_modal();
}

}  // namespace

void draw_key_cabinet(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  const app::Session& s = ctx.session;
  std::vector<app::Id> ids;
  for (const app::KeyRow& row : s.keys().filed_keys()) {
    if (!row.key->retired) ids.push_back(row.key->id);
  }
  const std::vector<app::KeyLabel> labels = s.keys().key_labels(ids);
  const std::string count = app::i18n::format(S::key_manage_count, static_cast<int>(labels.size()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", count.c_str());
  automation().record_last_item("cabinet_count", count.c_str(), "label");
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("cabinet_add", tr(S::key_manage_add), half, widgets::Tone::primary)) open_key_add(st);
  ImGui::SameLine();
  std::string print = tr(S::key_manage_print);
  if (!st.print_picked.empty()) print += " (" + std::to_string(st.print_picked.size()) + ")";
  if (widgets::button("cabinet_print", print.c_str(), half)) open_label_print(st);
  widgets::text_field("cabinet_search", tr(S::key_search), &st.cabinet_query);
  if (!st.cabinet_done.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(st.cabinet_done, colors::ok);
    ImGui::PopTextWrapPos();
    automation().record_last_item("cabinet_done", st.cabinet_done.c_str(), "label");
  }

  // Every key in use is a row; rows off screen are only spaced.
  const float row_h = std::max(ui().touch(), ImGui::GetTextLineHeight() * 2 + ui().css(22));
  int n = 0, shown = 0;
  for (const app::KeyLabel& l : labels) {
    const int index = n++;
    if (!st.cabinet_query.empty() && l.label.find(st.cabinet_query) == std::string::npos && l.number.find(st.cabinet_query) == std::string::npos) {
      continue;
    }
    ++shown;
    if (!ImGui::IsRectVisible(ImVec2(ImGui::GetContentRegionAvail().x, row_h))) {
      ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, row_h));
      continue;
    }
    char id[32];
    std::snprintf(id, sizeof id, "cabinet_key:%d", index);
    const std::string sub = subtitle(l);
    const bool picked = for_print(st, l.key);
    if (widgets::list_row(id, l.label.c_str(), sub.c_str(), picked ? tr(S::key_manage_print_mark) : nullptr, colors::accent, picked)) {
      if (const app::KeyRecord* k = s.keys().key(l.key)) open_cabinet_key(st, *k);
    }
  }
  if (shown == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_none_match));
  key_sheet(ctx, st);
  draw_key_add(ctx);
  draw_label_print(ctx);
}

}  // namespace shell
