#include "shell/ui/automation.hpp"

#include <cstdio>

#include "imgui_internal.h"

namespace shell {

Automation& automation() {
  static Automation a;
  return a;
}

void Automation::begin_frame() {
  current_.clear();
  layout_.clear();
}

bool Automation::record_last_item(const char* id, const char* label, const char* kind, bool selected) {
  if (keep_layout_) {
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    layout_.push_back({id, kind, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), clip.Min, clip.Max});
  }
  if (!ImGui::IsItemVisible()) return false;
  const ImRect full(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImRect r = full;
  r.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
  if (r.GetWidth() < 1 || r.GetHeight() < 1) return false;
  // A selectable row reaches half an item spacing past the content edge on
  // each side (ImGui's hit area), under the window's clip: that is not hidden.
  const float slack_x = ImGui::GetStyle().ItemSpacing.x + 0.5f;
  const bool clipped = r.GetWidth() < full.GetWidth() - slack_x || r.GetHeight() < full.GetHeight() - 0.5f;
  current_.push_back({id, label ? label : "", kind, r.Min, r.Max, selected, clipped});
  current_.back().disabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  return true;
}

void Automation::record_item(const char* id, const char* label, const char* kind, ImVec2 min, ImVec2 max) {
  if (keep_layout_) layout_.push_back({id, kind, min, max, min, max});
  current_.push_back({id, label ? label : "", kind, min, max, false, false});
}

const WidgetRecord* Automation::text_field_at(float x, float y) const {
  for (const auto& w : last_) {
    if (w.kind == "text" && x >= w.min.x && x < w.max.x && y >= w.min.y && y < w.max.y) return &w;
  }
  return nullptr;
}

std::string json_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Automation::widgets_json() const {
  std::string out = "[";
  char buf[200];
  for (std::size_t i = 0; i < last_.size(); ++i) {
    const auto& w = last_[i];
    if (i) out += ',';
    std::snprintf(buf, sizeof buf, "\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"selected\":%s,\"clipped\":%s,\"disabled\":%s,\"truncated\":%s",
                  w.min.x, w.min.y, w.max.x - w.min.x, w.max.y - w.min.y, w.selected ? "true" : "false",
                  w.clipped ? "true" : "false", w.disabled ? "true" : "false", w.truncated ? "true" : "false");
    out += "{\"id\":\"" + json_escape(w.id) + "\",\"label\":\"" + json_escape(w.label) + "\",\"kind\":\"" + w.kind +
           "\"," + buf + "}";
  }
  return out + "]";
}

}  // namespace shell
