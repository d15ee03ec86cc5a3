#pragma once
// What the set-up screens hold between frames (setup*.cpp). Presentation
// only: every rule is app::SetupService's.
#include <string>
#include <vector>

#include "app/core/id.hpp"

namespace shell {

struct SetupUi {
  std::string message;  // the last command's refusal (or "已保存"), in the user's words
  bool message_ok = false;
  app::Id route;        // the zone whose route is being edited; nil: the overview

  // The zone sheet (new when editing_zone is nil).
  bool zone_open = false;
  app::Id editing_zone;
  std::string zone_name;
  int zone_butler = 0;                 // 0: none yet, k: SetupService::butlers()[k - 1]
  std::vector<app::Id> zone_buildings;

  // The checkpoint sheet (new when editing_checkpoint is nil).
  bool checkpoint_open = false;
  app::Id editing_checkpoint;
  std::string checkpoint_name;
  int checkpoint_kind = 0;             // app::CheckpointKind
  int checkpoint_building = 0;         // 0: estate-wide, k: SetupService::buildings()[k - 1]

  // The hours sheet: the times as typed, the closing grace in minutes, the gate chosen.
  bool hours_open = false;
  std::string model_opens, model_closes, greeting_from, greeting_until, round_from, round_until, close_grace;
  int hours_gate = 0;                  // 0: not named, k: SetupService::gates()[k - 1]

  // An office file being imported from this tablet: its kind, its bytes
  // (kept between the check and the confirmation) and the server's answer.
  int import_kind = 1;  // app::ImportKind: residents first, the most common
  std::string import_bytes;
  bool import_busy = false, import_checked = false;
  std::string import_summary;
  std::vector<std::string> import_lines, import_logins;
  bool import_ok = false;

  // A row of the route held by its handle: where it started and where it would land.
  app::Id dragging;
  int drag_from = -1, drag_to = -1;
};

}  // namespace shell
