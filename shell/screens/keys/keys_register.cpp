// The key cabinet (钥匙管理) as a board: filter chips (在柜 / 借出 / 逾期 /
// 遗失), a search by label, unit keys under building → floor, public keys
// under equipment category → system with their set; each key a tile in its
// status colour (overdue in red). A tap opens the key (key_sheet.cpp); keys
// picked for one loan wait in the tray above the board (key_loan.cpp). The
// second view lists the people and the keys they hold (key_person.cpp); a
// third, for whoever keeps the cabinet, its upkeep (key_cabinet_edit.cpp). For
// the head butler, conflicts two tablets left close the section.
#include <algorithm>
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/screens/keys/keys_common.hpp"
#include "shell/screens/keys/keys_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/screens/sections.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"
#include "shell/ui/press_guard.hpp"

using app::i18n::S;
using app::i18n::tr;
using shell::keys_ui::Shown;

namespace shell {
namespace {

bool passes(int filter, Shown st) {
  switch (filter) {
    case 1: return st == Shown::in;
    case 2: return st == Shown::out || st == Shown::overdue;
    case 3: return st == Shown::overdue;
    case 4: return st == Shown::lost;
    default: return true;
  }
}

// A key's tile: its label, and under it its status (and holder when out).
bool key_tile(const char* id, const app::Session& s, const app::KeyRecord& k, Shown st, bool is_picked, float w, float h) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::PushID(id);
  const bool pressed = widgets::fresh_press(ImGui::InvisibleButton("##tile", ImVec2(w, h)));
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 color = keys_ui::status_color(st);
  const bool filled = st == Shown::overdue || st == Shown::lost;
  const float r = ui().css(8);
  dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), filled ? color : (st == Shown::out ? colors::primary_soft : colors::surface), r);
  dl->AddRect(at, ImVec2(at.x + w, at.y + h), is_picked ? colors::accent : color, r, 0, ui().css(is_picked ? 4 : 1.5f));
  std::string second = keys_ui::status_word(st);
  if (k.status == app::keys::KeyStatus::out) {
    if (const app::Loan* l = s.keys().loan(k.loan)) second += " · " + s.keys().key_holder_name({&k, l, k.holder, 0, false});
  } else if (k.kind == app::keys::KeyKind::public_area) {
    second += std::string(" · ") + keys_ui::set_word(k);
  }
  if (is_picked) second = std::string(tr(S::key_picked_mark)) + " · " + second;
  ui().fonts->request_text(k.label.c_str());
  ui().fonts->request_text(second.c_str());
  const float pad = ui().css(10), line = ImGui::GetTextLineHeight();
  const ImU32 ink = filled ? IM_COL32_WHITE : colors::text;
  widgets::fitted_text(dl, ImVec2(at.x + pad, at.y + h * 0.5f - line - ui().css(1)), at.x + w - pad, ink, k.label.c_str());
  std::string shown;
  widgets::fitted_text(dl, ImVec2(at.x + pad, at.y + h * 0.5f + ui().css(1)), at.x + w - pad, filled ? IM_COL32_WHITE : color,
                       second.c_str(), &shown);
  automation().record_last_item(id, k.label.c_str(), "button", is_picked);
  // What the second line shows ("key:3" → "key_line2:3"), cut or not.
  automation().record_last_item(("key_line2" + std::string(id).substr(3)).c_str(), shown.c_str(), "label");
  return pressed;
}

void tray(ScreenContext& ctx, KeysUi& st) {
  if (st.picked.empty()) return;
  std::string names;
  for (const app::Id& id : st.picked) {
    if (const app::KeyRecord* k = ctx.session.keys().key(id)) names += (names.empty() ? "" : "、") + k->label;
  }
  widgets::begin_card("##key_tray");
  char line[96];
  app::i18n::format_to(line, sizeof line, S::key_tray_count, static_cast<int>(st.picked.size()));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::primary), "%s", line);
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(names, colors::text);
  ImGui::PopTextWrapPos();
  automation().record_last_item("key_tray", names.c_str(), "label");
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float third = (ImGui::GetContentRegionAvail().x - gap) / 3;
  if (widgets::button("key_tray_clear", tr(S::key_tray_clear), third)) st.picked.clear();
  ImGui::SameLine();
  if (widgets::button("key_lend", tr(S::key_lend), third * 2, widgets::Tone::primary)) open_loan_sheet(st);
  widgets::end_card();
}

void board(ScreenContext& ctx, KeysUi& st) {
  const app::Session& s = ctx.session;
  const auto& rows = s.keys().filed_keys();
  int counts[5] = {static_cast<int>(rows.size()), 0, 0, 0, 0};
  std::vector<Shown> shown(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    shown[i] = keys_ui::shown_status(s, *rows[i].key);
    for (int f = 1; f < 5; ++f) counts[f] += passes(f, shown[i]) ? 1 : 0;
  }
  const S names[] = {S::key_filter_all, S::key_status_in, S::key_status_out, S::key_filter_overdue, S::key_status_lost};
  char texts[5][48];
  const char* labels[5];
  for (int f = 0; f < 5; ++f) {
    std::snprintf(texts[f], sizeof texts[f], "%s %d", tr(names[f]), counts[f]);
    labels[f] = texts[f];
  }
  widgets::choices("key_filter", labels, 5, &st.filter);
  if (st.query.empty()) {
    widgets::text_field("key_search", tr(S::key_search), &st.query);
  } else {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float clear_w = ImGui::CalcTextSize(tr(S::key_search_clear)).x + ui().css(40);
    widgets::text_field("key_search", tr(S::key_search), &st.query, ImGui::GetContentRegionAvail().x - clear_w - gap);
    ImGui::SameLine();
    if (widgets::button("key_search_clear", tr(S::key_search_clear), clear_w)) st.query.clear();
  }
  tray(ctx, st);
  keys_ui::banner("key_board_message", st.message);

  // Each group on its rows: its heading in a left column, its tiles to the
  // right, so floors with a key or two do not leave the board mostly empty.
  // Rows off screen are only spaced.
  // On a phone the heading takes a line of its own and the tiles two to a
  // row, wide enough to say which key ("1栋 1…" told nothing).
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const bool narrow = ImGui::GetContentRegionAvail().x < ui().css(520);
  const float head_w = narrow ? 0.0f : ui().css(ui().portrait ? 96 : 120);
  const int per_row = narrow ? 2 : ui().portrait ? 3 : 4;
  const float left = ImGui::GetCursorScreenPos().x;
  const float w = (ImGui::GetContentRegionAvail().x - head_w - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const float h = ui().touch() + ui().css(16);
  std::vector<std::size_t> group;
  int matched = 0;
  auto flush = [&](const std::string& title) {
    if (group.empty()) return;
    float y = ImGui::GetCursorScreenPos().y;
    if (narrow) {
      ImGui::SetCursorScreenPos(ImVec2(left, y));
      widgets::data_text(title, colors::muted);
      y = ImGui::GetCursorScreenPos().y;
    } else {
      ImGui::SetCursorScreenPos(ImVec2(left, y + (h - ImGui::GetTextLineHeight()) * 0.5f));
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + head_w - gap);
      widgets::data_text(title, colors::muted);
      ImGui::PopTextWrapPos();
    }
    const float heading_end = ImGui::GetCursorScreenPos().y;
    for (std::size_t r = 0; r < group.size(); r += per_row, y += h + gap) {
      ImGui::SetCursorScreenPos(ImVec2(left + head_w, y));
      if (!ImGui::IsRectVisible(ImVec2(w * per_row, h))) {
        for (std::size_t c = r; c < group.size() && c < r + per_row; ++c) {
          char id[32];
          std::snprintf(id, sizeof id, "key:%zu", group[c]);
          const float x = left + head_w + static_cast<float>(c - r) * (w + gap);
          automation().note_layout(id, "button", ImVec2(x, y), ImVec2(x + w, y + h));
        }
        continue;
      }
      for (std::size_t c = r; c < group.size() && c < r + per_row; ++c) {
        ImGui::SetCursorScreenPos(ImVec2(left + head_w + static_cast<float>(c - r) * (w + gap), y));
        const std::size_t i = group[c];
        char id[32];
        std::snprintf(id, sizeof id, "key:%zu", i);
        const app::KeyRecord& k = *rows[i].key;
        if (key_tile(id, s, k, shown[i], keys_ui::picked(st, k.id), w, h)) keys_ui::open_key(st, k.id);
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, std::max(y, heading_end)));
    ImGui::Dummy(ImVec2(0, 0));
    group.clear();
  };
  std::string title;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].group.empty() && rows[i].group != title) {
      flush(title);
      title = rows[i].group;
    }
    if (!passes(st.filter, shown[i])) continue;
    if (!st.query.empty() && rows[i].key->label.find(st.query) == std::string::npos) continue;
    group.push_back(i);
    ++matched;
  }
  flush(title);
  if (matched == 0) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::key_none_match));
}

void conflicts(ScreenContext& ctx) {
  const app::Session& s = ctx.session;
  if (!s.estate().lead_signed_in() || s.keys().key_conflicts().empty()) return;
  ImGui::Dummy(ImVec2(0, ui().css(12)));
  widgets::heading(tr(S::key_conflicts_title));
  const S words[] = {S::key_conflict_double_loan, S::key_conflict_return_not_out, S::key_conflict_lost_refused,
                     S::key_conflict_follow_up_refused, S::key_conflict_departure, S::key_conflict_handover};
  int n = 0;
  for (const app::KeyConflict& c : s.keys().key_conflicts()) {
    char what[160], id[32];
    app::i18n::format_to(what, sizeof what, words[static_cast<int>(c.kind)], static_cast<int>(c.keys_held));
    const std::string title = c.key ? c.key->label : s.estate().staff_name(c.staff);
    const std::string sub = short_time(s.local(c.at_ms)) + " · " + s.estate().staff_name(c.by) + " · " + what;
    std::snprintf(id, sizeof id, "key_conflict:%d", n++);
    if (widgets::list_row(id, title.c_str(), sub.c_str(), tr(S::key_conflict_pill), colors::danger) && c.key) {
      keys_ui::open_key(ctx.state.keys, c.key->id);
    }
  }
}

}  // namespace

void draw_keys_register(ScreenContext& ctx) {
  KeysUi& st = ctx.state.keys;
  // 钥匙柜管理 is a third view for whoever keeps the cabinet (the Session says who).
  const bool keeper = ctx.session.keys().may_keep_cabinet();
  if (!keeper && st.view == 2) st.view = 0;
  const char* views[] = {tr(S::key_view_cabinet), tr(S::key_view_people), tr(S::key_view_manage)};
  widgets::choices("key_view", views, keeper ? 3 : 2, &st.view);
  if (st.view == 1) draw_key_people(ctx);
  else if (st.view == 2) draw_key_cabinet(ctx);
  else board(ctx, st);
  conflicts(ctx);
  draw_key_sheet(ctx);
  draw_loan_sheet(ctx);
  draw_person_sheet(ctx);
}

// Today: keys still out past their time (end of the day by default), one tap
// to the board filtered to 逾期.
void draw_keys_today(ScreenContext& ctx) {
  const std::size_t overdue = ctx.session.keys().overdue_keys().size();
  if (overdue == 0) return;
  char line[96];
  app::i18n::format_to(line, sizeof line, S::key_overdue_alert, static_cast<int>(overdue));
  if (widgets::button("today_keys_overdue", line, -1, widgets::Tone::danger)) {
    show_register(ctx.state, "keys");
    ctx.state.keys.view = 0;
    ctx.state.keys.filter = 3;
    ctx.state.keys.query.clear();
  }
  ImGui::Dummy(ImVec2(0, ui().css(8)));
}

}  // namespace shell
