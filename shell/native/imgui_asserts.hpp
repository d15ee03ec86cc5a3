#pragma once
// The IM_ASSERTs that failed in the native build (imconfig_native.hpp), in order.
#include <string>
#include <vector>

namespace shell::native {

std::vector<std::string>& imgui_assert_failures();

}  // namespace shell::native
