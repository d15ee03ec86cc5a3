// Renovation rules as tables: every stage transition, the re-check one
// calendar month after the completion check (clamped to the month's end),
// lateness of the re-check, and the refund in integer fen; issue 16's items
// 14–17: who takes which approval, the unit's status during the works, a
// notice's set of actions, and the lost-pass penalty as a setting.
#include <catch2/catch.hpp>

#include "app/renovation/renovation_rules.hpp"

using namespace app::renovation;
using app::Role;

TEST_CASE("renovation stages — every transition, only the next stage follows, nothing after the refund") {
  // The order, by stored code: the works review (code 9) sits between the pre-review and the approval.
  const Stage order[] = {Stage::applied,   Stage::pre_reviewed,  Stage::works_reviewed, Stage::approved,           Stage::fees_paid,
                         Stage::passes_issued, Stage::in_progress, Stage::completion_checked, Stage::rechecked, Stage::refunded};
  for (int k = 0; k < kStageCount; ++k) {
    CHECK(stage_position(order[k]) == k);
    CHECK(next_stage(order[k]) == (k + 1 < kStageCount ? std::optional<Stage>(order[k + 1]) : std::nullopt));
  }
  for (int f = 0; f < kStageCount; ++f) {
    for (int t = 0; t < kStageCount; ++t) {
      INFO(f << " -> " << t);
      const TransitionError e = check_transition(order[f], order[t]);
      if (f == kStageCount - 1) CHECK(e == TransitionError::already_refunded);
      else if (t == f + 1) CHECK(e == TransitionError::none);
      else if (t <= f) CHECK(e == TransitionError::goes_backwards);
      else CHECK(e == TransitionError::skips_a_step);
      // What the fold keeps differs only in the approval recorded straight after the pre-review (before the works review was a step).
      const bool legacy = order[f] == Stage::pre_reviewed && order[t] == Stage::approved;
      CHECK(check_recorded_transition(order[f], order[t]) == (legacy ? TransitionError::none : e));
    }
  }
  CHECK(is_stage(0));
  CHECK(is_stage(8));
  CHECK(is_stage(9));
  CHECK_FALSE(is_stage(10));
  CHECK_FALSE(is_stage(-1));
  CHECK(action_needs_lead(Action::deduct_deposit));
  CHECK(action_needs_lead(Action::expel_contractor));
  CHECK_FALSE(action_needs_lead(Action::stop_work));
  CHECK_FALSE(action_needs_lead(Action::rectify_by));
}

TEST_CASE("the re-check falls one calendar month after the completion check, clamped to the month's last day") {
  struct Row { std::int64_t checked, due; };
  for (const Row& r : {Row{20260115, 20260215}, Row{20260131, 20260228}, Row{20280131, 20280229}, Row{20210131, 20210228},
                       Row{21000131, 21000228}, Row{20000131, 20000229}, Row{20260330, 20260430}, Row{20260331, 20260430},
                       Row{20261130, 20261230}, Row{20261231, 20270131}, Row{20261215, 20270115}, Row{20260228, 20260328},
                       Row{20260829, 20260929}, Row{20260531, 20260630}}) {
    INFO(r.checked);
    CHECK(one_month_after(r.checked) == r.due);
  }
  CHECK_FALSE(recheck_overdue(20260228, 20260228));  // due that day, not late
  CHECK(recheck_overdue(20260228, 20260301));
  CHECK_FALSE(recheck_overdue(20260228, 20260227));
  CHECK_FALSE(recheck_overdue(0, 20260301));  // nothing due yet
}

TEST_CASE("deposit refund in fen — deposit less deductions less lost passes, never below zero") {
  struct Row { std::int64_t deposit, deductions, lost, penalty, refund, penalties; };
  for (const Row& r : {Row{300000, 0, 0, 5000, 300000, 0}, Row{300000, 50000, 0, 5000, 250000, 0},
                       Row{300000, 50000, 1, 5000, 245000, 5000}, Row{300000, 50000, 3, 5000, 235000, 15000},
                       Row{200001, 1, 1, 1, 199999, 1}, Row{100000, 90000, 3, 5000, 0, 15000}, Row{100000, 250000, 0, 5000, 0, 0},
                       Row{0, 0, 2, 5000, 0, 10000}, Row{300000, 0, 2, 0, 300000, 0}}) {
    INFO(r.deposit << " - " << r.deductions << " - " << r.lost << " x " << r.penalty);
    const Refund x = refund_for(r.deposit, r.deductions, r.lost, r.penalty);
    CHECK(x.refund == r.refund);
    CHECK(x.penalties == r.penalties);
    CHECK(x.deposit == r.deposit);
    CHECK(x.deductions == r.deductions);
    CHECK(x.lost_passes == r.lost);
  }
  char buf[32];
  CHECK(format_yuan(300000, buf) == "3000.00");
  CHECK(format_yuan(5, buf) == "0.05");
  CHECK(format_yuan(123456, buf) == "1234.56");
  CHECK(format_yuan(0, buf) == "0.00");
  CHECK(format_yuan(-150, buf) == "-1.50");
}

TEST_CASE("passes are issued from the fees being paid until the works are done, at no other stage") {
  for (int s = 0; s < kStageCount; ++s) {
    INFO(s);
    CHECK(passes_may_be_issued(static_cast<Stage>(s)) == (s >= 3 && s <= 5));
  }
}

// Issue 16 item 14: two approvals, each by its own role.
TEST_CASE("who takes which approval — the works review is engineering's, the application's approval the manager's") {
  struct Row { Stage to; Role role; bool may; };
  const Row rows[] = {
      // 000:463 "2.4.1.3 工程维修部经理对有关装修项目进行审批"
      {Stage::works_reviewed, Role::engineering, true},
      {Stage::works_reviewed, Role::manager, false},
      {Stage::works_reviewed, Role::head_butler, false},
      {Stage::works_reviewed, Role::butler, false},
      // 000:453 "2.3.5 物业经理负责装修申请的审批" (the 物业经理 is the product's manager, docs/glossary.md)
      {Stage::approved, Role::manager, true},
      {Stage::approved, Role::engineering, false},
      {Stage::approved, Role::head_butler, false},
      {Stage::approved, Role::front_desk, false},
      // 000:445 "2.3.1 客服中心负责办理业主/使用人装修申请手续": the other steps are the office's (or engineering's)
      {Stage::pre_reviewed, Role::butler, true},
      {Stage::fees_paid, Role::front_desk, true},
      {Stage::in_progress, Role::engineering, true},
      {Stage::completion_checked, Role::security, false},
      {Stage::refunded, Role::butler, false},
      {Stage::refunded, Role::head_butler, true},
  };
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.to) << " by " << static_cast<int>(r.role));
    CHECK(may_take_stage(r.to, r.role) == r.may);
  }
}

// Issue 16 item 15: the unit's status follows the application.
TEST_CASE("the unit is 装修中 from the works starting until the deposit is refunded, then what the office recorded") {
  // 000:469 "2.4.1.6 客服中心、工程维修部、秩序维护部人员在日常巡查时应对装修施工队的作业情况进行监督"
  // 000:471 "经1个月再复验,确定无违章现象后,给予办理退回装修保证金手续"
  struct Row { Stage stage; bool works; };
  const Row rows[] = {{Stage::applied, false},        {Stage::pre_reviewed, false},      {Stage::works_reviewed, false},
                      {Stage::approved, false},       {Stage::fees_paid, false},         {Stage::passes_issued, false},
                      {Stage::in_progress, true},     {Stage::completion_checked, true}, {Stage::rechecked, true},
                      {Stage::refunded, false}};
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.stage));
    CHECK(works_under_way(r.stage) == r.works);
    for (const app::UnitStatus recorded : {app::UnitStatus::occupied, app::UnitStatus::vacant, app::UnitStatus::model}) {
      CHECK(unit_status_during_works(recorded, works_under_way(r.stage)) == (r.works ? app::UnitStatus::renovating : recorded));
    }
  }
}

// Issue 16 item 16: one notice, several actions.
TEST_CASE("a violation notice orders a set of actions, and deducting or expelling in it needs a lead") {
  // 004:167 "處理方式一般有:停止施工、限期整改并恢復、扣裝修保證金、驅逐其施工單位離場等方式"
  struct Row { std::int64_t set; bool valid, lead; Action first; };
  const auto bit = [](Action a) { return action_bit(a); };
  const Row rows[] = {
      {0, false, false, Action::stop_work},
      {bit(Action::stop_work), true, false, Action::stop_work},
      {bit(Action::stop_work) | bit(Action::rectify_by), true, false, Action::stop_work},
      {bit(Action::rectify_by) | bit(Action::deduct_deposit), true, true, Action::rectify_by},
      {bit(Action::expel_contractor), true, true, Action::expel_contractor},
      {kAllActions, true, true, Action::stop_work},
      {16, false, false, Action::stop_work},
      {-1, false, true, Action::stop_work},
  };
  for (const Row& r : rows) {
    INFO(r.set);
    CHECK(is_action_set(r.set) == r.valid);
    if (!r.valid) continue;
    CHECK(actions_need_lead(r.set) == r.lead);
    CHECK(first_action(r.set) == r.first);
  }
}

// Issue 16 item 17: the lost-pass penalty is the office's setting.
TEST_CASE("按章处罚 — no amount until the office sets one, from the deposit only when the setting says so") {
  // 000:487 "2.4.2.4 在装修工程验收完毕后,客服中心应督促施工队交回《出入证》,对丢失《出入证》的应按章处罚。"
  CHECK_FALSE(Settings{}.penalty_set());
  CHECK(Settings{}.lost_pass_penalty_cents == kPenaltyNotSet);
  CHECK(Settings{}.penalty_from_deposit);  // the team's reading, labelled so on the settings
  struct Row { std::int64_t penalty; bool from_deposit; std::int64_t each; };
  for (const Row& r : {Row{kPenaltyNotSet, true, 0}, Row{kPenaltyNotSet, false, 0}, Row{0, true, 0}, Row{5000, true, 5000},
                       Row{5000, false, 0}, Row{12345, true, 12345}}) {
    INFO(r.penalty << (r.from_deposit ? " from the deposit" : " apart"));
    CHECK(deposit_penalty_each(Settings{r.penalty, r.from_deposit}) == r.each);
    // Two lost passes on a 3000 元 deposit with 500 元 deducted.
    CHECK(refund_for(300000, 50000, 2, deposit_penalty_each(Settings{r.penalty, r.from_deposit})).refund == 250000 - 2 * r.each);
  }
}
