#pragma once
// Touch-sized widgets. Each records itself for the automation hook under a
// stable id, so tests find it whatever the language.
#include <string>

#include "imgui.h"

namespace shell::widgets {

enum class Tone { normal, primary, danger, quiet };

// A button at least one touch target tall. width 0 = fit the label, -1 = fill.
bool button(const char* id, const char* label, float width = 0, Tone tone = Tone::normal, bool enabled = true);

// A navigation entry (tab bar or rail); drawn selected when current.
bool nav_item(const char* id, const char* label, bool selected, ImVec2 size);

// One choice among a few, as touch-sized buttons that wrap to `per_row` a
// row (0: all on one row); the chosen one is filled. Ids are "id:k".
// Returns true when the choice changed.
bool choices(const char* id, const char* const* labels, int count, int* selected, int per_row = 0);

// A single-line text field fed by the hidden input (on-screen keyboard, IME).
// `secret`: shown as dots (a PIN).
bool text_field(const char* id, const char* hint, std::string* value, float width = -1, bool secret = false);
// A field for a number (an amount in 元, a floor): digits and a point only,
// and the tablet brings up its numeric keyboard.
bool number_field(const char* id, const char* hint, std::string* value, float width = -1);

// Text that comes from data (names, addresses): makes sure the atlas has its
// characters. Catalogue text needs no such care.
void data_text(const char* text, ImU32 color = 0);
void data_text(const std::string& text, ImU32 color = 0);

// One line of data text drawn at `pos` that ends in "…" where it would pass
// max_x (a long name on a key tile, beside a status pill): never cut through
// a character, never under its neighbour.
// `shown` (if given) gets what was drawn, for the automation tree.
void fitted_text(ImDrawList* dl, ImVec2 pos, float max_x, ImU32 color, const char* text, std::string* shown = nullptr);

// A full-width list row, two lines (title, subtitle) and a status pill on the
// right; at least one touch target tall. Returns true when tapped.
// `width` 0: to the right edge; else that wide (buttons follow on its line).
bool list_row(const char* id, const char* title, const char* subtitle, const char* status = nullptr,
              ImU32 status_color = 0, bool selected = false, float width = 0);

// Buttons side by side that show their labels whole: as many to a line as
// fit the widest label (the caller's `most` at most), the lines evened out,
// each button as wide as the line allows. Call place() before each button.
// While it lives, buttons keep a chip's narrower margin (more to a line).
class ButtonRow {
 public:
  ButtonRow(const char* const* labels, int count, int most = 0);
  ~ButtonRow();
  ButtonRow(const ButtonRow&) = delete;
  ButtonRow& operator=(const ButtonRow&) = delete;
  float width() const { return width_; }
  void place();  // on the same line as the last one, or the start of the next
 private:
  int per_row_ = 1;
  int placed_ = 0;
  float width_ = 0;
};

// A heading in the title font.
void heading(const char* text);

// Lets a finger drag the current window's content; a drag that starts on a
// button scrolls instead of pressing it. Call at the end of a scrolling child.
void drag_scroll();

// A widget that takes the finger's drag for itself (a signature pad) calls
// this each frame it is held: drag_scroll() then leaves the screen still.
void claim_drag();

// A rounded card background for the next group of widgets.
void begin_card(const char* id, float width = 0);  // 0: the rest of the row
void end_card();

// A centred modal card, opened while `open` is true; returns true if it is
// showing (then call end_modal()). Width fits a phone-sized gap on small screens.
// A `sheet` is pinned near the top instead: it grows downward, so a form that
// opens inside it never moves what is above it from under the finger.
// `wide_css`: a wider card (CSS px) for a form laid out in columns in landscape.
bool begin_modal(const char* id, bool open, bool sheet = false, float wide_css = 0);
void end_modal();
// The part of a modal between a fixed header and a fixed footer of
// `footer_height` px: as tall as its content, never taller than the screen
// allows; a longer one scrolls by drag while header and footer stay put.
void begin_modal_body(const char* id, float footer_height);
void end_modal_body();

// A small coloured pill with text (status, counts).
void pill(const char* text, ImU32 color);

}  // namespace shell::widgets
