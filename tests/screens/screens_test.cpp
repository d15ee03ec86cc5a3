// Every screen a butler sees, drawn natively with ImGui's null backend: no
// GPU, no browser. The app shell the browser runs (shell/app_shell.cpp) draws
// each frame against a fake host (fake_host.hpp) with the demo community and
// the app's own subset font, at 768×1024, 1280×800 and a 390×844 phone (2×
// pixels, as the browser tests' tablets), in Chinese and in English. The test
// walks the app the way tests/e2e do — taps on widgets found by their
// automation ids — and on each screen checks that
//   (a) the automation ids the screen must register are drawn,
//   (b) no labelled widget leaves the screen sideways,
//   (c) no frame fails an IM_ASSERT (recorded, shell/native/imconfig_native.hpp),
//   (d) every touch target is at least 48 CSS px (not cut by a scrolled list).
// SCREENS_DUMP=1 prints every screen's automation ids (to write expectations).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "tests/screens/tablet.hpp"

namespace {

using namespace screens_test;

// A screen: the taps that lead to it from the one before, the ids it must
// draw, and the taps that leave it (a sheet closed) before the next.
struct Step {
  const char* name;
  std::vector<std::string> taps;
  std::vector<std::string> expected;
  std::vector<std::string> leave = {};
};

// The chrome every screen has once the demo is loaded.
const std::vector<std::string> kChrome = {"lang_switch", "net_status", "ticket_new", "nav_today", "nav_rounds",
                                          "nav_tickets", "nav_registers", "nav_sync", "nav_settings"};

std::vector<std::string> with_chrome(std::vector<std::string> ids) {
  ids.insert(ids.end(), kChrome.begin(), kChrome.end());
  return ids;
}

const std::vector<Step>& walk() {
  static const std::vector<Step> steps = {
      {"today", {"nav_today"}, with_chrome({"today_incident_start", "today_keys_overdue", "today_duty:*", "today_zone:*"})},
      {"rounds", {"nav_rounds"}, with_chrome({"zone:*", "supervise_prev", "supervise_day", "supervise_next", "supervise:*"})},
      {"rounds · a zone's route", {"zone:0"}, with_chrome({"zone_start:0"})},
      {"rounds · the round runner", {"zone_start:0"}, with_chrome({"round_back", "round_progress", "round_finish", "round_cp:*"})},
      {"rounds · a checkpoint", {"round_cp:0"}, with_chrome({"cp_back", "cp_all_pass", "item:*"}), {"cp_back", "round_back", "zone:0"}},
      {"rounds · supervision of a zone", {"supervise:0"}, with_chrome({})},
      {"tickets · open", {"nav_tickets", "tickets_tab:0"}, with_chrome({"tickets_tab:0", "tickets_tab:1", "tickets_tab:2", "tickets_tab:3"})},
      {"tickets · overdue", {"tickets_tab:1"}, with_chrome({})},
      {"tickets · callbacks", {"tickets_tab:2"}, with_chrome({})},
      {"tickets · closed", {"tickets_tab:3"}, with_chrome({})},
      {"new ticket sheet", {"ticket_new"}, {"ticket_form_close"}, {"ticket_form_close"}},
      {"registers · archive", {"nav_registers", "reg_section:0"}, with_chrome({"reg_section:*", "registers_search", "unit:*"})},
      {"registers · a unit's record", {"unit:0"}, {"unit_close", "unit_move_in", "unit_move_out"}, {"unit_close"}},
      // 入住登记 on a vacant unit with its owner on the record, 迁出登记 on an
      // occupied one (the demo's unit:3 and unit:2; 0 and 1 are model units).
      {"registers · the move-in form", {"unit:3", "unit_move_in"},
       {"move_day", "move_on_record:0", "move_person_name:0", "move_person_phone:0", "move_person_relation:0:*", "move_person_job:0",
        "move_add_person", "move_cards", "move_keys_less", "move_keys_more", "move_note", "move_save", "move_cancel"}},
      {"registers · the move-in form, two people", {"move_add_person"}, {"move_person_name:1", "move_person_remove:1"},
       {"move_cancel", "unit_close"}},
      {"registers · the move-out form", {"unit:2", "unit_move_out"},
       {"move_day", "move_leaving:*", "move_keys_less", "move_keys_more", "move_note", "move_save", "move_cancel"},
       {"move_cancel", "unit_close"}},
      {"registers · keys", {"reg_section:1"}, with_chrome({"key_view:0", "key_view:1", "key_filter:0", "key_search", "key:*"})},
      {"registers · a key's sheet", {"key:0"}, {"key_sheet_close"}, {"key_sheet_close"}},
      {"registers · a lost key's sheet", {"key_filter:4", "key:*"}, {"key_sheet_close", "key_found"}, {"key_sheet_close", "key_filter:0"}},
      {"registers · the loan sheet", {"key_filter:1", "key:*", "key_lend_one"}, {"loan_cancel", "loan_save", "loan_reason"},
       {"loan_cancel", "key_filter:0"}},
      {"registers · people and their keys", {"key_view:1"}, with_chrome({"key_view:0", "key_view:1"})},
      {"registers · a person's keys", {"person:0"}, {"person_close"}, {"person_close", "key_view:0"}},
      {"registers · handover", {"reg_section:2"}, with_chrome({"handover_write_open"})},
      {"registers · the handover form", {"handover_write_open"}, {"handover_cancel"}, {"handover_cancel"}},
      {"registers · incidents", {"reg_section:3"}, with_chrome({"incident_start:0"})},
      {"registers · an incident's page", {"incident_start:0"}, with_chrome({"incident_back"}), {"incident_back"}},
      {"registers · renovation", {"reg_section:4"}, with_chrome({"renovation_new", "renovation:*"})},
      {"registers · a renovation's page", {"renovation:0"}, with_chrome({"renovation_back"}), {"renovation_back"}},
      {"registers · a new renovation", {"renovation_new"}, {"reno_form_close"}, {"reno_form_close"}},
      {"registers · mail", {"reg_section:5"}, with_chrome({"mail_receive", "mail_return_days"})},
      {"registers · the mail sign-in sheet", {"mail_receive"},
       {"mail_form_kind:0", "mail_form_kind:4", "mail_form_unit_search", "mail_form_carrier", "mail_form_tracking", "mail_form_recipient",
        "mail_form_save", "mail_form_cancel"},
       {"mail_form_cancel"}},
      {"registers · visitors", {"reg_section:6"}, with_chrome({"visitor_receive"})},
      {"registers · the visitor reception sheet", {"visitor_receive"},
       {"visitor_form_purpose", "visitor_form_name", "visitor_form_id:0", "visitor_form_id:2", "visitor_form_unit_search", "visitor_form_dept:0",
        "visitor_form_dept:4", "visitor_form_place:0", "visitor_form_place:2", "visitor_form_save", "visitor_form_cancel"},
       {"visitor_form_cancel"}},
      {"registers · outages", {"reg_section:7"}, with_chrome({"outage_new"})},
      {"registers · the outage sheet", {"outage_new"},
       {"outage_form_kind:0", "outage_form_kind:3", "outage_form_reason", "outage_form_building:0", "outage_form_day:0", "outage_form_day:6",
        "outage_form_from", "outage_form_until", "outage_form_save", "outage_form_cancel"},
       {"outage_form_cancel"}},
      {"registers · set-up (read-only for a butler)", {"reg_section:8"}, with_chrome({"setup_zone:*"})},
      {"registers · a zone's route (read-only)", {"setup_zone:0"}, with_chrome({"setup_route_back", "setup_cp:*"}), {"setup_route_back"}},
      // The demo has its own database and no enrolment: Sync offers the way out.
      {"sync", {"nav_sync"}, with_chrome({"sync_demo_explain", "sync_leave_demo"})},
      {"settings", {"nav_settings"}, with_chrome({"settings_lang_zh", "settings_lang_en", "backup_export", "backup_import", "settings_about"})},
      {"settings · about", {"settings_about"}, {"about_close"}, {"about_close"}},
  };
  return steps;
}

// What only a head butler sees (the demo signs in as a duty butler).
const std::vector<Step>& lead_walk() {
  static const std::vector<Step> steps = {
      {"rounds · a checklist in the editor", {"nav_rounds", "checklist:0"}, with_chrome({"cl_back", "cl_save", "cl_new_item", "cl_add"}),
       {"cl_back"}},
      {"tickets · the head butler's review", {"nav_tickets", "tickets_tab:0"}, with_chrome({"tickets_coverage", "prices_open"})},
      {"tickets · the price list", {"prices_open"}, with_chrome({"prices_back"}), {"prices_back"}},
      {"registers · set-up", {"nav_registers", "reg_section:8"}, with_chrome({"setup_zone_add", "setup_zone:*"})},
      {"registers · the new zone sheet", {"setup_zone_add"}, {"zone_form_name", "zone_form_butler:0", "zone_form_building:*", "zone_form_save"},
       {"zone_form_cancel"}},
      {"registers · a zone's route", {"setup_zone:0"}, with_chrome({"setup_route_back", "setup_zone_edit", "setup_cp_drag:*", "setup_cp_up:*", "setup_cp_add"})},
      {"registers · a checkpoint's sheet", {"setup_cp:0"}, {"cp_form_name", "cp_form_kind:0", "cp_form_building:0", "cp_form_retire", "cp_form_save"},
       {"cp_form_cancel", "setup_route_back"}},
      {"registers · the model-unit and greeting hours", {"setup_hours_edit"},
       {"hours_model_opens", "hours_model_closes", "hours_greeting_from", "hours_greeting_until", "hours_gate:0", "hours_save"},
       {"hours_cancel"}},
      {"registers · mail's return time (a lead's)", {"nav_registers", "reg_section:5", "mail_settings_edit"},
       with_chrome({"mail_settings_days", "mail_settings_save", "mail_settings_cancel"}), {"mail_settings_cancel"}},
      {"settings · ticket deadlines", {"nav_settings", "deadlines_edit"}, with_chrome({"deadlines_save", "deadlines_cancel"}),
       {"deadlines_cancel"}},
      {"registers · the key cabinet's upkeep", {"nav_registers", "reg_section:1", "key_view:2"},
       with_chrome({"key_view:2", "cabinet_count", "cabinet_add", "cabinet_print", "cabinet_search", "cabinet_key:*"})},
      {"registers · a key to relabel or retire", {"cabinet_key:0"},
       {"cabinet_title", "cabinet_label", "cabinet_relabel", "cabinet_pick_print", "cabinet_retire", "cabinet_sheet_close"},
       {"cabinet_pick_print", "cabinet_sheet_close"}},
      {"registers · adding a unit key", {"cabinet_add"},
       {"key_add_kind:0", "key_add_kind:1", "key_add_unit_search", "key_add_label", "key_add_cancel", "key_add_save"}},
      {"registers · adding a public-area key", {"key_add_kind:1"},
       {"key_add_category", "key_add_system", "key_add_building:0", "key_add_custody:0", "key_add_custody:1", "key_add_save"},
       {"key_add_cancel"}},
      {"registers · printing key labels", {"cabinet_print"}, {"label_print_choice:0", "label_print_choice:1", "label_print_go", "label_print_close"}},
      {"registers · key labels sent to the printer", {"label_print_go"}, {"label_print_sent"}, {"label_print_close", "key_view:0"}},
  };
  return steps;
}

// A move in and a move out saved from the forms (today's date, the owner on
// the record moving in; everyone moving out), then the record with its
// 历史 and former residents. Once in each language.
std::vector<Step> record_moves(const std::string& vacant, const std::string& occupied) {
  return {
      {"registers · a move-in recorded", {"nav_registers", "reg_section:0", vacant, "unit_move_in", "move_on_record:0", "move_save"},
       {"unit_message", "unit_move:0", "unit_move_detail:0", "unit_move_in", "unit_move_out"}, {"unit_close"}},
      {"registers · a move-out recorded", {occupied, "unit_move_out", "move_save"},
       {"unit_message", "unit_move:0", "unit_move_detail:0", "unit_former:*"}, {"unit_close"}},
  };
}

void walk_every_screen(Tablet& t, const std::vector<Step>& steps = walk()) {
  for (const Step& step : steps) {
    t.at(step.name);
    bool reached = true;
    for (const std::string& id : step.taps) reached = t.tap(id) && reached;
    if (!reached) continue;
    t.frames(2);
    t.check(step.expected);
    for (const std::string& id : step.leave) t.tap(id);
  }
}

void run(Viewport vp) {
  Tablet t(vp);
  t.at("welcome");
  t.frames(4);
  REQUIRE(t.state().screen == shell::Screen::welcome);
  t.check({"welcome_try_demo", "welcome_restore", "welcome_enroll", "lang_switch", "net_status"});
  REQUIRE(t.tap("welcome_try_demo"));
  REQUIRE(t.state().screen == shell::Screen::today);
  walk_every_screen(t);
  // English labels run longer: the same walk in the other language.
  t.at("language switch");
  REQUIRE(t.tap("lang_switch"));
  walk_every_screen(t);
  walk_every_screen(t, record_moves("unit:3", "unit:4"));
  // The head butler's screens, as on a tablet enrolled as DGJ001, in both languages.
  t.sign_in_as(app::Role::head_butler);
  walk_every_screen(t, lead_walk());
  t.at("language switch");
  REQUIRE(t.tap("lang_switch"));  // back to Chinese
  walk_every_screen(t, lead_walk());
  // The same two units the other way round: the owner who moved in leaves,
  // the household that left comes back (rows beyond the first few are not laid out on a phone).
  walk_every_screen(t, record_moves("unit:4", "unit:3"));
  INFO(t.frame_count() << " frames");
  std::string report;
  for (const std::string& p : t.problems()) report += p + "\n";
  INFO(report);
  CHECK(t.problems().empty());
}

}  // namespace

TEST_CASE("every screen at 768x1024 (tablet portrait)", "[screens]") { run({"768x1024", 768, 1024}); }
TEST_CASE("every screen at 1280x800 (tablet landscape)", "[screens]") { run({"1280x800", 1280, 800}); }
TEST_CASE("every screen at 390x844 (phone)", "[screens]") { run({"390x844", 390, 844}); }
TEST_CASE("every screen at 360x780 (a small phone)", "[screens]") { run({"360x780", 360, 780}); }
