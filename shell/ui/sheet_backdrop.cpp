#include "shell/ui/sheet_backdrop.hpp"

#include "imgui_internal.h"

namespace shell {
namespace {
ImDrawList* g_sheet = nullptr;
}  // namespace

void note_sheet_drawn(ImDrawList* sheet) { g_sheet = sheet; }

bool hide_under_sheet(ImDrawData* data, ImVec4* clear) {
  ImDrawList* sheet = g_sheet;
  g_sheet = nullptr;  // one frame's: a sheet closed is not looked for again
  if (!sheet || !data || !data->Valid) return false;
  int at = -1;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    if (data->CmdLists[i] == sheet) at = i;
  }
  if (at <= 0 || sheet->CmdBuffer.Size == 0) return false;
  // ImGui 1.86 draws a modal's dim as the first command of its window's list
  // (RenderDimmedBackgroundBehindWindow): one rectangle over the viewport.
  ImDrawCmd& dim = sheet->CmdBuffer[0];
  const ImVec2 size = data->DisplaySize;
  const bool covers = dim.ClipRect.x <= data->DisplayPos.x && dim.ClipRect.y <= data->DisplayPos.y &&
                      dim.ClipRect.z >= data->DisplayPos.x + size.x && dim.ClipRect.w >= data->DisplayPos.y + size.y;
  if (dim.ElemCount != 6 || !covers) return false;
  dim.ElemCount = 0;
  for (int i = 0; i < at; ++i) {
    data->TotalVtxCount -= data->CmdLists[i]->VtxBuffer.Size;
    data->TotalIdxCount -= data->CmdLists[i]->IdxBuffer.Size;
  }
  data->CmdLists += at;
  data->CmdListsCount -= at;
  // The dim over the page background, as it fades in.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const ImVec4 tint = ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg];
  const float a = tint.w * GImGui->DimBgRatio;
  *clear = ImVec4(bg.x + (tint.x - bg.x) * a, bg.y + (tint.y - bg.y) * a, bg.z + (tint.z - bg.z) * a, 1.0f);
  return true;
}

}  // namespace shell
