#pragma once
// The screens. Each draws from app::Session queries and calls its commands;
// none holds a business rule. Presentation state (which screen, a search box's
// text) lives in ShellState.
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/domain/master_data.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklist_types.hpp"
#include "app/schedule/daily_duties.hpp"
#include "imgui.h"
#include "shell/screens/unit_moves.hpp"
#include "butler_workflows/screens.hpp"  // each workflow's *_state.hpp (app/workflows.cmake)

namespace app { class Session; struct UnitRow; }

namespace shell {

class Host;
class SyncDriver;
class PhotoCapture;

enum class Screen { welcome, today, rounds, tickets, registers, sync, settings };

// The lock screen's own state (shell/screens/lock.cpp).
struct LockUi {
  std::string digits;        // typed so far
  std::string first;         // choosing a PIN: the first entry, to confirm
  std::size_t person = 0;    // whose PIN is asked (persons() index)
  bool signing_in = false;   // another person signs in online
  bool working = false;      // a PIN being checked or the data being encrypted
  std::string message;
  int idle_s = 300;          // locks after this long untouched (pref "lock_idle_s")
};

struct ShellState {
  Screen screen = Screen::welcome;
  // The server named this tablet lost and it wiped itself (SyncDriver): the
  // welcome screen says so until the user has read it.
  bool device_wiped = false;
  LockUi lock;
  bool about_open = false;
  bool update_ready = false;
  bool update_dismissed = false;
  std::string registers_query;
  std::string registers_matched_query;
  std::vector<std::size_t> registers_matches;
  bool registers_matches_valid = false;  // cleared when the data changes
  int selected_unit = -1;
  app::Id unit_phone_for;                 // the resident whose phone is being changed; nil: none
  // Residents whose whole phone the user asked for (显示号码, recorded as a
  // contact_viewed op) while this unit's record is open; masked again on close.
  std::vector<app::Id> unit_phones_shown;
  std::string unit_phone_draft;
  bool unit_adding_member = false;
  std::string unit_member_name, unit_member_phone;
  std::string unit_message;               // the last edit's result on the unit record
  UnitMoveDraft unit_move;                // 入住登记 / 迁出登记 open on the unit record
  std::string status_message;
  bool demo_opening = false;              // 体验演示 tapped: the demo's database is being opened
  bool demo_leave_asked = false;          // Sync: 清除演示数据 waits for its confirmation
  std::string sync_server, sync_code, sync_pin;  // the enrolment form
  std::string backup_result;              // Settings: what the last import did
  int registers_section = 0;              // Registers: 0 the archive, then register_tabs() (sections.hpp)
  std::string unit_matches_expanded;      // the unit picker showing all its matches (unit_matches.hpp)
  std::size_t unit_matches_expanded_count = 0;
  // Each workflow's screens' state (shell/screens/<workflow>/<workflow>_state.hpp):
  // RoundsUi rounds, TicketsUi tickets, KeysUi keys (and the handover form), …
#define BUTLER_WORKFLOW_UI(name, Type) Type##Ui name;
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_UI
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
void draw_registers(ScreenContext& ctx);              // the hub: the archive, then each section's register
void draw_resident_archive(ScreenContext& ctx);
std::string day_label(std::int64_t yyyymmdd); // "2026-12-01"
void draw_sync(ScreenContext& ctx);
void draw_enroll_form(ScreenContext& ctx);  // staff code + server PIN (sync.cpp; the lock screen too)
// The tablet lock (lock.cpp): true when it covers the app this frame (then
// nothing else is drawn); the mode's name for the automation hook.
bool lock_covers(ScreenContext& ctx);
void draw_lock(ScreenContext& ctx);
const char* lock_mode_name(ScreenContext& ctx);
void draw_settings(ScreenContext& ctx);
// The new-ticket sheet's building → floor → unit picker: the unit tapped, if any.
const app::UnitRow* browse_units(const app::Session& session, TicketDraft& d);
void draw_about_popup(ScreenContext& ctx);
void draw_unit_record(ScreenContext& ctx);  // the modal over the archive

app::i18n::S unit_status_label(app::UnitStatus s);
ImU32 unit_status_color(app::UnitStatus s);

// Asks for a backup file and imports it (Settings, and the welcome screen of a wiped tablet).
void start_backup_import(ScreenContext& ctx);

}  // namespace shell
