#pragma once
// What the outage screens hold between frames (outages_*.cpp). Presentation
// only: every rule is app::OutagesService's.
#include <string>
#include <vector>

#include "app/core/id.hpp"

namespace shell {

struct OutagesUi {
  app::Id open;                  // the notice on its page; nil: the list
  std::string message;           // the last command's refusal
  // The announcement sheet
  bool form_open = false;
  int kind = 0;                  // app::outages::Kind
  std::string reason;
  std::vector<app::Id> buildings;
  int day = 0;                   // 0 today, 1 tomorrow…
  std::string from = "0900", until = "1200";
  std::string form_message;
  // A notice's page
  std::string withdraw_reason;
};

}  // namespace shell
