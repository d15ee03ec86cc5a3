#pragma once
// The kinds of emergency (应急) and the checklist each one is handled by, in
// the wording of the source documents (shared/seeds/): lift entrapment from
// 000 §10.0 电梯困人处理程序, the others from 001's 紧急事件处理程序 (fire, leaks,
// gas, theft and robbery, injury, earthquake, drunk or disturbed persons,
// fights). Like the round checklists these are data with both languages in
// them; a step is named by a stable key, stored in the ops, so rewording or
// reordering a step never changes what was recorded.
#include <cstdint>
#include <string_view>
#include <vector>

namespace app::incidents {

// Stored codes: never renumbered.
enum class Kind : std::int64_t {
  lift_entrapment = 0,  // 电梯困人
  fire = 1,             // 火警/火灾
  water_leak = 2,       // 漏水/水浸
  gas = 3,              // 燃气泄漏/煤气味
  theft = 4,            // 盗窃/抢劫
  injury = 5,           // 人员受伤
  earthquake = 6,       // 地震
  disturbance = 7,      // 醉酒/精神异常人员滋扰
  fight = 8,            // 打架斗殴
};
inline constexpr int kKindCount = 9;
bool is_kind(std::int64_t v);

struct StepDef {
  const char* key;           // stable, stored in F::step
  const char* zh;
  const char* en;
  bool if_needed = false;    // done only when the situation calls for it (e.g. the fire service)
  bool needed_to_close = false;  // the incident cannot be closed without it (a lift: the release)
};

struct Checklist {
  Kind kind;
  const char* zh;            // the kind's name, e.g. 电梯困人
  const char* en;
  const char* report_zh;     // the report it ends in: 重大事故报告表 (lift) or 特别事件报告
  const char* report_en;
  std::vector<StepDef> steps;
};

// Every kind's checklist, in Kind order.
const std::vector<Checklist>& checklists();
const Checklist& checklist_for(Kind kind);
// nullptr when the kind has no step with that key.
const StepDef* find_step(Kind kind, std::string_view key);

// The lift entrapment's release: time to rescue runs from the start to it.
inline constexpr std::string_view kReleasedStep = "released";

}  // namespace app::incidents
