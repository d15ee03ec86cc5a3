#pragma once
// The rounds screens' state (rounds/): the zone open, the round being walked
// and its checkpoint, the finding form, the checklist editor, supervision.
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/rounds/checklist_types.hpp"

namespace shell {

struct RoundsUi {
  app::Id open_zone;                      // the zone whose checkpoints are shown; nil: none
  app::Id active_round;                   // the round being walked; nil: the zone list
  app::Id open_checkpoint;                // its checkpoint being checked; nil: the route
  int failing_item = -1;                  // the failed item whose finding form is open
  std::string finding_note, finding_told;
  bool finding_urgent = false;
  bool finding_owner = false;             // a unit's failed item told to its owner (red meter digits)
  int finding_department = 0;
  std::string reading_draft;
  int reading_item = -1;
  std::string round_message;              // the last rounds command's result
  app::Id open_finding;                   // the finding shown with its evidence; nil: none
  int supervision_days_back = 0;          // 今日督导: 0 today, 1 yesterday…
  std::string checklist_open;             // the checklist being edited (key); empty: none
  app::ChecklistTemplate checklist_draft; // its edit, saved as a new version or dropped
  std::vector<std::string> checklist_choice_texts;  // per draft item: its choices as "正常、异常"
  std::string checklist_new_item;
  std::string checklist_message;
  std::string text_answer_draft;          // a text item's words before they are saved
  int text_answer_item = -1;
  app::Id supervision_zone;               // its zone opened to the evidence; nil: none
  bool finish_asked = false;              // 结束巡查 with checkpoints unchecked: the reason asked
  std::string finish_reason;
  std::string recorded_text;              // "大堂入口 已记录 · 3/21" after 全部合格 moved on
  double recorded_at = -1.0;              // ImGui time it was shown; the next checkpoint settles first
};

}  // namespace shell
