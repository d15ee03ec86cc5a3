#pragma once
// How Session's commands refuse: a stable code (what the shell and the tests
// match on) and the reason in the user's language. Internal to
// app/session/*.cpp, which each say `using session_detail::error;`.
#include "app/core/result.hpp"
#include "app/i18n/catalogue.hpp"

namespace app::session_detail {

inline Error error(const char* code, i18n::S message) { return Error{code, i18n::tr(message)}; }

}  // namespace app::session_detail
