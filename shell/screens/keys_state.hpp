#pragma once
// What the key cabinet and shift handover screens hold between frames
// (keys_register.cpp, handover.cpp). Presentation only: every rule is
// app::Session's.
#include <string>

namespace shell {

struct KeysUi {
  std::string message;  // the last command's refusal, in the user's words
};

}  // namespace shell
