#include "shell/screens/sections.hpp"

#include <algorithm>
#include <cstring>

#include "shell/screens/screens.hpp"

namespace shell {

const std::vector<Section>& sections() {
  static const std::vector<Section> all = {
#define BUTLER_WORKFLOW_SECTION(name) name##_section(),
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_SECTION
  };
  return all;
}

std::vector<const Section*> register_tabs() {
  std::vector<const Section*> tabs;
  for (const Section& s : sections()) {
    if (s.draw_register) tabs.push_back(&s);
  }
  return tabs;
}

void show_register(ShellState& state, const char* key) {
  state.screen = Screen::registers;
  const std::vector<const Section*> tabs = register_tabs();
  for (std::size_t i = 0; i < tabs.size(); ++i) {
    if (std::strcmp(tabs[i]->key, key) == 0) state.registers_section = static_cast<int>(i) + 1;
  }
}

void draw_today_alerts(ScreenContext& ctx) {
  std::vector<const Section*> alerts;
  for (const Section& s : sections()) {
    if (s.draw_today_alert) alerts.push_back(&s);
  }
  std::stable_sort(alerts.begin(), alerts.end(), [](const Section* a, const Section* b) { return a->alert_rank < b->alert_rank; });
  for (const Section* s : alerts) s->draw_today_alert(ctx);
}

void draw_today_plans(ScreenContext& ctx) {
  for (const Section& s : sections()) {
    if (s.draw_today_plan) s.draw_today_plan(ctx);
  }
}

void draw_unit_record_lines(ScreenContext& ctx, const app::Id& unit) {
  for (const Section& s : sections()) {
    if (s.draw_unit_record) s.draw_unit_record(ctx, unit);
  }
}

std::string sections_state_json(const app::Session& session, const ShellState& state) {
  std::string out;
  for (const Section& s : sections()) {
    if (!s.write_state) continue;
    std::string fields;
    s.write_state(session, state, fields);
    out += ",\"" + std::string(s.key) + "\":{" + fields + "}";
  }
  return out;
}

std::string state_id(const app::Id& id) { return id.is_nil() ? std::string() : id.to_hex(); }

}  // namespace shell
