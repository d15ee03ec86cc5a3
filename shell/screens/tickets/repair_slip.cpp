// A repair's slip (维修单): the appointment, the category (which sets the
// callback window), the paid items from the price list with quantities and
// the total, items off the list priced by hand (reviewed by the engineering
// manager before the price stands, 000:619), and the materials the owner
// supplied. Saved, it reads as one line until opened again; once the owner
// signs it no longer changes.
#include <cstdio>

#include "app/core/money.hpp"

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/tickets/ticket_labels.hpp"
#include "imgui.h"
#include "shell/screens/screens.hpp"
#include "shell/screens/tickets/tickets_screens.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/countdown.hpp"
#include "shell/ui/theme.hpp"
#include "shell/ui/widgets.hpp"

using app::i18n::S;
using app::i18n::tr;
namespace tk = app::tickets;

namespace shell {
namespace {

constexpr tk::RepairCategory kCategories[] = {tk::RepairCategory::ordinary, tk::RepairCategory::safety_facility, tk::RepairCategory::leak};

// The appointment choices as wall times: as soon as possible (none), today
// 14:00, tomorrow 09:00, tomorrow 14:00 on the tablet's calendar.
std::int64_t appointment_ms(const app::Session& s, int choice) {
  if (choice <= 0) return 0;
  const std::int64_t now = s.now_ms();
  const std::int64_t midnight = now - now % 60000 - static_cast<std::int64_t>(s.local_now().minute) * 60000;
  const std::int64_t hours[] = {0, 14, 24 + 9, 24 + 14};
  return midnight + hours[choice] * 3600000;
}

std::string summary(const app::Session& s, const app::Ticket& t) {
  const std::string total = t.slip.lines.empty() ? tr(S::slip_free) : app::format_yuan(t.slip.total_cents());
  const std::string when = t.slip.appointment_ms ? short_time(s.local(t.slip.appointment_ms)) : tr(S::slip_asap);
  char line[256];
  std::snprintf(line, sizeof line, tr(S::slip_saved_line), tr(tk::category_label(t.slip.category)), total.c_str(), when.c_str());
  std::string out = line;
  for (const app::SlipLine& l : t.slip.lines) {
    out += "\n" + l.name + (l.item.is_nil() ? tr(S::slip_off_list_mark) : "") + " " + app::format_yuan(l.price_cents) + " × " +
           std::to_string(l.quantity) + " " + l.unit_label;
  }
  if (!t.slip.materials.empty()) out += "\n" + std::string(tr(S::slip_materials)) + "：" + t.slip.materials;
  return out;
}

void load_saved(TicketsUi& st, const app::Ticket& t) {
  if (st.slip_loaded) return;
  st.slip_loaded = true;
  st.slip_category = static_cast<int>(t.slip.category);
  st.slip_materials = t.slip.materials;
  st.slip_quantities.clear();
  st.slip_off_list.clear();
  for (const app::SlipLine& l : t.slip.lines) {
    if (l.item.is_nil()) st.slip_off_list.push_back(l);
    else st.slip_quantities[l.item] = static_cast<int>(l.quantity);
  }
}

// 000:619 the review's state under the saved slip, and the engineering
// manager's two buttons (the service refuses anyone else all the same).
void review(ScreenContext& ctx, const app::Ticket& t, TicketsUi& st) {
  if (!t.slip.has_off_list()) return;
  char line[300];
  unsigned colour = colors::primary;
  if (t.slip.reviewed_ms == 0) {
    std::snprintf(line, sizeof line, "%s", tr(S::slip_review_pending));
  } else if (t.slip.review_passed) {
    std::snprintf(line, sizeof line, tr(S::slip_review_passed), ctx.session.estate().staff_name(t.slip.reviewed_by).c_str(),
                  short_time(ctx.session.local(t.slip.reviewed_ms)).c_str());
    colour = colors::ok;
  } else {
    const app::TicketStep* last = nullptr;
    for (const app::TicketStep& s : t.history) if (s.event == app::TicketEvent::slip_review && s.refused == tk::TransitionError::none) last = &s;
    std::snprintf(line, sizeof line, tr(S::slip_review_refused), last ? last->note.c_str() : "");
    colour = colors::danger;
  }
  ImGui::PushTextWrapPos(0.0f);
  widgets::data_text(line, colour);
  ImGui::PopTextWrapPos();
  automation().record_last_item("slip_review_state", line, "label");
  if (t.slip.reviewed_ms != 0 || !ctx.session.tickets().may_review_slip() || t.status >= tk::Status::done) return;
  widgets::text_field("ticket_note", tr(S::ticket_step_note), &st.note);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
  auto report = [&](const app::Status& s) {
    st.message = s.ok() ? std::string() : s.error().message;
    if (s.ok()) st.note.clear();
  };
  if (widgets::button("slip_review_pass", tr(S::slip_review_pass), half, widgets::Tone::primary)) report(ctx.session.tickets().review_slip(t.id, true, st.note));
  ImGui::SameLine();
  if (widgets::button("slip_review_refuse", tr(S::slip_review_refuse), half, widgets::Tone::danger)) report(ctx.session.tickets().review_slip(t.id, false, st.note));
}

// Items off the price list: each a line with its hand price, removable; a
// name and a price add one.
std::int64_t off_list(TicketsUi& st) {
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::slip_off_list_title));
  std::int64_t total = 0;
  for (std::size_t k = 0; k < st.slip_off_list.size();) {
    const app::SlipLine& l = st.slip_off_list[k];
    total += l.total_cents();
    const std::string text = l.name + "  " + app::format_yuan(l.price_cents);
    char id[32];
    std::snprintf(id, sizeof id, "slip_off_list_remove:%zu", k);
    const float side = ui().touch();
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float right = row.x + ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + (side - ImGui::GetTextLineHeight()) * 0.5f));
    widgets::data_text(text, colors::primary);
    ImGui::SetCursorScreenPos(ImVec2(right - side, row.y));
    if (widgets::button(id, tr(S::slip_less), side)) {
      st.slip_off_list.erase(st.slip_off_list.begin() + static_cast<std::ptrdiff_t>(k));
      continue;
    }
    ++k;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = ImGui::GetContentRegionAvail().x;
  widgets::text_field("slip_off_list_name", tr(S::slip_off_list_name), &st.off_list_name, (w - gap) * 0.6f);
  ImGui::SameLine();
  widgets::text_field("slip_off_list_price", tr(S::slip_off_list_price), &st.off_list_yuan, (w - gap) * 0.4f);
  if (widgets::button("slip_off_list_add", tr(S::slip_off_list_add), -1, widgets::Tone::normal,
                      !st.off_list_name.empty() && !st.off_list_yuan.empty())) {
    const std::optional<std::int64_t> cents = app::parse_yuan(st.off_list_yuan);
    if (!cents) {
      st.message = tr(S::err_off_list_price);
    } else {
      st.slip_off_list.push_back({app::Id{}, st.off_list_name, std::string(), *cents, 1});
      st.off_list_name.clear();
      st.off_list_yuan.clear();
      st.message.clear();
    }
  }
  return total;
}

void item_row(const app::PriceItem& item, int index, int& quantity) {
  const float side = ui().touch();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // Screen coordinates: inside a card, SameLine(x) counts from the card's indent.
  const ImVec2 row = ImGui::GetCursorScreenPos();
  const float right = row.x + ImGui::GetContentRegionAvail().x;
  const std::string text = item.name + "  " + app::format_yuan(item.price_cents) + "/" + item.unit_label;
  ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + (side - ImGui::GetTextLineHeight()) * 0.5f));  // centred on the buttons
  widgets::data_text(text, quantity > 0 ? colors::primary : colors::text);
  char id[32];
  std::snprintf(id, sizeof id, "slip_less:%d", index);
  ImGui::SetCursorScreenPos(ImVec2(right - side * 3 - gap * 2, row.y));
  if (widgets::button(id, tr(S::slip_less), side, widgets::Tone::normal, quantity > 0)) --quantity;
  char count[16];
  std::snprintf(count, sizeof count, "%d", quantity);
  const ImVec2 size = ImGui::CalcTextSize(count);
  ImGui::SetCursorScreenPos(ImVec2(right - side * 2 - gap + (side - size.x) * 0.5f, row.y + (side - size.y) * 0.5f));
  ImGui::TextUnformatted(count);
  std::snprintf(id, sizeof id, "slip_qty:%d", index);
  automation().record_last_item(id, count, "label");
  ImGui::SetCursorScreenPos(ImVec2(right - side, row.y));
  std::snprintf(id, sizeof id, "slip_more:%d", index);
  if (widgets::button(id, tr(S::slip_more), side, widgets::Tone::normal, quantity < 99)) ++quantity;
}

}  // namespace

void draw_repair_slip(ScreenContext& ctx, const app::Ticket& t) {
  TicketsUi& st = ctx.state.tickets;
  // The slip names its ticket as the owner and the repairer will quote it.
  const std::string heading = std::string(tr(S::slip_title)) + " " + tk::ticket_number(t);
  widgets::heading(heading.c_str());
  if (t.slip.set && !st.slip_editing) {
    const std::string line = summary(ctx.session, t);
    ImGui::PushTextWrapPos(0.0f);
    widgets::data_text(line, colors::text);
    ImGui::PopTextWrapPos();
    automation().record_last_item("slip_summary", line.c_str(), "label");
    review(ctx, t, st);
    if (widgets::button("slip_edit", tr(S::ticket_slip_edit), 0)) {
      st.slip_editing = true;
      st.slip_loaded = false;
    }
    return;
  }
  load_saved(st, t);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::slip_appointment));
  const char* when[] = {tr(S::slip_asap), tr(S::slip_today_pm), tr(S::slip_tomorrow_am), tr(S::slip_tomorrow_pm)};
  widgets::choices("slip_when", when, 4, &st.slip_appointment, ui().portrait ? 2 : 4);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::slip_category));
  const char* categories[] = {tr(S::repair_cat_ordinary), tr(S::repair_cat_safety), tr(S::repair_cat_leak)};
  widgets::choices("slip_category", categories, 3, &st.slip_category);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::muted), "%s", tr(S::slip_items));
  app::RepairSlipDraft draft;
  std::int64_t total = 0;
  int index = 0;
  for (const app::PriceItem* item : ctx.session.tickets().price_list()) {
    int& quantity = st.slip_quantities[item->id];
    item_row(*item, index++, quantity);
    if (quantity > 0) {
      draft.items.emplace_back(item->id, quantity);
      total += item->price_cents * quantity;
    }
  }
  total += off_list(st);
  char line[96];
  std::snprintf(line, sizeof line, tr(S::slip_total), app::format_yuan(total).c_str());
  widgets::heading(total > 0 ? line : tr(S::slip_free));
  automation().record_last_item("slip_total", total > 0 ? line : tr(S::slip_free), "label");
  widgets::text_field("slip_materials", tr(S::slip_materials), &st.slip_materials);
  if (widgets::button("slip_save", tr(S::slip_save), -1, widgets::Tone::primary)) {
    draft.appointment_ms = appointment_ms(ctx.session, st.slip_appointment);
    draft.category = kCategories[st.slip_category];
    draft.materials = st.slip_materials;
    draft.off_list = st.slip_off_list;
    const app::Status saved = ctx.session.tickets().set_repair_slip(t.id, draft);
    st.message = saved.ok() ? std::string() : saved.error().message;
    if (saved.ok()) st.slip_editing = false;
  }
}

}  // namespace shell
