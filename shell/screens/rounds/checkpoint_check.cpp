// One checkpoint of a round, answered one-handed: "all pass" at the top (one
// tap, then on to the next checkpoint), and each item with big Pass / Fail / N.A.
// buttons. A failed item opens its finding form right under it
// (finding_form.cpp).
#include <cstdio>
#include <cstdlib>

#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklists.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/renovation/renovation_screens.hpp"
#include "shell/screens/rounds/rounds_screens.hpp"
#include "shell/screens/screens.hpp"
#include "shell/sync/photo_capture.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/photo_strip.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

void note(ShellState& st, const app::Status& s) { st.rounds.round_message = s.ok() ? std::string() : s.error().message; }

void wrapped_data(const std::string& text, ImU32 color = 0) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, color);
  ImGui::PopTextWrapPos();
}

void reading_item(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item, const app::ChecklistItem& it) {
  ShellState& st = ctx.state;
  char line[128];
  if (auto prev = ctx.session.rounds().previous_reading(round, cp, item)) {
    std::snprintf(line, sizeof line, tr(S::reading_previous), static_cast<long long>(*prev));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s %s", line, it.unit.c_str());
  }
  const app::Answer* a = ctx.session.rounds().answer(round, cp, item);
  if (a && a->has_reading) {
    std::snprintf(line, sizeof line, tr(S::reading_recorded), static_cast<long long>(a->reading));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::ok), "%s %s", line, it.unit.c_str());
    const app::ReadingFlag flag = ctx.session.rounds().reading_flag(round, cp, item);
    if (flag != app::ReadingFlag::none) {
      const char* warning = tr(flag == app::ReadingFlag::backwards ? S::reading_backwards : S::reading_jump);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", warning);
      automation().record_last_item("reading_flag", warning, "label");
    }
  }
  char id[32];
  std::snprintf(id, sizeof id, "reading:%d", item);
  if (st.rounds.reading_item != item) st.rounds.reading_draft.clear();
  st.rounds.reading_item = item;
  widgets::text_field(id, tr(S::reading_hint), &st.rounds.reading_draft, ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SameLine();
  std::snprintf(id, sizeof id, "reading_save:%d", item);
  if (widgets::button(id, tr(S::reading_save), 0, widgets::Tone::primary)) {
    char* end = nullptr;
    const long long v = std::strtoll(st.rounds.reading_draft.c_str(), &end, 10);
    if (st.rounds.reading_draft.empty() || !end || *end != 0) st.rounds.round_message = tr(S::reading_not_number);
    else note(st, ctx.session.rounds().record_reading(round, cp, item, v));
  }
}

void check_item(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item, const app::ChecklistItem& it) {
  const bool photo_required = it.photo_required;
  const app::Answer* a = ctx.session.rounds().answer(round, cp, item);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - gap * 2) / 3;
  struct Choice { const char* id; S label; app::ItemResult result; widgets::Tone on; };
  const Choice choices[] = {{"item_pass", S::item_pass, app::ItemResult::pass, widgets::Tone::primary},
                            {"item_fail", S::item_fail, app::ItemResult::fail, widgets::Tone::danger},
                            {"item_na", S::item_na, app::ItemResult::not_applicable, widgets::Tone::primary}};
  for (int c = 0; c < 3; ++c) {
    if (c) ImGui::SameLine();
    char id[32];
    std::snprintf(id, sizeof id, "%s:%d", choices[c].id, item);
    const bool chosen = a && a->result == choices[c].result;
    if (widgets::button(id, tr(choices[c].label), w, chosen ? choices[c].on : widgets::Tone::normal)) {
      note(ctx.state, ctx.session.rounds().answer_item(round, cp, item, choices[c].result));
      if (choices[c].result == app::ItemResult::fail && !ctx.session.rounds().finding_for(round, cp, item)) {
        ctx.state.rounds.failing_item = item;
        ctx.state.rounds.finding_note.clear();
        ctx.state.rounds.finding_told.clear();
        ctx.state.rounds.finding_urgent = false;
        ctx.state.rounds.finding_department = static_cast<int>(app::default_department(it));  // graffiti → 保洁
        const app::RouteStop* stop = ctx.session.rounds().stop_at(round, cp);
        ctx.state.rounds.finding_owner = stop && stop->kind == app::StopKind::unit && app::tells_owner(it);  // red digits → the owner
      } else if (ctx.state.rounds.failing_item == item) {
        ctx.state.rounds.failing_item = -1;
      }
    }
  }
  if (a && a->result == app::ItemResult::fail) finding_form(ctx, round, cp, item, photo_required);
}

// One of the item's choices, as big buttons; the chosen one lit.
void choice_item(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item, const app::ChecklistItem& it) {
  const app::Answer* a = ctx.session.rounds().answer(round, cp, item);
  const int n = static_cast<int>(it.choices.size());
  const int per_row = std::min(n, 4);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - gap * (per_row - 1)) / per_row;
  for (int c = 0; c < n; ++c) {
    if (c % per_row) ImGui::SameLine();
    char id[48];  // room for two full ints: GCC proves 32 might truncate
    std::snprintf(id, sizeof id, "item_choice:%d:%d", item, c);
    const bool chosen = a && a->has_reading && a->reading == c;
    if (widgets::button(id, it.choices[static_cast<std::size_t>(c)].c_str(), w, chosen ? widgets::Tone::primary : widgets::Tone::normal)) {
      note(ctx.state, ctx.session.rounds().answer_choice(round, cp, item, c));
    }
  }
}

// Free words (pinyin IME), saved as the item's answer.
void text_item(ScreenContext& ctx, const app::Id& round, const app::Id& cp, int item) {
  ShellState& st = ctx.state;
  if (const app::Answer* a = ctx.session.rounds().answer(round, cp, item)) wrapped_data(a->note, colors::ok);
  if (st.rounds.text_answer_item != item) st.rounds.text_answer_draft.clear();
  st.rounds.text_answer_item = item;
  char id[32];
  std::snprintf(id, sizeof id, "item_text:%d", item);
  const float save_w = ui().css(120);
  widgets::text_field(id, tr(S::text_answer_hint), &st.rounds.text_answer_draft, ImGui::GetContentRegionAvail().x - save_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  std::snprintf(id, sizeof id, "item_text_save:%d", item);
  if (widgets::button(id, tr(S::text_answer_save), save_w, widgets::Tone::primary)) {
    const app::Status s = ctx.session.rounds().answer_text(round, cp, item, st.rounds.text_answer_draft);
    note(st, s);
    if (s.ok()) st.rounds.text_answer_draft.clear();
  }
}

// The first checkpoint after `current` in walking order not yet fully
// answered; nil when there is none.
app::Id next_to_check(ScreenContext& ctx, const app::Id& round, const app::Id& current) {
  bool after = false;
  for (const app::RouteStop& cp : ctx.session.rounds().route_of(round)) {
    if (after && !ctx.session.rounds().checkpoint_progress(round, cp.id).done()) return cp.id;
    after = after || cp.id == current;
  }
  return {};
}

void draw_checkpoint_body(ScreenContext& ctx, const app::Id& round, const app::Id& cp_id, const app::ChecklistTemplate& t,
                          const std::string& name, bool english, bool finished);

}  // namespace

void draw_checkpoint_check(ScreenContext& ctx, const app::Id& round, const app::Id& cp_id) {
  const app::ChecklistTemplate& t = *ctx.session.rounds().checklist_at(round, cp_id);
  std::string name;
  for (const app::RouteStop& stop : ctx.session.rounds().route_of(round)) {
    if (stop.id == cp_id) name = stop.label();
  }
  const bool english = app::i18n::current_language() == app::i18n::Lang::en;
  const bool finished = ctx.session.rounds().round(round)->finished_ms != 0;
  // Each checkpoint's widgets are its own: the next one swapped in is new to
  // the press guard, never the same button as the one just tapped.
  const std::string scope = cp_id.to_hex();
  ImGui::PushID(scope.c_str());
  draw_checkpoint_body(ctx, round, cp_id, t, name, english, finished);
  ImGui::PopID();
}

namespace {

void draw_checkpoint_body(ScreenContext& ctx, const app::Id& round, const app::Id& cp_id, const app::ChecklistTemplate& t,
                          const std::string& name, bool english, bool finished) {
  if (widgets::button("cp_back", tr(S::round_back_to_route), 0, widgets::Tone::quiet)) {
    ctx.state.rounds.open_checkpoint = {};
    return;
  }
  widgets::heading(name.c_str());
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", english ? t.en.c_str() : t.zh.c_str());
  draw_renovation_at_stop(ctx, round, cp_id);  // 巡楼: a renovating unit's application and its notices
  // After a failure the rest still pass in one tap (其余合格); not while a
  // failed item's finding is being written, which would be lost.
  const bool any_failed = ctx.session.rounds().checkpoint_progress(round, cp_id).failed > 0;
  if (!finished && widgets::button("cp_all_pass", tr(any_failed ? S::cp_rest_pass : S::cp_all_pass), -1, widgets::Tone::primary,
                                   ctx.state.rounds.failing_item < 0)) {
    const app::Status s = ctx.session.rounds().pass_checkpoint(round, cp_id);
    note(ctx.state, s);
    // Every item answered: straight on to the next checkpoint of the route
    // still to check (the route when none is left), so a walk of passing
    // checkpoints is one tap each — with what was recorded said first
    // (round_runner.cpp holds the next one's taps a moment).
    const app::CheckpointProgress p = ctx.session.rounds().checkpoint_progress(round, cp_id);
    if (s.ok() && p.done()) {
      const app::RoundProgress rp = ctx.session.rounds().round_progress(round);
      char text[256];
      std::snprintf(text, sizeof text, tr(S::cp_recorded), name.c_str(), rp.done, rp.checkpoints);
      ctx.state.rounds.recorded_text = text;
      ctx.state.rounds.recorded_at = ImGui::GetTime();
      ctx.state.rounds.open_checkpoint = next_to_check(ctx, round, cp_id);
    }
  }
  for (int i = 0; i < static_cast<int>(t.items.size()); ++i) {
    const app::ChecklistItem& it = t.items[static_cast<std::size_t>(i)];
    ImGui::Dummy(ImVec2(0, ui().css(6)));
    ImGui::Separator();
    std::string text = std::to_string(i + 1) + ". " + (english ? it.en : it.zh);
    if (it.photo_required) text += tr(S::item_photo_needed);
    wrapped_data(text);
    automation().record_last_item((std::string("item:") + std::to_string(i)).c_str(), text.c_str(), "label");
    switch (it.type) {
      case app::ItemType::reading: reading_item(ctx, round, cp_id, i, it); break;
      case app::ItemType::choice: choice_item(ctx, round, cp_id, i, it); break;
      case app::ItemType::text: text_item(ctx, round, cp_id, i); break;
      case app::ItemType::check: check_item(ctx, round, cp_id, i, it); break;
    }
  }
  if (!ctx.state.rounds.round_message.empty()) {
    ImGui::TextWrapped("%s", ctx.state.rounds.round_message.c_str());
    automation().record_last_item("round_message", ctx.state.rounds.round_message.c_str(), "banner");
  }
  if (!ctx.photos.message().empty()) ImGui::TextWrapped("%s", ctx.photos.message().c_str());
}

}  // namespace

}  // namespace shell
