#pragma once
// What the mail screens hold between frames (mail_*.cpp). Presentation only:
// every rule is app::MailService's.
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"

namespace shell {

struct MailUi {
  app::Id item;                  // the item on its page; nil: the list
  std::string message;           // the last command's refusal (list or page)
  // The sign-in sheet
  bool form_open = false;
  int kind = 2;                  // app::mail::Kind (a parcel, the most common)
  app::Id unit;
  std::string unit_query, matched_query;
  std::vector<std::size_t> matches;
  bool matches_valid = false;
  std::string carrier, tracking, recipient;
  std::string form_message;
  // An item's page
  std::string notice_note, return_note;
  // The hand-over sheet
  bool collect_open = false;
  int collector = 0;             // app::mail::Collector
  std::string collector_name;
  app::Signature signature;
  std::string collect_message;
  // Settings (a lead)
  bool settings_editing = false;
  std::string settings_days;
};

}  // namespace shell
