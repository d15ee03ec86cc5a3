#include "shell/native/imgui_asserts.hpp"

#include <cstdio>

namespace shell::native {

std::vector<std::string>& imgui_assert_failures() {
  static std::vector<std::string> failures;
  return failures;
}

}  // namespace shell::native

void butler_imgui_assert_failed(const char* expr, const char* file, int line) {
  char where[64];
  std::snprintf(where, sizeof where, ":%d: ", line);
  auto& failures = shell::native::imgui_assert_failures();
  if (failures.size() < 1000) failures.push_back(std::string(file) + where + expr);
}
