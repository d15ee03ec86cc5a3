#pragma once
// What the ticket screens hold between frames: the new-ticket form's draft,
// the list's tab, the ticket open on its page and the drafts of its next
// step, the visit form and the price list editor. Presentation only: every
// rule is app::Session's.
#include <map>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/signature.hpp"
#include "app/tickets/repair_slip.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace shell {

struct ScreenContext;

struct TicketDraft {
  app::Id unit;                 // the unit picked; nil: none yet
  bool public_area = false;     // a matter of the public areas: no unit
  std::string unit_query;       // the picker's search words
  std::string matched_query;
  std::vector<std::size_t> matches;
  bool matches_valid = false;
  int browse_building = -1;     // the building → floor → unit picker (unit_browser.cpp); -1: none chosen
  int browse_floor = -1;
  std::string owner, phone, what, wants;
  std::string complained_person, complained_department;  // a complaint's 被投诉人 / 被投诉部门
  bool phone_on_record = false; // phone filled from the owner's record: shown masked
  int channel = 0;              // app::tickets::channel_label
  int kind = 0;                 // index into app::tickets::kAllKinds
  int severity = 2;             // index into app::tickets::kAllSeverities: minor
  int requested_days = 0;       // 0: the owner named no date
  std::string night_logged_at;  // a night log: the control room's time ("23:40")
  // A ticket started from another register's record (a visit that became a
  // complaint): told the new ticket's id once saved, so that record keeps it.
  app::Id origin;
  void (*on_saved)(ScreenContext& ctx, const app::Id& origin, const app::Id& ticket) = nullptr;
};

struct TicketsUi {
  bool form_open = false;
  TicketDraft draft;
  std::string form_message;
  int tab = 0;                  // 0 open, 1 overdue, 2 callbacks owed, 3 closed
  app::Id open;                 // the ticket on its page; nil: the list
  std::string message;          // the last command's refusal, in the user's words
  // The next step's drafts, cleared when another ticket opens.
  app::Id drafts_for;
  std::string note;
  int classify_kind = -1, classify_severity = -1;
  bool reclassifying = false;   // 修改定性 opened on a ticket classified at receipt
  // A complaint's acts (complaint_acts.cpp): the answer's words and how, a later date's days.
  std::string answer_said;
  int answer_method = 1;        // by phone
  int later_days = 0;           // index into the later-date choices
  int dispatch_to = 0;
  bool hand_on_open = false;
  int slip_appointment = 0, slip_category = 0;
  std::map<app::Id, int> slip_quantities;  // price item → quantity
  std::string slip_materials;
  std::vector<app::SlipLine> slip_off_list;  // off the price list (000:619: reviewed)
  std::string off_list_name, off_list_yuan;
  std::string slip_receiver;    // who at engineering signs for the slip (000:627)
  app::Signature receiver_signature;
  bool slip_loaded = false;     // the drafts took the saved slip's values
  bool slip_editing = false;    // a saved slip opened again to change it
  app::Signature signature;
  int callback_method = 1;      // by phone
  // Household visits (Today).
  app::Id visit_unit;           // the household being visited; nil: none
  int visit_method = 0;
  std::string visit_note, visit_follow_ups, visit_message;
  // The price list (head butler).
  bool prices_open = false;
  std::string price_name, price_unit, price_yuan, price_message;
  // The deadline settings (Settings, head butler): the numbers being edited.
  app::tickets::Settings deadlines_draft;
  bool deadlines_editing = false;
  std::string deadlines_message;
};

}  // namespace shell
