#pragma once
// The build version shown in the about box and /api/v1/health: the package
// version + the git commit ("0.1.0+1a2b3c4d5e", "+dev" outside git). Defined
// in one .cpp generated at build time (cmake/build_version.cmake), so a new
// commit recompiles that file and relinks, nothing else.
#include <string_view>

namespace app {

// Null-terminated: data() may be handed to printf-style functions.
std::string_view build_version();

}  // namespace app
