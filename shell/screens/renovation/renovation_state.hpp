#pragma once
// What the renovation screens hold between frames (renovation*.cpp).
// Presentation only: every rule is app::Session's.
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"

namespace shell {

// The new renovation application sheet (物业装修申请表).
struct RenovationDraft {
  app::Id unit;  // nil: pick one
  std::string unit_query, matched_query;
  std::vector<std::size_t> matches;
  bool matches_valid = false;
  std::string owner, contractor, phone, scope;
  int start_in = 0;   // index into the start chips (today, in 3, 7, 14 days)
  int months = 1;     // index into the length chips (1, 2, 3, 6 months)
};

// The violation notice sheet (违规整改通知书), from the application's page or a round's stop.
struct NoticeDraft {
  app::Id renovation;      // the application; nil: the sheet is closed
  app::Id finding;         // the round's finding it comes from; nil: none
  std::string finding_label;
  std::string what, deduct_yuan;
  int action = 0;          // app::renovation::Action
  std::int64_t also = 0;   // further actions ordered with it (app::renovation::action_bit each)
  int rectify = 1;         // index into the rectify-by chips (3, 7, 15, 30 days)
  std::string message;
};

struct RenovationUi {
  std::string message;           // the last command's refusal, in the user's words
  int message_at = 0;            // where it shows: 0 the next step, 3 the passes, 4 the notices
  app::Id application;           // the application on its page; nil: the list
  app::Id drafts_for;            // whose drafts these are (cleared for another application)
  std::string note, deposit_yuan, waste_yuan, pass_number, pass_worker;
  app::Signature refund_signature;
  app::Id follow_notice;         // the notice being followed up; nil: none
  int follow_day = 0;            // 0 today, 1 yesterday, 2 the day before
  std::string follow_note;
  bool form_open = false;
  RenovationDraft form;
  std::string form_message;
  NoticeDraft notice;
  // Settings · 按章处罚 (renovation_settings.cpp): a lead's edit, saved once.
  bool penalty_editing = false;
  std::string penalty_yuan;      // empty: not set
  int penalty_from = 0;          // 0 from the deposit, 1 collected apart
  std::string penalty_message;
};

}  // namespace shell
