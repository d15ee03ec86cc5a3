#pragma once
// How a renovation violation notice (违规整改通知书) is numbered and named
// (issue 22): N<tablet>-<seq>, N3-0007, by the rule every numbered record
// follows (app/core/record_number.hpp).
#include <string>
#include <string_view>

#include "app/core/record_number.hpp"
#include "app/renovation/renovation_data.hpp"

namespace app::renovation {

// The next notice number under `prefix`, after every notice already here (on
// any application: the sequence is the tablet's, not the application's).
std::string next_notice_number(const RenovationData& d, std::string_view prefix);
// How a notice is named everywhere (its card, the export): its number; one
// issued before numbers, records::unnumbered_name (#1A2B3C4D).
std::string notice_number(const ViolationNotice& n);

}  // namespace app::renovation
