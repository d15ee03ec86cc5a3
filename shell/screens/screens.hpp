#pragma once
// The screens. Each draws from app::Session queries and calls its commands;
// none holds a business rule. Presentation state (which screen, a search box's
// text) lives in ShellState.
#include <cstddef>
#include <string>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklist_types.hpp"
#include "app/schedule/daily_duties.hpp"
#include "imgui.h"
#include "shell/screens/incidents_state.hpp"
#include "shell/screens/keys_state.hpp"
#include "shell/screens/renovation_state.hpp"
#include "shell/screens/tickets_state.hpp"

namespace app { class Session; struct UnitRow; }

namespace shell {

class Host;
class SyncDriver;
class PhotoCapture;

enum class Screen { welcome, today, rounds, tickets, registers, sync, settings };

struct ShellState {
  Screen screen = Screen::welcome;
  bool about_open = false;
  bool update_ready = false;
  bool update_dismissed = false;
  std::string registers_query;
  std::string registers_matched_query;
  std::vector<std::size_t> registers_matches;
  bool registers_matches_valid = false;  // cleared when the data changes
  int selected_unit = -1;
  std::string unit_phone_for;             // resident (hex id) whose phone is being changed
  std::string unit_phone_draft;
  bool unit_adding_member = false;
  std::string unit_member_name, unit_member_phone;
  std::string unit_message;               // the last edit's result on the unit record
  std::string open_zone;                  // Rounds: the zone whose checkpoints are shown
  std::string active_round;               // the round being walked (hex id); empty: the zone list
  std::string open_checkpoint;            // its checkpoint being checked (hex id); empty: the route
  int failing_item = -1;                  // the failed item whose finding form is open
  std::string finding_note, finding_told;
  bool finding_urgent = false;
  int finding_department = 0;
  std::string reading_draft;
  int reading_item = -1;
  std::string round_message;              // the last rounds command's result
  std::string open_finding;               // Rounds: the finding shown with its evidence (hex id)
  int supervision_days_back = 0;          // 今日督导: 0 today, 1 yesterday…
  std::string checklist_open;             // Rounds: the checklist being edited (key); empty: none
  app::ChecklistTemplate checklist_draft; // its edit, saved as a new version or dropped
  std::vector<std::string> checklist_choice_texts;  // per draft item: its choices as "正常、异常"
  std::string checklist_new_item;
  std::string checklist_message;
  std::string text_answer_draft;          // a text item's words before they are saved
  int text_answer_item = -1;
  std::string supervision_zone;           // its zone opened to the evidence (hex id)
  std::string status_message;
  std::string sync_server, sync_code, sync_pin;  // the enrolment form
  std::string backup_result;              // Settings: what the last import did
  TicketsUi tickets;                      // the ticket screens, the new-ticket sheet, visits
  int registers_section = 0;              // Registers: 0 archive, 1 keys, 2 handover, 3 incidents, 4 renovation
  KeysUi keys;                            // the key cabinet and the shift handover
  IncidentsUi incidents;                  // incidents and their reports
  RenovationUi renovation;                // renovation supervision
};

struct ScreenContext {
  app::Session& session;
  ShellState& state;
  Host& host;
  SyncDriver& sync;
  PhotoCapture& photos;
};

const char* screen_id(Screen s);

void draw_welcome(ScreenContext& ctx);
void draw_today(ScreenContext& ctx);
void draw_rounds(ScreenContext& ctx);
void draw_tickets(ScreenContext& ctx);
void draw_registers(ScreenContext& ctx);              // the hub: archive, keys, handover, incidents, renovation
void draw_resident_archive(ScreenContext& ctx);
// Keys and the shift handover (keys_register.cpp, handover.cpp), and their part of Today.
void draw_keys_register(ScreenContext& ctx);
void draw_handover(ScreenContext& ctx);
void draw_keys_today(ScreenContext& ctx);
void draw_key_sheet(ScreenContext& ctx);       // a key: status, holder, actions, history (key_sheet.cpp)
void open_loan_sheet(KeysUi& st);              // the loan sheet for the keys picked (key_loan.cpp)
void draw_loan_sheet(ScreenContext& ctx);
void draw_key_people(ScreenContext& ctx);      // people and the keys they hold (key_person.cpp)
void draw_person_sheet(ScreenContext& ctx);    // a person's keys, history, departure
void draw_handover_form(ScreenContext& ctx);   // this shift's handover (handover_form.cpp)
// Incidents and renovation (incidents.cpp, renovations.cpp), and their part of Today.
void draw_incidents(ScreenContext& ctx);
void draw_renovations(ScreenContext& ctx);
void draw_incidents_today(ScreenContext& ctx);
// An incident's page and its parts (incident_page.cpp, incident_steps.cpp, incident_report_view.cpp).
void open_incident(ShellState& st, const app::Id& incident);  // from anywhere: the page in 应急
void draw_incident_page(ScreenContext& ctx, const app::Incident& i);
void draw_incident_steps(ScreenContext& ctx, const app::Incident& i);   // the kind's checklist, stamped
void draw_incident_report(ScreenContext& ctx, const app::Incident& i);  // on screen, and printed
void draw_incident_message(const IncidentsUi& st, int where);           // the refusal, where it was tapped
std::string incident_duration(std::int64_t ms);                          // "12 分 05 秒"
// A renovation application's page and its parts (renovation_page.cpp, renovation_steps.cpp,
// renovation_notices.cpp, renovation_form.cpp), and its part of a round's stop.
void open_renovation(ShellState& st, const app::Id& application);
void draw_renovation_page(ScreenContext& ctx, const app::Renovation& r);
void draw_renovation_message(const RenovationUi& st, int where);  // 0 the next step, 3 the passes, 4 the notices
void draw_renovation_next(ScreenContext& ctx, const app::Renovation& r);     // the next stage's step
void draw_renovation_passes(ScreenContext& ctx, const app::Renovation& r);
void draw_renovation_notices(ScreenContext& ctx, const app::Renovation& r);  // with their follow-up
void open_notice_sheet(ScreenContext& ctx, const app::Renovation& r, const app::Finding* finding = nullptr);
void draw_notice_sheet(ScreenContext& ctx);
void open_renovation_form(ShellState& st, const std::string& unit_hex = {});
void draw_renovation_form(ScreenContext& ctx);
void draw_renovation_at_stop(ScreenContext& ctx, const app::Id& round, const app::Id& stop);  // 巡楼: a renovating unit
app::i18n::S reno_stage_label(app::renovation::Stage s);
app::i18n::S reno_action_label(app::renovation::Action a);
std::string reno_yuan(std::int64_t cents);   // "3000.00"
std::string day_label(std::int64_t yyyymmdd); // "2026-12-01"
void draw_sync(ScreenContext& ctx);
void draw_settings(ScreenContext& ctx);
void draw_ticket_deadlines(ScreenContext& ctx);  // Settings · 工单时限
// The new-ticket sheet's building → floor → unit picker: the unit tapped, if any.
const app::UnitRow* browse_units(const app::Session& session, TicketDraft& d);
void draw_about_popup(ScreenContext& ctx);
void draw_unit_record(ScreenContext& ctx);  // the modal over the archive
void draw_supervision(ScreenContext& ctx);                             // Rounds: the head butler's today
void draw_open_findings(ScreenContext& ctx);                           // Rounds: to verify
void draw_finding_photos(const app::Session& session, const app::Finding& f);  // its evidence, as thumbnails
void draw_todays_duties(ScreenContext& ctx);                           // Today: the day's duties of my zones
app::i18n::S duty_label(app::schedule::Duty d);
app::i18n::S duty_short(app::schedule::Duty d);  // a pill's word: 巡查, 巡楼…
app::i18n::S outcome_label(app::schedule::DutyOutcome o);
ImU32 outcome_color(app::schedule::DutyOutcome o);
void draw_round_runner(ScreenContext& ctx, const app::Id& round);      // Rounds, while walking
void draw_checklist_list(ScreenContext& ctx);                          // Rounds: the checklists, to edit
void draw_checklist_editor(ScreenContext& ctx);                        // Rounds, while one is edited
void draw_checkpoint_check(ScreenContext& ctx, const app::Id& round, const app::Id& checkpoint);

// Tickets (tickets.cpp and the files it leads to).
void open_ticket_form(ShellState& st, const std::string& unit_hex = {});  // from anywhere
void draw_ticket_form(ScreenContext& ctx);                                 // the sheet, over any screen
void draw_ticket_page(ScreenContext& ctx, const app::Ticket& t);
void draw_ticket_actions(ScreenContext& ctx, const app::Ticket& t);        // its next step
void draw_repair_slip(ScreenContext& ctx, const app::Ticket& t);
void draw_price_list(ScreenContext& ctx);
std::string ticket_place(const app::Session& s, const app::Ticket& t);     // "3栋 2单元 1502" or 公共区域
void draw_ticket_alerts(ScreenContext& ctx);                               // Today: overdue, callbacks owed
void draw_visits_due(ScreenContext& ctx);                                  // Today: this week's household visits
void draw_visit_form(ScreenContext& ctx);                                  // the visit record sheet

app::i18n::S unit_status_label(app::UnitStatus s);
ImU32 unit_status_color(app::UnitStatus s);

// Asks for a backup file and imports it (Settings, and the welcome screen of a wiped tablet).
void start_backup_import(ScreenContext& ctx);

}  // namespace shell
