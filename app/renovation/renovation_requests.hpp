#pragma once
// What the shell hands RenovationService's commands (renovation_service.hpp).
#include <cstdint>
#include <string>

#include "app/core/id.hpp"
#include "app/renovation/renovation_rules.hpp"

namespace app {

// 物业装修申请表: the unit, its owner, the contractor and the planned dates.
struct NewRenovation {
  Id unit;
  std::string owner;              // 业主 (defaults to the unit's owner on record when empty)
  std::string contractor;         // 施工单位
  std::string contractor_phone;
  std::string scope;              // 装修内容
  std::int64_t planned_start = 0, planned_end = 0;  // yyyymmdd (0: not given)
};

// 违规整改通知书: what was found at the site and what is ordered.
struct NewViolation {
  std::string what;                                   // e.g. "拆改承重墙" / "破坏防水层"
  renovation::Action action = renovation::Action::stop_work;
  std::int64_t rectify_by = 0;                        // yyyymmdd, for 限期整改
  std::int64_t deduct_cents = 0;                      // for 扣除押金
  Id finding;                                         // the round's finding it came from (nil: none)
  // Further actions ordered with `action` (renovation::action_bit each): one
  // notice may order several (004:167). The set is action's bit | also.
  std::int64_t also = 0;
  std::int64_t actions() const { return renovation::action_bit(action) | also; }
};

}  // namespace app

#include <optional>

#include "app/renovation/renovation_data.hpp"

namespace app {

// What a unit under renovation has open (RenovationService::renovation_open_items): a
// unit whose status is 装修中, or that has an unfinished application.
struct RenovationOpenItems {
  Id unit;
  std::string unit_label;                    // "3栋 2单元 1502"
  const Renovation* application = nullptr;   // nullptr: renovating with no application on record
  std::optional<renovation::Stage> next_stage;  // what is to be done next (none once refunded)
  int open_notices = 0;                      // violation notices not followed up
  int passes_out = 0;                        // passes neither returned nor declared lost
  std::optional<std::int64_t> recheck_due;   // yyyymmdd
  bool recheck_overdue = false;
  int rectify_overdue = 0;                   // notices whose rectify-by date has passed, not followed up
};

// A 限期整改 whose date has passed with no follow-up
// (RenovationService::overdue_rectifications): on Today and at the unit's stop.
struct OverdueRectification {
  Id application, notice, unit;
  std::string unit_label, what, number;
  std::int64_t rectify_by = 0;  // yyyymmdd
};

}  // namespace app
