#pragma once
// What the visitors screens hold between frames (visitors_*.cpp). Presentation
// only: every rule is app::VisitorsService's.
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"

namespace shell {

struct VisitorsUi {
  app::Id visit;                 // the visit on its page; nil: the list
  std::string message;           // the last command's refusal (list or page)
  // The reception sheet
  bool form_open = false;
  std::string purpose, name, phone;
  int id_seen = 0;               // app::visitors::IdSeen
  app::Id unit;                  // nil: visiting none
  std::string unit_query, matched_query;
  std::vector<std::size_t> matches;
  bool matches_valid = false;
  int department = -1;           // index into app::visitors::kDepartments; -1: not chosen
  int place = 0;                 // app::visitors::Place
  std::string place_text;
  std::string form_message;
  // A visit's page: the department for 已通报 when none was chosen at receipt
  int tell_department = -1;
};

}  // namespace shell
