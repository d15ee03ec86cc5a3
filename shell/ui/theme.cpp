#include "shell/ui/theme.hpp"

namespace shell {

Ui& ui() {
  static Ui u;
  return u;
}

void apply_theme(float dpr) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(16, 16);
  style.FramePadding = ImVec2(14, 12);
  style.ItemSpacing = ImVec2(12, 12);
  style.ItemInnerSpacing = ImVec2(10, 8);
  style.ScrollbarSize = 10;   // drag-to-scroll is the main way; the bar only shows where you are
  style.GrabMinSize = 24;
  style.WindowRounding = 0;
  style.ChildRounding = 10;
  style.FrameRounding = 10;
  style.PopupRounding = 10;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 8;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 0;
  style.TouchExtraPadding = ImVec2(4, 4);
  style.ScaleAllSizes(dpr);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colors::text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(colors::muted);
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colors::background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(colors::surface);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.14f, 0.2f, 0.45f);
  c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.97f, 0.98f, 1, 1);
  // Secondary buttons are tinted so they read as buttons on white cards too.
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(colors::button);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(colors::button);  // no hover-only cues on touch
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(colors::primary_soft);
  c[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(colors::primary_soft);
  c[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(colors::primary_soft);
  c[ImGuiCol_HeaderActive] = ImGui::ColorConvertU32ToFloat4(colors::primary_soft);
  c[ImGuiCol_Separator] = ImVec4(0.85f, 0.88f, 0.91f, 1);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0.7f, 0.75f, 0.8f, 1);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(colors::primary);
  ImGui::GetStyle() = style;
}

}  // namespace shell
