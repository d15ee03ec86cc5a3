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
  const char* report_zh;     // the report it ends in: 特别事件报告, every kind (001)
  const char* report_en;
  std::vector<StepDef> steps;
  const char* major_zh = nullptr;  // the report a lift entrapment adds: 重大事故报告表 (000:819); nullptr: none
  const char* major_en = nullptr;
};

// Every kind's checklist, in Kind order.
const std::vector<Checklist>& checklists();
const Checklist& checklist_for(Kind kind);
// nullptr when the kind has no step with that key.
const StepDef* find_step(Kind kind, std::string_view key);

// The lift entrapment's release: time to rescue runs from the start to it.
inline constexpr std::string_view kReleasedStep = "released";
// 001 "注意電話聯繫時須詢問對方姓名、預計可到達現場時間及告知故障狀況、有人被困":
// the call is recorded with the name of who took it and the time they gave.
inline constexpr std::string_view kLiftCallStep = "lift_company_called";
// The trapped people are asked their names (recorded as people) and told when
// help is expected (the time recorded with the step).
inline constexpr std::string_view kTrappedToldStep = "trapped_told";

// The reports an incident is filed with. Stored codes: never renumbered.
enum class ReportForm : std::int64_t {
  special = 0,  // 特别事件报告: every incident, by whoever is on duty (001)
  major = 1,    // 重大事故报告表: a lift entrapment, by the department manager (000:819)
};
bool is_report_form(std::int64_t v);
// Whether an incident of this kind must also be filed with the major report.
bool needs_major_report(Kind kind);
// Who may file a form (app::Role codes). 000:819 "部门经理填写重大事故报告表": the
// product has no 部门经理 role; the department manager is the lead above the
// 当值主管 (000:815 reports to both), the manager (管理处主任) — the head butler,
// the 当值主管 of the service centre, may not. The special report: anyone on duty.
bool may_file_report(ReportForm form, std::int64_t role);

}  // namespace app::incidents
