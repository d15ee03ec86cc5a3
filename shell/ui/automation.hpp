#pragma once
// The automation hook behind window.butlerTest: where each labelled widget was
// drawn in the last frame, so browser tests tap real pixels with a touch
// screen instead of calling into the app. Read-only by design.
#include <string>
#include <vector>

#include "imgui.h"

namespace shell {

struct WidgetRecord {
  std::string id;     // stable: the catalogue key or a data id
  std::string label;  // what the user sees, in the current language
  std::string kind;   // button, nav, text (a field), row, toggle; label and banner: words to read, not to tap
  ImVec2 min, max;    // visible part, device pixels
  bool selected = false;
  bool clipped = false;  // partly hidden by its window's edge (a scrolled list)
  bool numeric = false;  // a number field: the tablet shows its numeric keyboard
  bool disabled = false; // drawn but takes no tap (greyed, or a moment after 全部合格 moved on)
  bool truncated = false; // its words do not fit it: drawn cut (a phone's width, a longer English label)
};

// Where a labelled item was laid out, whole, whether or not it is visible:
// the native screen tests look for items that leave the screen sideways.
struct LaidOutItem {
  std::string id;
  std::string kind;
  ImVec2 min, max;            // the whole item (unclipped), device pixels
  ImVec2 clip_min, clip_max;  // its window's visible part
};

class Automation {
 public:
  void begin_frame();
  void end_frame() {
    last_ = current_;
    if (keep_layout_) last_layout_ = layout_;
    ++frames_;
  }

  // Records the last ImGui item (clipped to its window) if it is visible;
  // true when it was recorded.
  bool record_last_item(const char* id, const char* label, const char* kind, bool selected = false);
  // Where an item would be, not drawn this frame (a row scrolled out of
  // view is only spaced): the layout checks and a test's scrolling find it.
  void note_layout(const char* id, const char* kind, ImVec2 min, ImVec2 max) {
    if (keep_layout_) layout_.push_back({id, kind, min, max, min, max});
  }
  // The item just recorded could not show its words whole (`need` wider than `room`, pixels).
  void note_fit(float need, float room) {
    if (!current_.empty() && need > room + 0.5f) current_.back().truncated = true;
  }
  // The record just made is a number field (after record_last_item returned true).
  void mark_last_numeric() { if (!current_.empty()) current_.back().numeric = true; }
  // Something drawn without an item of its own (a badge over a tab), at a rectangle.
  void record_item(const char* id, const char* label, const char* kind, ImVec2 min, ImVec2 max);

  // The text field drawn under a point last frame, if any (for IME focus).
  const WidgetRecord* text_field_at(float x, float y) const;

  std::string widgets_json() const;
  int frames() const { return frames_; }
  const std::vector<WidgetRecord>& last_frame() const { return last_; }

  // Also keeps every recorded item's whole rectangle (off by default: the
  // browser has no use for it). Read after end_frame().
  void set_keep_layout(bool keep) { keep_layout_ = keep; }
  const std::vector<LaidOutItem>& last_layout() const { return last_layout_; }

 private:
  std::vector<WidgetRecord> current_, last_;
  std::vector<LaidOutItem> layout_, last_layout_;
  bool keep_layout_ = false;
  int frames_ = 0;
};

Automation& automation();

// Escapes a string for a JSON literal (UTF-8 passes through).
std::string json_escape(const std::string& s);

}  // namespace shell
