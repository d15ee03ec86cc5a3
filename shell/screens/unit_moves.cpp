// 入住登记 and 迁出登记 on the unit record, and the record's 历史 (000 篇5
// item 2: "负责办理客户入住、迁出手续,受理单元入伙(交付)、住户卡的办理").
// The forms gather what the butler enters and hand it to
// session.estate().move_in / move_out, which hold every rule; what they
// refuse is shown in words under the form.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/core/local_time.hpp"
#include "app/domain/estate_ops.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;

namespace shell {
namespace {

S relation_label(app::Relation r) {
  switch (r) {
    case app::Relation::owner: return S::registers_owner;
    case app::Relation::family: return S::unit_family;
    case app::Relation::tenant: return S::unit_tenant;
  }
  return S::unit_family;
}

void muted(const char* text) { ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", text); }

// Data text that wraps at the sheet's edge, recorded for the tests' layout checks.
void wrapped(const char* id, const std::string& text, ImU32 color = 0) {
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(text, color);
  ImGui::PopTextWrapPos();
  automation().record_last_item(id, text.c_str(), "label");
}

std::string person_label(const app::Resident& r) { return r.name + " · " + tr(relation_label(r.relation)); }

bool chosen(const UnitMoveDraft& d, const app::Id& id) { return std::find(d.chosen.begin(), d.chosen.end(), id) != d.chosen.end(); }

void toggle(UnitMoveDraft& d, const app::Id& id) {
  auto it = std::find(d.chosen.begin(), d.chosen.end(), id);
  if (it == d.chosen.end()) d.chosen.push_back(id);
  else d.chosen.erase(it);
}

// People on the record as full-width toggles, the chosen ones filled.
void people_toggles(const char* id, UnitMoveDraft& d, const std::vector<const app::Resident*>& people) {
  for (std::size_t k = 0; k < people.size(); ++k) {
    char key[48];
    std::snprintf(key, sizeof key, "%s:%zu", id, k);
    const bool on = chosen(d, people[k]->id);
    const std::string label = person_label(*people[k]);
    if (widgets::button(key, label.c_str(), -1, on ? widgets::Tone::primary : widgets::Tone::normal)) toggle(d, people[k]->id);
  }
}

// − n + : the keys handed over or returned.
void keys_stepper(UnitMoveDraft& d, S label) {
  const float w = ui().touch();
  if (widgets::button("move_keys_less", "－", w, widgets::Tone::normal, d.keys > 0)) --d.keys;
  ImGui::SameLine();
  char text[64];
  std::snprintf(text, sizeof text, tr(label), d.keys);
  const ImVec2 at = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(at.x, at.y + (ui().touch() - ImGui::GetFontSize()) * 0.5f));
  ImGui::TextUnformatted(text);
  automation().record_last_item("move_keys", text, "label");
  ImGui::SameLine();
  ImGui::SetCursorPosY(at.y);
  if (widgets::button("move_keys_more", "＋", w, widgets::Tone::normal, d.keys < app::kMaxKeysHanded)) ++d.keys;
}

void new_person(UnitMoveDraft& d, std::size_t k) {
  MovePersonDraft& p = d.people[k];
  char id[48];
  std::snprintf(id, sizeof id, "move_person_name:%zu", k);
  widgets::text_field(id, tr(S::unit_member_name), &p.name);
  std::snprintf(id, sizeof id, "move_person_phone:%zu", k);
  widgets::number_field(id, tr(S::unit_member_phone), &p.phone);
  const char* relations[] = {tr(S::registers_owner), tr(S::unit_family), tr(S::unit_tenant)};
  std::snprintf(id, sizeof id, "move_person_relation:%zu", k);
  widgets::choices(id, relations, 3, &p.relation);
  std::snprintf(id, sizeof id, "move_person_job:%zu", k);
  widgets::text_field(id, tr(S::move_person_occupation), &p.occupation);
}

void move_in_body(ScreenContext& ctx, const app::UnitRow& row, UnitMoveDraft& d) {
  const auto on_record = ctx.session.estate().may_move_in(row.id);
  if (!on_record.empty()) {
    muted(tr(S::move_on_record));
    people_toggles("move_on_record", d, on_record);
  }
  muted(tr(S::move_new_people));
  for (std::size_t k = 0; k < d.people.size(); ++k) {
    if (k) ImGui::Separator();
    new_person(d, k);
    if (d.people.size() > 1) {
      char id[48];
      std::snprintf(id, sizeof id, "move_person_remove:%zu", k);
      if (widgets::button(id, tr(S::move_remove_person), -1, widgets::Tone::quiet)) {
        d.people.erase(d.people.begin() + static_cast<std::ptrdiff_t>(k));
        break;
      }
    }
  }
  if (widgets::button("move_add_person", tr(S::move_add_person), -1)) d.people.push_back({"", "", "", 1});
  widgets::text_field("move_cards", tr(S::move_cards), &d.cards);
  keys_stepper(d, S::move_keys_in);
}

void move_out_body(ScreenContext& ctx, const app::UnitRow& row, UnitMoveDraft& d) {
  muted(tr(S::move_leaving));
  people_toggles("move_leaving", d, ctx.session.estate().residents_of(row.id));
  keys_stepper(d, S::move_keys_out);
}

// Blank rows (nothing typed) are left out: the form opens with one.
app::Status save(ScreenContext& ctx, const app::UnitRow& row, UnitMoveDraft& d) {
  const std::int64_t day = app::parse_day(d.day);
  if (d.form == UnitMoveDraft::Form::in) {
    app::MoveIn m;
    m.day = day;
    m.on_record = d.chosen;
    for (const MovePersonDraft& p : d.people) {
      if (p.name.empty() && p.phone.empty() && p.occupation.empty()) continue;
      m.people.push_back({p.name, p.phone, p.occupation, static_cast<app::Relation>(p.relation)});
    }
    m.cards = d.cards;
    m.keys = d.keys;
    m.note = d.note;
    const auto done = ctx.session.estate().move_in(row.id, m);
    return done.ok() ? app::ok_status() : app::Status(done.error());
  }
  app::MoveOut m;
  m.day = day;
  m.people = d.chosen;
  m.keys = d.keys;
  m.note = d.note;
  const auto done = ctx.session.estate().move_out(row.id, m);
  return done.ok() ? app::ok_status() : app::Status(done.error());
}

void open_form(ScreenContext& ctx, const app::UnitRow& row, UnitMoveDraft::Form form) {
  UnitMoveDraft& d = ctx.state.unit_move;
  d = UnitMoveDraft{};
  d.form = form;
  d.day = day_label(ctx.session.today());
  if (form == UnitMoveDraft::Form::in) {
    // The first person: the owner when nobody is on the record yet.
    const bool anyone = !ctx.session.estate().residents_of(row.id).empty() || !ctx.session.estate().may_move_in(row.id).empty();
    d.people.push_back({"", "", "", anyone ? 1 : 0});
  } else {
    for (const app::Resident* r : ctx.session.estate().residents_of(row.id)) d.chosen.push_back(r->id);  // default: everyone
  }
  ctx.state.unit_message.clear();
  ctx.state.unit_phone_for = {};
  ctx.state.unit_adding_member = false;
}

}  // namespace

void unit_move_buttons(ScreenContext& ctx, const app::UnitRow& row) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  if (widgets::button("unit_move_in", tr(S::unit_move_in), half)) open_form(ctx, row, UnitMoveDraft::Form::in);
  ImGui::SameLine();
  if (widgets::button("unit_move_out", tr(S::unit_move_out), half)) open_form(ctx, row, UnitMoveDraft::Form::out);
}

bool draw_unit_move_form(ScreenContext& ctx, const app::UnitRow& row) {
  UnitMoveDraft& d = ctx.state.unit_move;
  if (d.form == UnitMoveDraft::Form::none) return false;
  const bool in = d.form == UnitMoveDraft::Form::in;
  widgets::heading(tr(in ? S::move_in_title : S::move_out_title));
  widgets::data_text(row.label, colors::muted);
  const float footer = ui().css(8) + ImGui::GetStyle().ItemSpacing.y * 2 + ui().touch();
  widgets::begin_modal_body("##unit_move_body", footer);
  widgets::text_field("move_day", tr(S::move_date), &d.day);
  if (in) move_in_body(ctx, row, d);
  else move_out_body(ctx, row, d);
  widgets::text_field("move_note", tr(S::move_note), &d.note);
  if (!d.message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::danger), "%s", d.message.c_str());
    ImGui::PopTextWrapPos();
    automation().record_last_item("move_message", d.message.c_str(), "banner");
  }
  widgets::end_modal_body();
  ImGui::Dummy(ImVec2(0, ui().css(8)));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  // Moving out needs someone chosen (an empty choice would mean everyone).
  const bool ready = in || !d.chosen.empty();
  if (widgets::button("move_save", tr(S::move_save), half, widgets::Tone::primary, ready)) {
    const app::Status done = save(ctx, row, d);
    if (done.ok()) {
      ctx.state.unit_message = tr(in ? S::move_in_done : S::move_out_done);
      d = UnitMoveDraft{};
    } else {
      d.message = done.error().message;
    }
  }
  ImGui::SameLine();
  if (widgets::button("move_cancel", tr(S::unit_cancel), half)) d = UnitMoveDraft{};
  return true;
}

void unit_history(ScreenContext& ctx, const app::UnitRow& row) {
  const auto former = ctx.session.estate().former_residents_of(row.id);
  if (!former.empty()) {
    muted(tr(S::unit_former_title));
    for (std::size_t k = 0; k < former.size(); ++k) {
      const app::Resident& r = *former[k];
      char dates[96], id[40];
      std::snprintf(dates, sizeof dates, tr(S::unit_former_dates), r.moved_in ? day_label(r.moved_in).c_str() : "—",
                    day_label(r.moved_out).c_str());
      std::snprintf(id, sizeof id, "unit_former:%zu", k);
      wrapped(id, person_label(r) + " · " + dates);
    }
    ImGui::Dummy(ImVec2(0, ui().css(4)));
  }
  muted(tr(S::unit_history_title));
  const auto moves = ctx.session.estate().move_history(row.id);
  if (moves.empty()) muted(tr(S::unit_history_none));
  for (std::size_t k = 0; k < moves.size(); ++k) {
    const app::HouseholdMove& m = *moves[k].move;
    char line[512], id[40];
    std::snprintf(line, sizeof line, tr(m.out ? S::move_out_line : S::move_in_line), day_label(m.day).c_str(), moves[k].names.c_str());
    std::snprintf(id, sizeof id, "unit_move:%zu", k);
    wrapped(id, line);
    std::string detail;
    char part[256];
    app::i18n::format_to(part, sizeof part, m.out ? S::move_keys_returned : S::move_keys_handed, static_cast<int>(m.keys));
    detail += part;
    if (!m.cards.empty()) {
      std::snprintf(part, sizeof part, tr(S::move_cards_line), m.cards.c_str());
      detail += std::string(" · ") + part;
    }
    if (!moves[k].recorded_by.empty()) {
      std::snprintf(part, sizeof part, tr(S::move_recorded_by), moves[k].recorded_by.c_str());
      detail += std::string(" · ") + part;
    }
    if (!m.note.empty()) detail += " · " + m.note;
    std::snprintf(id, sizeof id, "unit_move_detail:%zu", k);
    wrapped(id, detail, colors::muted);
  }
}

}  // namespace shell
