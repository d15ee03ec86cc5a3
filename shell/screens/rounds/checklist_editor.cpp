// The head butler's checklist editor (检查表管理): the checklists with their
// versions under the Rounds screen; one opened is edited as a draft — items
// moved up or down, removed, added, their type switched (check, reading,
// choice, text) and whether a failure must be photographed — then saved as
// the next version. Rounds already started keep the version they began with.
#include <cstdio>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

S type_label(app::ItemType t) {
  switch (t) {
    case app::ItemType::check: return S::item_type_check;
    case app::ItemType::reading: return S::item_type_reading;
    case app::ItemType::choice: return S::item_type_choice;
    case app::ItemType::text: return S::item_type_text;
  }
  return S::item_type_check;
}

std::string join_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (const std::string& c : choices) out += (out.empty() ? "" : "、") + c;
  return out;
}

// "正常、异常" (or commas) → {"正常", "异常"}.
std::vector<std::string> split_choices(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "，") == 0) { flush(); i += 3; continue; }
    if (text[i] == ',') { flush(); ++i; continue; }
    cur += text[i++];
  }
  flush();
  return out;
}

void open_draft(ShellState& st, const app::ChecklistTemplate& t) {
  st.rounds.checklist_open = t.key;
  st.rounds.checklist_draft = t;
  st.rounds.checklist_choice_texts.clear();
  for (const auto& item : t.items) st.rounds.checklist_choice_texts.push_back(join_choices(item.choices));
  st.rounds.checklist_new_item.clear();
  st.rounds.checklist_message.clear();
}

// The buttons under one item: move, type, photo, remove. Returns false when
// the item was removed (the loop must not touch it again).
bool item_controls(ShellState& st, int i) {
  auto& items = st.rounds.checklist_draft.items;
  auto& texts = st.rounds.checklist_choice_texts;
  const bool photo = items[static_cast<std::size_t>(i)].photo_required;
  const char* labels[] = {tr(S::checklist_up), tr(S::checklist_down), tr(type_label(items[static_cast<std::size_t>(i)].type)),
                          tr(photo ? S::checklist_photo_on : S::checklist_photo_off), tr(S::checklist_remove)};
  widgets::ButtonRow row(labels, 5);
  const float w = row.width();
  char id[40];
  std::snprintf(id, sizeof id, "cl_up:%d", i);
  row.place();
  if (widgets::button(id, tr(S::checklist_up), w, widgets::Tone::normal, i > 0)) {
    std::swap(items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(i - 1)]);
    std::swap(texts[static_cast<std::size_t>(i)], texts[static_cast<std::size_t>(i - 1)]);
  }
  std::snprintf(id, sizeof id, "cl_down:%d", i);
  row.place();
  if (widgets::button(id, tr(S::checklist_down), w, widgets::Tone::normal, i + 1 < static_cast<int>(items.size()))) {
    std::swap(items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(i + 1)]);
    std::swap(texts[static_cast<std::size_t>(i)], texts[static_cast<std::size_t>(i + 1)]);
  }
  std::snprintf(id, sizeof id, "cl_type:%d", i);
  row.place();
  if (widgets::button(id, tr(type_label(items[static_cast<std::size_t>(i)].type)), w)) {
    app::ChecklistItem& cur = items[static_cast<std::size_t>(i)];
    cur.type = static_cast<app::ItemType>((static_cast<int>(cur.type) + 1) % 4);
    if (cur.type == app::ItemType::choice && split_choices(texts[static_cast<std::size_t>(i)]).size() < 2) {
      texts[static_cast<std::size_t>(i)] = tr(S::checklist_default_choices);
    }
  }
  std::snprintf(id, sizeof id, "cl_photo:%d", i);
  row.place();
  if (widgets::button(id, tr(photo ? S::checklist_photo_on : S::checklist_photo_off), w,
                      photo ? widgets::Tone::primary : widgets::Tone::normal, items[static_cast<std::size_t>(i)].type == app::ItemType::check)) {
    items[static_cast<std::size_t>(i)].photo_required = !photo;
  }
  std::snprintf(id, sizeof id, "cl_remove:%d", i);
  row.place();
  if (widgets::button(id, tr(S::checklist_remove), w, widgets::Tone::danger)) {
    items.erase(items.begin() + i);
    texts.erase(texts.begin() + i);
    return false;
  }
  return true;
}

}  // namespace

void draw_checklist_list(ScreenContext& ctx) {
  widgets::heading(tr(S::checklist_title));
  if (!ctx.state.rounds.checklist_message.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s", ctx.state.rounds.checklist_message.c_str());
    automation().record_last_item("cl_message", ctx.state.rounds.checklist_message.c_str(), "banner");
  }
  int index = 0;
  for (const app::ChecklistTemplate* t : ctx.session.rounds().checklists()) {
    char id[32], sub[96];
    std::snprintf(id, sizeof id, "checklist:%d", index++);
    app::i18n::format_to(sub, sizeof sub, S::checklist_version_items, static_cast<int>(t->version), static_cast<int>(t->items.size()));
    const char* name = app::i18n::current_language() == app::i18n::Lang::en ? t->en.c_str() : t->zh.c_str();
    if (widgets::list_row(id, name, sub, nullptr, 0)) open_draft(ctx.state, *t);
    automation().record_last_item((std::string(id) + ":sub").c_str(), sub, "label");
  }
}

void draw_checklist_editor(ScreenContext& ctx) {
  ShellState& st = ctx.state;
  if (widgets::button("cl_back", tr(S::checklist_back), 0, widgets::Tone::quiet)) {
    st.rounds.checklist_open.clear();
    return;
  }
  app::ChecklistTemplate& d = st.rounds.checklist_draft;
  char title[160];
  std::snprintf(title, sizeof title, tr(S::checklist_editing), d.zh.c_str(), static_cast<int>(d.version));
  widgets::heading(title);
  const bool may = ctx.session.estate().lead_signed_in();
  // Saving sits at the top, with the title, as "finish" does on a round: the
  // list below can be long.
  if (may) {
    char save[96];
    std::snprintf(save, sizeof save, tr(S::checklist_save), static_cast<int>(d.version + 1));
    if (widgets::button("cl_save", save, -1, widgets::Tone::primary)) {
      for (std::size_t i = 0; i < d.items.size(); ++i) d.items[i].choices = split_choices(st.rounds.checklist_choice_texts[i]);
      const app::Result<std::int64_t> saved = ctx.session.rounds().save_checklist(d);
      if (saved.ok()) {
        char done[96];
        std::snprintf(done, sizeof done, tr(S::checklist_saved), static_cast<int>(saved.value()));
        st.rounds.checklist_message = done;
        st.rounds.checklist_open.clear();  // back to the list, which shows the new version and this message
        return;
      }
      st.rounds.checklist_message = saved.error().message;
    }
    if (!st.rounds.checklist_message.empty()) {
      ImGui::TextWrapped("%s", st.rounds.checklist_message.c_str());
      automation().record_last_item("cl_message", st.rounds.checklist_message.c_str(), "banner");
    }
  } else {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::warn), "%s", tr(S::err_checklist_lead_only));
    automation().record_last_item("cl_readonly", tr(S::err_checklist_lead_only), "banner");
  }
  for (int i = 0; i < static_cast<int>(d.items.size()); ++i) {
    ImGui::Dummy(ImVec2(0, ui().css(4)));
    ImGui::Separator();
    const app::ChecklistItem& it = d.items[static_cast<std::size_t>(i)];
    std::string line = std::to_string(i + 1) + ". " + it.zh + " · " + tr(type_label(it.type));
    if (it.photo_required) line += tr(S::item_photo_needed);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line);
    ImGui::PopTextWrapPos();
    char id[40];
    std::snprintf(id, sizeof id, "cl_item:%d", i);
    automation().record_last_item(id, line.c_str(), "label");
    if (!may) continue;
    if (!item_controls(st, i)) { --i; continue; }
    if (d.items[static_cast<std::size_t>(i)].type == app::ItemType::choice) {
      std::snprintf(id, sizeof id, "cl_choices:%d", i);
      widgets::text_field(id, tr(S::checklist_choices_hint), &st.rounds.checklist_choice_texts[static_cast<std::size_t>(i)]);
    }
  }
  if (!may) return;
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  const float add_w = ui().css(120);
  widgets::text_field("cl_new_item", tr(S::checklist_new_item), &st.rounds.checklist_new_item,
                      ImGui::GetContentRegionAvail().x - add_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  if (widgets::button("cl_add", tr(S::checklist_add), add_w, widgets::Tone::normal, !st.rounds.checklist_new_item.empty())) {
    app::ChecklistItem item;
    item.zh = item.en = st.rounds.checklist_new_item;
    d.items.push_back(item);
    st.rounds.checklist_choice_texts.emplace_back();
    st.rounds.checklist_new_item.clear();
  }
}

}  // namespace shell
