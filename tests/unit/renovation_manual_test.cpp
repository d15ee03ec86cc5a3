// Issue 16 items 14–17 through Session, each rule as the manual writes it
// (the pure rules' tables are in renovation_rules_test.cpp): the two
// approvals checked for the tablet and for the server (may_record); the
// unit's status following the application into and out of 装修中 and onto the
// 巡楼 route; a violation notice ordering several actions, and a 限期整改
// whose date has passed; the lost-pass penalty as the office's setting.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/domain/validate_op.hpp"
#include "app/domain/views.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/route.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "renovation_fixture.hpp"

using namespace app;
using renovation::Action;
using renovation::PaperKind;
using renovation::Stage;

namespace {

constexpr std::int64_t kDay = 86400000;

Signature signature() {
  Signature s;
  s.strokes.emplace_back();
  for (std::uint16_t i = 0; i < 24; ++i) s.strokes.back().push_back({static_cast<std::uint16_t>(100 + i * 30), static_cast<std::uint16_t>(i % 2 ? 300 : 600)});
  return s;
}

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed) : fixture::Device(seed, Id{seed, seed}) {
    clock.now = 1790000000000;
    REQUIRE(session.load_demo({}).ok());
  }
  // A unit of the given status with no application yet.
  Id unit(UnitStatus status) const {
    for (const UnitRow& row : session.estate().unit_rows()) {
      if (row.status == status && !session.renovation().renovation_of_unit(row.id)) return row.id;
    }
    FAIL("no such unit");
    return {};
  }
  // Through the papers, both approvals and the fees.
  Id paid(const Id& u) {
    NewRenovation a;
    a.unit = u;
    a.contractor = "杭州美居装饰工程有限公司";
    const Id id = session.renovation().apply_renovation(a).value();
    for (PaperKind k : {PaperKind::licence, PaperKind::worker_id, PaperKind::drawings, PaperKind::permit}) {
      REQUIRE(session.renovation().add_renovation_paper(id, k, sha256_hex(std::to_string(static_cast<int>(k)))).ok());
    }
    REQUIRE(session.renovation().pre_review_renovation(id).ok());
    fixture::review_and_approve(*this, id);
    REQUIRE(session.renovation().record_renovation_fees(id, 300000, 80000).ok());
    return id;
  }
  UnitStatus status(const Id& u) const { return session.master_data().units.at(u).status; }
  const UnitRow& row(const Id& u) const { return *session.estate().unit_row(u); }
  // Whether the unit is a stop of its zone's 巡楼 round as one started now would walk it.
  bool on_units_round(const Id& u) const {
    const MasterData& d = session.master_data();
    const Views views = build_views(d);
    for (const auto& [zid, z] : d.zones) {
      if (std::find(z.buildings.begin(), z.buildings.end(), d.units.at(u).building) == z.buildings.end()) continue;
      for (const RouteStop& s : build_route(d, views, zid, RoundKind::units)) {
        if (s.id == u) return true;
      }
    }
    return false;
  }
};

// The op a command would record, as the server sees it.
Op stepped(const Id& application, Stage to) {
  Op op;
  op.kind = OpKind::renovation_stepped;
  op.payload.set(F::parent, application.to_hex()).set(F::reno_stage, static_cast<std::int64_t>(to)).set(F::at_ms, std::int64_t{1790000001000});
  return op;
}

}  // namespace

TEST_CASE("item 14: the works reviewed by engineering, the application approved by the manager — on the tablet and on the server") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(1);
  const Id id = d.session.renovation().apply_renovation(NewRenovation{d.unit(UnitStatus::occupied), "", "宜家居装饰", "", "", 0, 0}).value();
  // 000:461 "客服中心预审装修内容、装修图纸及有关装修施工队资料": the drawings are among the papers.
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::licence, sha256_hex("l")).ok());
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::worker_id, sha256_hex("w")).ok());
  CHECK(d.session.renovation().pre_review_renovation(id).error().code == "papers_required");
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::drawings, sha256_hex("d")).ok());
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::permit, sha256_hex("p")).ok());  // 装修许可证, kept with them
  CHECK(d.session.renovation().renovation(id)->has_paper(PaperKind::permit));
  REQUIRE(d.session.renovation().pre_review_renovation(id).ok());

  struct Row { Stage to; Role role; bool may; };
  const Row rows[] = {
      // 000:463 "2.4.1.3 工程维修部经理对有关装修项目进行审批"
      {Stage::works_reviewed, Role::butler, false},
      {Stage::works_reviewed, Role::head_butler, false},
      {Stage::works_reviewed, Role::manager, false},
      {Stage::works_reviewed, Role::engineering, true},
      // 000:453 "2.3.5 物业经理负责装修申请的审批"
      {Stage::approved, Role::butler, false},
      {Stage::approved, Role::head_butler, false},
      {Stage::approved, Role::engineering, false},
      {Stage::approved, Role::manager, true},
  };
  for (const Row& r : rows) {
    INFO(static_cast<int>(r.to) << " by role " << static_cast<int>(r.role));
    // The server's check, from the op table (the same the tablet runs before storing).
    CHECK(may_record(stepped(id, r.to), static_cast<std::int64_t>(r.role)).ok() == r.may);
    d.as(r.role);
    const Status s = r.to == Stage::works_reviewed ? d.session.renovation().review_renovation_works(id)
                                                   : d.session.renovation().approve_renovation(id);
    CHECK(s.ok() == r.may);
    if (!r.may) CHECK(s.error().code == "not_allowed");
  }
  const Renovation* r = d.session.renovation().renovation(id);
  CHECK(r->stage == Stage::approved);
  REQUIRE(r->history.size() == 3);
  CHECK(r->history[1].to == Stage::works_reviewed);
  CHECK(r->history[1].by == d.with_role(Role::engineering).id);
  CHECK(r->history[2].to == Stage::approved);
  CHECK(r->history[2].by == d.with_role(Role::manager).id);
  // The stage label says which.
  CHECK(std::string(i18n::tr(i18n::S::reno_stage_works_reviewed)) == "工程维修部经理已审批");
  CHECK(std::string(i18n::tr(i18n::S::reno_stage_approved)) == "管理处主任已批准申请");
}

TEST_CASE("item 14: an approval recorded straight after the pre-review (before the works review was a step) still stands") {
  Device d(2);
  const Id unit = d.unit(UnitStatus::occupied);
  const Id id = d.session.renovation().apply_renovation(NewRenovation{unit, "", "宜家居装饰", "", "", 0, 0}).value();
  for (PaperKind k : {PaperKind::licence, PaperKind::worker_id, PaperKind::drawings}) {
    REQUIRE(d.session.renovation().add_renovation_paper(id, k, sha256_hex(std::to_string(static_cast<int>(k)))).ok());
  }
  REQUIRE(d.session.renovation().pre_review_renovation(id).ok());
  // Another tablet's op from before: approved by engineering, no works review.
  Op old = stepped(id, Stage::approved);
  old.op_id = Id{0x01D, 1};
  old.device_id = Id{0xB, 0xB};
  old.entity = Id{0x01D, 2};
  old.actor = d.with_role(Role::engineering).id;
  old.hlc = {d.clock.now + 1000, 0};
  INFO((validate_op(old).ok() ? std::string() : validate_op(old).error().message));
  REQUIRE(validate_op(old).ok());
  REQUIRE(d.session.merge_remote({old}).ok());
  const Renovation* r = d.session.renovation().renovation(id);
  CHECK(r->stage == Stage::approved);
  CHECK(r->history.back().refused == renovation::TransitionError::none);
  CHECK(d.session.renovation().renovation_conflicts().empty());
}

TEST_CASE("item 15: the unit's status follows the application — 装修中 and on the 巡楼 round while the works run, back once refunded") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(3);
  const Id unit = d.unit(UnitStatus::occupied);
  CHECK_FALSE(d.on_units_round(unit));  // an occupied unit is not on the 巡楼 round
  const Id id = d.paid(unit);
  CHECK(d.status(unit) == UnitStatus::occupied);  // applied, approved, paid: the works have not started
  REQUIRE(d.session.renovation().issue_renovation_pass(id, "ZX-1", "李建国").ok());
  CHECK(d.status(unit) == UnitStatus::occupied);
  // 000:469 "客服中心、工程维修部、秩序维护部人员在日常巡查时应对装修施工队的作业情况进行监督"
  REQUIRE(d.session.renovation().start_renovation_works(id).ok());
  CHECK(d.status(unit) == UnitStatus::renovating);
  CHECK(d.row(unit).status == UnitStatus::renovating);  // the archive's row too
  CHECK(d.session.master_data().units.at(unit).recorded_status == UnitStatus::occupied);
  CHECK(d.on_units_round(unit));
  // Not a status anyone sets by hand, nor unsets while the works run.
  CHECK(d.session.estate().set_unit_status(unit, UnitStatus::vacant).error().message == "装修中随装修申请：施工开始时标记，退还装修保证金后恢复");
  CHECK(d.session.estate().set_unit_status(d.unit(UnitStatus::occupied), UnitStatus::renovating).error().code == "follows_renovation");
  // A snapshot keeps both.
  const auto snap = decode_snapshot(encode_snapshot(d.session.master_data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data == d.session.master_data());

  REQUIRE(d.session.renovation().check_renovation_completion(id).ok());
  CHECK(d.status(unit) == UnitStatus::renovating);  // 000:471 "经1个月再复验": still watched until the refund
  while (d.session.today() < renovation::one_month_after(d.session.renovation().renovation(id)->completion_day)) d.clock.now += kDay;
  REQUIRE(d.session.renovation().return_renovation_pass(id, d.session.renovation().renovation(id)->passes.front().id).ok());
  REQUIRE(d.session.renovation().recheck_renovation(id).ok());
  CHECK(d.status(unit) == UnitStatus::renovating);
  d.as(Role::head_butler);
  // 000:471 "确定无违章现象后,给予办理退回装修保证金手续": the unit is what it was again.
  REQUIRE(d.session.renovation().refund_renovation_deposit(id, signature()).ok());
  CHECK(d.status(unit) == UnitStatus::occupied);
  CHECK(d.row(unit).status == UnitStatus::occupied);
  CHECK_FALSE(d.on_units_round(unit));
  REQUIRE(d.session.estate().set_unit_status(unit, UnitStatus::vacant).ok());  // the office's edit again
  CHECK(d.status(unit) == UnitStatus::vacant);

  // Every replica folds the same: the whole log again.
  fixture::Device again(9, Id{9, 9});
  again.session.load(d.storage.durable);
  CHECK(again.session.master_data() == d.session.master_data());
}

TEST_CASE("item 16: one notice orders several actions, and a 限期整改 past its date shows on Today's list and at the unit") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(4);
  const Id unit = d.unit(UnitStatus::occupied);
  const Id id = d.paid(unit);
  REQUIRE(d.session.renovation().issue_renovation_pass(id, "ZX-1", "李建国").ok());
  REQUIRE(d.session.renovation().start_renovation_works(id).ok());
  const auto bit = [](Action a) { return renovation::action_bit(a); };
  const std::int64_t today = d.session.today();
  // 004:167 "停止施工、限期整改并恢復、扣裝修保證金、驅逐其施工單位離場": several in one notice.
  NewViolation n{"拆改承重墙", Action::stop_work, add_days(today, 3), 50000, {}, bit(Action::rectify_by) | bit(Action::deduct_deposit)};
  CHECK(d.session.renovation().issue_violation_notice(id, n).error().code == "not_allowed");  // a deduction: a lead's
  d.as(Role::head_butler);
  n.rectify_by = 0;
  CHECK(d.session.renovation().issue_violation_notice(id, n).error().code == "bad_date");
  n.rectify_by = add_days(today, 3);
  n.deduct_cents = 0;
  CHECK(d.session.renovation().issue_violation_notice(id, n).error().code == "bad_amount");
  n.deduct_cents = 50000;
  const Id notice = d.session.renovation().issue_violation_notice(id, n).value();
  const ViolationNotice* v = d.session.renovation().renovation(id)->notice(notice);
  REQUIRE(v);
  CHECK(v->actions == (bit(Action::stop_work) | bit(Action::rectify_by) | bit(Action::deduct_deposit)));
  CHECK(v->action == Action::stop_work);
  CHECK(v->orders(Action::rectify_by));
  CHECK_FALSE(v->orders(Action::expel_contractor));
  CHECK(d.session.renovation().renovation(id)->deductions_cents() == 50000);
  // One action: the op as it always was, no set on the wire.
  const Id single = d.session.renovation().issue_violation_notice(id, NewViolation{"噪音扰民", Action::stop_work, 0, 0, {}}).value();
  bool single_has_set = true;
  for (const Op& op : d.session.decoded_log()) {
    if (op.entity == single) single_has_set = op.payload.has(F::actions);
    CHECK(validate_op(op).ok());
  }
  CHECK_FALSE(single_has_set);
  CHECK(d.session.renovation().renovation(id)->notice(single)->actions == bit(Action::stop_work));

  // The server refuses a set with a deduction from a butler, and a set without the action it names.
  const auto notice_op = [&](std::int64_t actions) {
    Op op;
    op.kind = OpKind::renovation_violation;
    op.op_id = Id{0xAC, static_cast<std::uint64_t>(actions + 1)};
    op.device_id = Id{0xB, 0xB};
    op.entity = Id{0xAC, 0xE};
    op.hlc = {d.clock.now, 0};
    op.payload.set(F::parent, id.to_hex()).set(F::note, std::string("x")).set(F::action, std::int64_t{0}).set(F::at_ms, d.clock.now);
    op.payload.set(F::actions, actions);
    return op;
  };
  const Op expel = notice_op(bit(Action::stop_work) | bit(Action::expel_contractor));
  CHECK(validate_op(expel).ok());
  CHECK_FALSE(may_record(expel, static_cast<std::int64_t>(Role::butler)).ok());
  CHECK(may_record(expel, static_cast<std::int64_t>(Role::head_butler)).ok());
  CHECK_FALSE(validate_op(notice_op(bit(Action::expel_contractor))).ok());  // 停工 named, not in the set
  CHECK_FALSE(validate_op(notice_op(0)).ok());

  // The date passes with no follow-up: overdue from the day after (on the day it is due, not late).
  // (The demo's own open notice, dated in the demo's January, is long overdue on this tablet's clock.)
  const auto of_this = [&] {
    std::vector<OverdueRectification> out;
    for (const OverdueRectification& o : d.session.renovation().overdue_rectifications()) {
      if (o.application == id) out.push_back(o);
    }
    return out;
  };
  CHECK(of_this().empty());
  while (d.session.today() <= n.rectify_by) {
    CHECK(of_this().empty());
    d.clock.now += kDay;
  }
  const auto overdue = of_this();
  REQUIRE(overdue.size() == 1);
  CHECK(overdue[0].notice == notice);
  CHECK(overdue[0].unit == unit);
  CHECK(overdue[0].unit_label == d.row(unit).label);
  CHECK(overdue[0].what == "拆改承重墙");
  CHECK(overdue[0].rectify_by == n.rectify_by);
  CHECK(d.session.renovation().rectify_overdue(*d.session.renovation().renovation(id)->notice(notice)));
  // Ordered by date: the demo's older one first.
  const auto all = d.session.renovation().overdue_rectifications();
  CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.rectify_by < b.rectify_by; }));
  const auto items = d.session.renovation().renovation_open_items();
  const auto item = std::find_if(items.begin(), items.end(), [&](const RenovationOpenItems& x) { return x.unit == unit; });
  REQUIRE(item != items.end());
  CHECK(item->rectify_overdue == 1);
  // Followed up: off the list.
  REQUIRE(d.session.renovation().follow_up_violation(id, notice, d.session.today(), "已恢复").ok());
  CHECK(of_this().empty());
}

TEST_CASE("item 17: 按章处罚 is the office's setting — no amount of ours, taken from the deposit only when it says so") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(5);
  // 000:487 "对丢失《出入证》的应按章处罚": the manuals name no amount. The demo office set 50 元.
  CHECK(d.session.renovation().renovation_settings() == renovation::Settings{5000, true});
  CHECK(d.session.renovation().save_renovation_settings({renovation::kPenaltyNotSet, true}).error().code == "not_allowed");  // a butler
  Op op;
  op.kind = OpKind::renovation_settings_set;
  op.entity = kRenovationSettingsEntity;
  op.payload.set(F::pass_penalty_cents, std::int64_t{100});
  CHECK_FALSE(may_record(op, static_cast<std::int64_t>(Role::butler)).ok());  // the server's check
  CHECK(may_record(op, static_cast<std::int64_t>(Role::head_butler)).ok());
  d.as(Role::head_butler);
  CHECK(d.session.renovation().save_renovation_settings({-2, true}).error().code == "bad_amount");
  REQUIRE(d.session.renovation().save_renovation_settings({renovation::kPenaltyNotSet, true}).ok());
  CHECK_FALSE(d.session.renovation().renovation_settings().penalty_set());

  const Id unit = d.unit(UnitStatus::occupied);
  const Id id = d.paid(unit);
  const Id p1 = d.session.renovation().issue_renovation_pass(id, "ZX-1", "李建国").value();
  const Id p2 = d.session.renovation().issue_renovation_pass(id, "ZX-2", "王海涛").value();
  REQUIRE(d.session.renovation().start_renovation_works(id).ok());
  REQUIRE(d.session.renovation().check_renovation_completion(id).ok());
  while (d.session.today() < renovation::one_month_after(d.session.renovation().renovation(id)->completion_day)) d.clock.now += kDay;
  REQUIRE(d.session.renovation().return_renovation_pass(id, p1).ok());
  REQUIRE(d.session.renovation().declare_renovation_pass_lost(id, p2).ok());
  REQUIRE(d.session.renovation().recheck_renovation(id).ok());
  const Renovation* r = d.session.renovation().renovation(id);
  // Unset and taken from the deposit: the refund waits for the office's amount.
  CHECK(d.session.renovation().renovation_refund(*r).penalties == 0);
  CHECK(d.session.renovation().refund_renovation_deposit(id, signature()).error().code == "penalty_unset");
  // Collected apart: the deposit comes back whole, whatever the amount.
  REQUIRE(d.session.renovation().save_renovation_settings({8000, false}).ok());
  CHECK(d.session.renovation().renovation_refund(*r).refund == 300000);
  // From the deposit: less the office's amount per lost pass.
  REQUIRE(d.session.renovation().save_renovation_settings({8000, true}).ok());
  CHECK(d.session.renovation().renovation_refund(*r).refund == 300000 - 8000);
  REQUIRE(d.session.renovation().refund_renovation_deposit(id, signature()).ok());
  r = d.session.renovation().renovation(id);
  CHECK(r->refund_cents == 292000);
  CHECK(r->penalty_cents == 8000);
  // Each field is the later edit's, on every replica.
  fixture::Device again(9, Id{9, 9});
  again.session.load(d.storage.durable);
  CHECK(again.session.renovation().renovation_settings() == renovation::Settings{8000, true});
  const auto snap = decode_snapshot(encode_snapshot(d.session.master_data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.renovation == d.session.master_data().renovation);
}
