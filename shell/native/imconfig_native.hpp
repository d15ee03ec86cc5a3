#pragma once
// Dear ImGui's user config for the native build (the screen tests): a failed
// IM_ASSERT is recorded and drawing goes on, so a test reports every broken
// frame (which screen, which assertion) and fails, instead of aborting the
// whole run at the first one. The web build keeps ImGui's default.
void butler_imgui_assert_failed(const char* expr, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : butler_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
