#pragma once
// How commands refuse (the Session's and each workflow service's): a stable
// code (what the shell and the tests match on) and the reason in the user's
// language. Internal to the .cpp files, which say `using command_detail::error;`.
#include "app/core/result.hpp"
#include <cstdio>

#include "app/i18n/catalogue.hpp"

namespace app::command_detail {

inline Error error(const char* code, i18n::S message) { return Error{code, i18n::tr(message)}; }

// The same with printf-style arguments filled into the catalogue's text.
template <typename... Args>
Error errorf(const char* code, i18n::S message, Args... args) {
  char text[512];
  i18n::format_to(text, sizeof text, message, args...);
  return Error{code, text};
}

}  // namespace app::command_detail
