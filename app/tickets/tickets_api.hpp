#pragma once
// What TicketsService's commands take and its queries return
// (tickets_service.hpp). Pointers returned by queries point into the
// projection: valid until the next command or merge.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/core/id.hpp"
#include "app/tickets/repair_slip.hpp"
#include "app/tickets/tickets_data.hpp"

namespace app {

// A ticket as received (首问负责制: whoever takes it owns it until handed on).
struct NewTicket {
  Id unit;                       // may be nil: a public-area matter
  std::string owner, phone, what, wants;
  std::int64_t channel = 0;      // 0 phone, 1 visit, 2 letter, 3 rounds, 4 night log
  tickets::Kind kind = tickets::Kind::valid_complaint;
  tickets::Severity severity = tickets::Severity::minor;
  std::int64_t requested_ms = 0; // the owner's requested date (minor tickets)
  // 000:257 "详细记录投诉事件的发生时间、地点、被投诉人及被投诉部门": either or both may be empty.
  std::string complained_person, complained_department;
  // The butler judged its nature as it was received (处理投诉的程序 ①做好投诉记录
  // ②准确判断投诉的性质; 记录投诉内容——分类): kind and severity above are the
  // classification, recorded with the receipt, and not asked again.
  bool classified = false;
  // A night log (channel 4): when the control room logged it, as they wrote
  // it ("23:40", app/tickets/night_log.hpp). Required for that channel.
  std::string night_logged_at;
};

// When a night log was due with the customer-service centre and when it came.
struct NightHandover {
  std::int64_t by = 0, at = 0;
  bool late() const { return at > by; }
};

// A repair slip as filled in on the tablet (app/tickets/repair_slip.hpp):
// lines name price-list items and quantities; names and prices are copied
// from the list when saved.
struct RepairSlipDraft {
  std::int64_t appointment_ms = 0;
  tickets::RepairCategory category = tickets::RepairCategory::ordinary;
  std::vector<std::pair<Id, std::int64_t>> items;  // price item, quantity
  std::string materials;
  // Off the price list, priced by hand (SlipLine with a nil item): the price
  // stands once the engineering manager has reviewed them (000:619).
  std::vector<SlipLine> off_list;
};

enum class CallbackMethod : std::int64_t { visit = 0, phone = 1 };

struct CallbackCoverage {
  int owed = 0, done = 0, problems = 0;  // done work that owes a callback, callbacks made, problems found
};

// The head butler's re-check for the period a month falls in (the settings'
// share and period): the callbacks drawn, out of how many were made, and the
// share that really is (1 of 12 is 8%, not the 4% set).
struct RecheckDraw {
  std::int64_t first_month = 0, last_month = 0;  // yyyymm
  std::int64_t percent_set = 0;
  int done = 0;                                  // callbacks made in the period
  std::vector<const Ticket*> sample;             // by when they were called back
  int percent_drawn() const { return done == 0 ? 0 : static_cast<int>((sample.size() * 100 + done / 2) / done); }
};

struct VisitPlan {
  std::int64_t quarter_first = 0, quarter_next = 0;  // yyyymmdd
  int households = 0, visited = 0;  // this quarter, in the zones planned
  int weeks_left = 0;
  std::vector<Id> due_this_week;    // units, in walking order
};

}  // namespace app
