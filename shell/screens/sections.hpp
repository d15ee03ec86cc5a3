#pragma once
// The shell's sections: one per workflow, each defined in its own folder
// under shell/screens/<workflow>/ (<workflow>_section.cpp) and listed once in
// sections.cpp. The Registers hub draws a tab for each that has a register;
// Today draws each one's alert (most urgent first) and its part of the day's
// plan; butlerTest.state() gets each one's summary under its key.
//
// A new workflow: its folder, one line in sections.cpp and one in this
// header, and its UI state in ShellState.
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/i18n/catalogue.hpp"

namespace app { class Session; }

namespace shell {

struct ScreenContext;
struct ShellState;

struct Section {
  const char* key = "";                                // its object in butlerTest.state(); show_register()'s name
  app::i18n::S title = app::i18n::S::registers_title;  // its tab under 台账 (with draw_register)
  void (*draw_register)(ScreenContext&) = nullptr;     // its page under 台账; nullptr: a screen of its own
  void (*draw_today_alert)(ScreenContext&) = nullptr;  // Today, above the figures: what needs acting on now
  int alert_rank = 0;                                  // lower first: an emergency before a late ticket
  void (*draw_today_plan)(ScreenContext&) = nullptr;   // Today, below the figures: its part of the day
  // A unit's record, under its status: what this workflow holds for the unit now (mail waiting, water off).
  void (*draw_unit_record)(ScreenContext&, const app::Id& unit) = nullptr;
  // Its summary for the tests' hook: fields only ("\"open\":1,\"page\":\"…\"").
  void (*write_state)(const app::Session&, const ShellState&, std::string& fields) = nullptr;
};

// In the order of the Registers tabs (after the resident archive) and of
// Today's plan: each workflow's of app/workflows.cmake that has a
// shell/screens/<workflow>/<workflow>_section.cpp.
const std::vector<Section>& sections();

// rounds_section(), tickets_section(), …
#define BUTLER_WORKFLOW_SECTION(name) Section name##_section();
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_SECTION

// Registers: the tabs (0 is the resident archive), and opening one by key.
std::vector<const Section*> register_tabs();
void show_register(ShellState& state, const char* key);

// Today: every section's alerts (by rank), then, after the figures, its plan.
void draw_today_alerts(ScreenContext& ctx);
void draw_today_plans(ScreenContext& ctx);
// Each section's lines on a unit's record, in the sections' order.
void draw_unit_record_lines(ScreenContext& ctx, const app::Id& unit);

// butlerTest.state(): ",\"key\":{…}" for every section that reports.
std::string sections_state_json(const app::Session& session, const ShellState& state);
// An id as butlerTest.state() prints it: its 32 hex digits, "" for none.
std::string state_id(const app::Id& id);

}  // namespace shell
