#include "shell/ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "shell/fonts/font_atlas.hpp"
#include "shell/host/host.hpp"
#include "shell/ui/automation.hpp"
#include "shell/ui/press_guard.hpp"
#include "shell/ui/sheet_backdrop.hpp"
#include "shell/ui/theme.hpp"

namespace shell::widgets {

bool button(const char* id, const char* label, float width, Tone tone, bool enabled) {
  const float h = ui().touch();
  ImGui::PushID(id);
  int colors_pushed = 0;
  if (tone == Tone::primary || tone == Tone::danger) {
    const ImU32 base = tone == Tone::primary ? colors::primary : colors::danger;
    ImGui::PushStyleColor(ImGuiCol_Button, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::text);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    colors_pushed = 4;
  } else if (tone == Tone::quiet) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0, 0, 0, 0));
    colors_pushed = 2;
  }
  if (!enabled) ImGui::BeginDisabled();
  const float w = width < 0 ? ImGui::GetContentRegionAvail().x : width;
  ui().fonts->request_text(label);  // labels may carry data (names, places)
  const bool pressed = fresh_press(ImGui::Button(label, ImVec2(w, h)));
  if (!enabled) ImGui::EndDisabled();
  ImGui::PopStyleColor(colors_pushed);
  ImGui::PopID();
  // A width of 0 sizes the button to its label: it always fits.
  if (automation().record_last_item(id, label, "button") && w > 0) {
    automation().note_fit(ImGui::CalcTextSize(label, nullptr, true).x, w - 2 * ImGui::GetStyle().FramePadding.x);
  }
  return pressed && enabled;
}

bool choices(const char* id, const char* const* labels, int count, int* selected, int per_row) {
  if (count <= 0) return false;
  // Chips keep a narrower margin than buttons: more of them to a line.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui().css(8), ImGui::GetStyle().FramePadding.y));
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // As many to a row as fit the longest label whole (a phone's six register
  // sections were cut to "业主档" and "交接"), the rows then evened out; a
  // caller's per_row is the most, never more than fit (a phone, English).
  float widest = 0;
  for (int k = 0; k < count; ++k) widest = std::max(widest, ImGui::CalcTextSize(labels[k]).x);
  const float need = std::max(ui().touch(), widest + 2 * ImGui::GetStyle().FramePadding.x);
  const int fit = std::clamp(static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / (need + gap)), 1, count);
  if (per_row <= 0 || per_row > fit) {
    per_row = std::min(fit, per_row <= 0 ? count : per_row);
    const int rows = (count + per_row - 1) / per_row;
    per_row = (count + rows - 1) / rows;
  }
  if (per_row > count) per_row = count;
  const float w = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  bool changed = false;
  for (int k = 0; k < count; ++k) {
    if (k % per_row) ImGui::SameLine();
    char key[64];
    std::snprintf(key, sizeof key, "%s:%d", id, k);
    if (button(key, labels[k], w, *selected == k ? Tone::primary : Tone::normal) && *selected != k) {
      *selected = k;
      changed = true;
    }
  }
  ImGui::PopStyleVar();
  return changed;
}

ButtonRow::ButtonRow(const char* const* labels, int count, int most) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui().css(8), ImGui::GetStyle().FramePadding.y));
  if (count <= 0) return;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  float widest = 0;
  for (int k = 0; k < count; ++k) widest = std::max(widest, ImGui::CalcTextSize(labels[k], nullptr, true).x);
  const float need = std::max(ui().touch(), widest + 2 * ImGui::GetStyle().FramePadding.x);
  const float avail = ImGui::GetContentRegionAvail().x;
  per_row_ = std::clamp(static_cast<int>((avail + gap) / (need + gap)), 1, most > 0 ? std::min(most, count) : count);
  const int rows = (count + per_row_ - 1) / per_row_;
  per_row_ = (count + rows - 1) / rows;
  width_ = (avail - gap * static_cast<float>(per_row_ - 1)) / static_cast<float>(per_row_);
}

ButtonRow::~ButtonRow() { ImGui::PopStyleVar(); }

void ButtonRow::place() {
  if (placed_++ % per_row_) ImGui::SameLine();
}

bool nav_item(const char* id, const char* label, bool selected, ImVec2 size) {
  ImGui::PushID(id);
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? colors::primary_soft : IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? colors::primary_soft : IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? colors::primary : colors::muted);
  const bool pressed = fresh_press(ImGui::Button(label, size));
  ImGui::PopStyleColor(3);
  if (selected) {
    // A bar marks the current section, visible without colour vision too.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float t = ui().css(4);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + t * 3, b.y - t), ImVec2(b.x - t * 3, b.y), colors::primary, t);
  }
  ImGui::PopID();
  if (automation().record_last_item(id, label, "nav", selected)) {
    automation().note_fit(ImGui::CalcTextSize(label, nullptr, true).x, size.x - 2 * ImGui::GetStyle().FramePadding.x);
  }
  return pressed;
}

namespace {

bool field(const char* id, const char* hint, std::string* value, float width, bool secret, bool numeric) {
  ImGui::PushID(id);
  ImGui::SetNextItemWidth(width < 0 ? ImGui::GetContentRegionAvail().x : width);
  // Taller frame: the field is a touch target too.
  const float pad_y = (ui().touch() - ImGui::GetFontSize()) * 0.5f;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad_y));
  const ImGuiInputTextFlags flags = (secret ? ImGuiInputTextFlags_Password : 0) | (numeric ? ImGuiInputTextFlags_CharsDecimal : 0);
  const bool changed = ImGui::InputTextWithHint("##field", hint, value, flags);
  ImGui::PopStyleVar();
  const bool active = ImGui::IsItemActive();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  // The field being typed into is outlined, so the butler sees where text goes.
  ImGui::GetWindowDrawList()->AddRect(min, max, active ? colors::primary : IM_COL32(0xd0, 0xd7, 0xde, 0xff),
                                      ImGui::GetStyle().FrameRounding, 0, ui().css(active ? 2.0f : 1.0f));
  ImGui::PopID();
  if (automation().record_last_item(id, secret ? std::string(value->size(), '*').c_str() : value->c_str(), "text", active) && numeric) {
    automation().mark_last_numeric();
  }
  ui().fonts->request_text(*value);
  if (active) {
    ui().host->set_active_field_rect(min, max, numeric);
    const std::string& composing = ui().host->composition();
    if (!composing.empty()) {
      // The IME's preedit (e.g. pinyin) shown under the field until committed.
      ImDrawList* dl = ImGui::GetForegroundDrawList();
      const ImVec2 at(min.x, max.y + ui().css(4));
      const ImVec2 size = ImGui::CalcTextSize(composing.c_str());
      const float pad = ui().css(8);
      dl->AddRectFilled(at, ImVec2(at.x + size.x + pad * 2, at.y + size.y + pad * 2), colors::text, ui().css(6));
      dl->AddText(ImVec2(at.x + pad, at.y + pad), IM_COL32_WHITE, composing.c_str());
    }
  }
  return changed;
}

}  // namespace

bool text_field(const char* id, const char* hint, std::string* value, float width, bool secret) {
  return field(id, hint, value, width, secret, false);
}

bool number_field(const char* id, const char* hint, std::string* value, float width) {
  return field(id, hint, value, width, false, true);
}

void fitted_text(ImDrawList* dl, ImVec2 pos, float max_x, ImU32 color, const char* text, std::string* shown) {
  const char* end = text + std::strlen(text);
  if (pos.x + ImGui::CalcTextSize(text, end).x <= max_x) {
    dl->AddText(pos, color, text, end);
    if (shown) *shown = text;
    return;
  }
  static const char* const kEllipsis = "…";
  ui().fonts->request_text(kEllipsis);
  const float room = max_x - pos.x - ImGui::CalcTextSize(kEllipsis).x;
  // Shorter by whole UTF-8 characters (continuation bytes are 10xxxxxx).
  while (end > text && ImGui::CalcTextSize(text, end).x > room) {
    do --end;
    while (end > text && (static_cast<unsigned char>(*end) & 0xC0) == 0x80);
  }
  const std::string cut = std::string(text, end) + kEllipsis;
  dl->AddText(pos, color, cut.c_str());
  if (shown) *shown = cut;
}

bool list_row(const char* id, const char* title, const char* subtitle, const char* status, ImU32 status_color,
              bool selected, float row_width) {
  ui().fonts->request_text(title);
  ui().fonts->request_text(subtitle);
  const float line = ImGui::GetTextLineHeight();
  const float pad = ui().css(10);
  const float height = std::max(ui().touch(), line * 2 + pad * 2 + ui().css(2));
  ImGui::PushID(id);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = fresh_press(ImGui::Selectable("##row", selected, 0, ImVec2(row_width, height)));
  const float width = ImGui::GetItemRectSize().x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x = at.x + ui().css(12);
  float text_end_x = at.x + width - ui().css(12);  // the pill's left edge when there is one
  if (status && *status) {
    ui().fonts->request_text(status);
    const ImVec2 size = ImGui::CalcTextSize(status);
    const float px = ui().css(10), py = ui().css(4);
    const ImVec2 pmax(at.x + width - ui().css(12), at.y + (height + size.y) * 0.5f + py);
    const ImVec2 pmin(pmax.x - size.x - px * 2, pmax.y - size.y - py * 2);
    dl->AddRectFilled(pmin, pmax, status_color, size.y);
    dl->AddText(ImVec2(pmin.x + px, pmin.y + py), IM_COL32_WHITE, status);
    text_end_x = pmin.x - ui().css(8);
  }
  fitted_text(dl, ImVec2(x, at.y + pad), text_end_x, colors::text, title);
  fitted_text(dl, ImVec2(x, at.y + pad + line + ui().css(2)), text_end_x, colors::muted, subtitle);
  dl->AddLine(ImVec2(at.x, at.y + height), ImVec2(at.x + width, at.y + height), IM_COL32(0xdd, 0xe3, 0xe8, 0xff));
  ImGui::PopID();
  automation().record_last_item(id, title, "row", selected);
  return pressed;
}

void data_text(const char* text, ImU32 color) {
  ui().fonts->request_text(text);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text);
  if (color) ImGui::PopStyleColor();
}

void data_text(const std::string& text, ImU32 color) { data_text(text.c_str(), color); }

void heading(const char* text) {
  ui().fonts->request_title_text(text);
  ImGui::PushFont(ui().fonts->title());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

namespace {
int g_drag_claimed_frame = -1;  // the frame a widget last claimed the drag
}  // namespace

void claim_drag() { g_drag_claimed_frame = ImGui::GetFrameCount(); }

void drag_scroll() {
  if (g_drag_claimed_frame == ImGui::GetFrameCount()) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (!ImGui::IsMouseDown(0) || !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  const float threshold = ui().css(10);
  if (!ImGui::IsMouseDragging(0, threshold)) return;
  // A text field keeps the drag for selecting text.
  if (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() == ImGui::GetCurrentContext()->InputTextState.ID) return;
  if (window->ScrollMax.y <= 0) return;
  ImGui::SetScrollY(window, window->Scroll.y - io.MouseDelta.y);
  // A finger that moves is scrolling, not pressing the button it started on.
  if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}

namespace {
// Left edge and width of each open card (cards do not nest, but a stack is
// free), and the window's content edge the card narrowed while open.
struct OpenCard { float left, width, content_max_x, work_max_x; };
ImVector<OpenCard> g_cards;
}  // namespace

void begin_card(const char* id, float width) {
  // Content goes to channel 1; end_card() paints the card under it on
  // channel 0 once the content's height is known (1.86 has no auto-height child).
  ImGui::PushID(id);
  const float left = ImGui::GetCursorScreenPos().x;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  g_cards.push_back({left, width > 0 ? width : ImGui::GetContentRegionAvail().x, window->ContentRegionRect.Max.x, window->WorkRect.Max.x});
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  const float pad = ui().css(16);
  // Full-width widgets inside stop at the card's inner edge, not the window's.
  window->ContentRegionRect.Max.x = window->WorkRect.Max.x = left + g_cards.back().width - pad;
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + pad, ImGui::GetCursorPosY() + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + g_cards.back().width - pad * 2);
}

void end_card() {
  const float pad = ui().css(16);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const OpenCard card = g_cards.back();
  g_cards.pop_back();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->ContentRegionRect.Max.x = card.content_max_x;
  window->WorkRect.Max.x = card.work_max_x;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(card.left, min.y - pad), ImVec2(card.left + card.width, max.y + pad), colors::surface,
                    ui().css(12));
  dl->ChannelsMerge();
  // The card as one item, so SameLine() can place the next card beside it.
  ImGui::SetCursorScreenPos(ImVec2(card.left, min.y - pad));
  ImGui::Dummy(ImVec2(card.width, max.y - min.y + pad * 2));
  ImGui::PopID();
}

bool begin_modal(const char* id, bool open, bool sheet, float wide_css) {
  if (open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float want = ui().css(wide_css > 0 ? wide_css : 560);
  const float width = display.x < want + ui().css(40) ? display.x - ui().css(32) : want;
  if (sheet) ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, ui().css(16)), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  else ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  // Never taller than the screen: a long record scrolls (by drag) inside it,
  // so its closing button stays reachable in landscape too.
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y - ui().css(32)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui().css(24), ui().css(24)));
  const bool showing = ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PopStyleVar();
  if (showing) ImGui::PushTextWrapPos(width - ui().css(24));
  if (showing && sheet) note_sheet_drawn(ImGui::GetWindowDrawList());  // nothing beneath is drawn
  return showing;
}

void end_modal() {
  ImGui::PopTextWrapPos();
  drag_scroll();
  // An auto-sized modal takes its new size (and, centred, its new place) one
  // frame after its content changed. Without that frame the screen would
  // idle showing a layout the next tap no longer hits: draw it now.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float content = window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y;
  if (std::abs(content - window->ContentSize.y) > 0.5f || window->AutoFitFramesY > 0) ui().host->note_activity();
  ImGui::EndPopup();
}

namespace {
ImGuiID g_body_height_key = 0;  // where the open modal body keeps its content height
}  // namespace

void begin_modal_body(const char* id, float footer_height) {
  g_body_height_key = ImGui::GetID(id);
  // 1.86 has no auto-height child: the body is sized from its content as
  // measured last frame (end_modal_body asks for a frame when it changed).
  const float content = ImGui::GetStateStorage()->GetFloat(g_body_height_key, ui().css(160));
  const float room = ImGui::GetIO().DisplaySize.y - ui().css(32) - ImGui::GetCursorPosY() - ui().css(24) - footer_height;
  // A sheet opens at its top: ImGui keeps a child's scroll across openings,
  // so a form reopened would show where the last one was left (its unit
  // search out of sight). Applied at the next Begin: the modal's first frame
  // is not shown (auto-resize), its first visible one starts at the top.
  const bool appearing = ImGui::IsWindowAppearing();
  ImGui::BeginChild(id, ImVec2(0, std::max(ui().touch(), std::min(content, room))), false);
  if (appearing) ImGui::SetScrollY(0);
}

void end_modal_body() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float content = window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y;
  drag_scroll();
  ImGui::EndChild();
  float* stored = ImGui::GetStateStorage()->GetFloatRef(g_body_height_key, 0);
  if (std::abs(*stored - content) > 0.5f) {
    *stored = content;
    ui().host->note_activity();
  }
}

void pill(const char* text, ImU32 color) {
  ui().fonts->request_text(text);
  const ImVec2 size = ImGui::CalcTextSize(text);
  const float px = ui().css(10), py = ui().css(4);
  // Drawn around the text line so the pill's words sit on the line's baseline.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(at.x, at.y - py), ImVec2(at.x + size.x + px * 2, at.y + size.y + py), color, size.y);
  dl->AddText(ImVec2(at.x + px, at.y), IM_COL32_WHITE, text);
  ImGui::Dummy(ImVec2(size.x + px * 2, size.y));
}

}  // namespace shell::widgets
