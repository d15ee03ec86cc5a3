#pragma once
// What the incident and renovation screens hold between frames
// (incidents.cpp, renovations.cpp). Presentation only: every rule is
// app::Session's.
#include <string>

namespace shell {

struct IncidentsUi {
  std::string message;  // the last command's refusal, in the user's words
};

}  // namespace shell
