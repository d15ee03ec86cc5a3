#pragma once
// What the incident screens hold between frames (incident*.cpp). Presentation
// only: every rule is app::Session's.
#include <cstdint>
#include <string>

#include "app/core/id.hpp"

namespace shell {

struct IncidentsUi {
  std::string message;           // the last command's refusal, in the user's words
  int message_at = 0;            // where it shows, by what was tapped: 0 the top, 1 under the checklist, 2 the close
  bool start_open = false;       // the kinds sheet (from Today)
  app::Id incident;              // the incident on its page; nil: the list
  bool report = false;           // its report shown instead of the working page
  app::Id drafts_for;            // whose drafts these are (cleared for another incident)
  std::string step_note;         // saved with the next step stamped
  int step_ago = 0;              // 0 now, else the chip: 5, 10, 15 minutes ago
  std::string correcting;        // the step whose time is being corrected (key)
  std::int64_t correct_ms = 0;   // its draft time
  bool place_editing = false;
  std::string place, lift_number, lift_location, lift_floor;
  std::string person, note, outcome;
  std::string call_name, call_minutes;   // the lift call: who took it, arriving in how many minutes (001)
  std::string special_report, major_report;  // the accounts of the 特别事件报告 and the 重大事故报告表
  bool printed = false;          // the report went to the printer (this page)
  bool clock_scrolled_away = false;  // last frame the clock was above the view: it is pinned at the top
};

}  // namespace shell
