#pragma once
// The catalogue's words for the visitors register's enums and the departments
// a visit is told to (the screen, the handover and the export say them the same way).
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "app/i18n/catalogue.hpp"
#include "app/visitors/visitors_rules.hpp"

namespace app::visitors {

inline i18n::S id_seen_label(IdSeen k) {
  switch (k) {
    case IdSeen::id_card: return i18n::S::visitor_id_card;
    case IdSeen::work_pass: return i18n::S::visitor_id_work_pass;
    case IdSeen::said_only: return i18n::S::visitor_id_said;
  }
  return i18n::S::visitor_id_said;
}

inline i18n::S place_label(Place p) {
  switch (p) {
    case Place::reception: return i18n::S::visitor_place_reception;
    case Place::meeting_room: return i18n::S::visitor_place_meeting;
    case Place::other: return i18n::S::visitor_place_other;
  }
  return i18n::S::visitor_place_other;
}

// 000:337 "③、通报相关部门": the departments as a ticket is dispatched to them
// (shell/screens/tickets/ticket_actions.cpp kDispatchTo) and a finding's slip
// goes (工程部, 保洁, 绿化, 秩序维护部), and the service centre. Recorded in
// Chinese, as tickets record theirs.
inline constexpr i18n::S kDepartments[] = {i18n::S::dept_engineering, i18n::S::dept_cleaning, i18n::S::dept_greening,
                                           i18n::S::dept_security, i18n::S::dept_service_centre};
inline constexpr int kDepartmentCount = static_cast<int>(std::size(kDepartments));
inline std::string department_name(int k) { return k >= 0 && k < kDepartmentCount ? i18n::tr(kDepartments[k], i18n::Lang::zh_CN) : std::string(); }
// The index of a recorded department (-1: not one of the list).
inline int department_index(std::string_view zh) {
  for (int k = 0; k < kDepartmentCount; ++k) {
    if (zh == i18n::tr(kDepartments[k], i18n::Lang::zh_CN)) return k;
  }
  return -1;
}
// A recorded department in the reader's language.
inline std::string department_label(std::string_view zh) {
  const int k = department_index(zh);
  return k < 0 ? std::string(zh) : std::string(i18n::tr(kDepartments[k]));
}

}  // namespace app::visitors
