// Renovation supervision (装修管理) through Session: an application from the
// contractor's papers to the deposit refund, each stage refused with a reason
// when it does not follow or when the role may not; passes issued, returned
// and lost; violation notices and their follow-up; the re-check one calendar
// month after the completion check; the refund's arithmetic in fen; two
// tablets stepping one application offline keeping the conflict; three
// replicas doing random work converging; the demo's applications; and the
// office's incidents.csv and renovations.csv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/replica.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/server/csv_export.hpp"
#include "app/session/session.hpp"
#include "app/store/snapshot.hpp"
#include "renovation_fixture.hpp"
#include "export_text.hpp"

using namespace app;
using renovation::Action;
using renovation::PaperKind;
using renovation::Stage;

namespace {

constexpr std::int64_t kMinute = 60000, kDay = 86400000;

struct Device : fixture::Device {
  explicit Device(std::uint64_t seed, std::uint64_t device, std::int64_t now = 1790000000000) : fixture::Device(seed, Id{device, device}) {
    clock.now = now;
    REQUIRE(session.load_demo({}).ok());
  }
  // An occupied unit with no application yet.
  Id unit(std::size_t n = 0) const {
    for (const UnitRow& row : session.estate().unit_rows()) {
      if (row.status == UnitStatus::occupied && !session.renovation().renovation_of_unit(row.id) && n-- == 0) return row.id;
    }
    return {};
  }
  NewRenovation application(const Id& u) const {
    NewRenovation a;
    a.unit = u;
    a.contractor = "杭州美居装饰工程有限公司";
    a.contractor_phone = "0571-86650123";
    a.scope = "厨卫防水、铺砖";
    a.planned_start = 20260925;
    a.planned_end = 20261225;
    return a;
  }
  // An application taken through the papers, review, approval and fees.
  Id paid(const Id& u) {
    const Id id = session.renovation().apply_renovation(application(u)).value();
    REQUIRE(session.renovation().add_renovation_paper(id, PaperKind::licence, sha256_hex("licence")).ok());
    REQUIRE(session.renovation().add_renovation_paper(id, PaperKind::worker_id, sha256_hex("id card")).ok());
    REQUIRE(session.renovation().add_renovation_paper(id, PaperKind::drawings, sha256_hex("drawings")).ok());
    REQUIRE(session.renovation().pre_review_renovation(id).ok());
    fixture::review_and_approve(*this, id);
    REQUIRE(session.renovation().record_renovation_fees(id, 300000, 80000).ok());
    return id;
  }
};

Signature signature() {
  Signature s;
  s.strokes.emplace_back();
  for (std::uint16_t i = 0; i < 24; ++i) s.strokes.back().push_back({static_cast<std::uint16_t>(100 + i * 30), static_cast<std::uint16_t>(i % 2 ? 300 : 600)});
  return s;
}

}  // namespace

TEST_CASE("a renovation from the application to the refund — each stage in order, refusals in words, the refund in fen") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(1, 1);
  const Id unit = d.unit();
  NewRenovation a = d.application(unit);
  a.contractor.clear();
  CHECK(d.session.renovation().apply_renovation(a).error().code == "contractor_required");
  a = d.application(unit);
  a.planned_end = 20260901;
  CHECK(d.session.renovation().apply_renovation(a).error().message == "计划完工日期不能早于开工日期");
  a.planned_end = 20260230;
  CHECK(d.session.renovation().apply_renovation(a).error().code == "bad_date");
  const Id id = d.session.renovation().apply_renovation(d.application(unit)).value();
  CHECK(d.session.renovation().apply_renovation(d.application(unit)).error().code == "open_exists");
  const Renovation* r = d.session.renovation().renovation(id);
  REQUIRE(r);
  CHECK(r->stage == Stage::applied);
  CHECK(r->owner == d.session.estate().residents_of(unit).front()->name);  // the owner on record
  CHECK(d.session.renovation().renovation_of_unit(unit) == r);

  // Pre-review needs the licence, the workers' IDs and the drawings (insurance only where required).
  CHECK(d.session.renovation().pre_review_renovation(id).error().message == "预审前须拍照上传营业执照/资质证书、施工人员身份证和装修图纸");
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::licence, sha256_hex("licence")).ok());
  CHECK(d.session.renovation().pre_review_renovation(id).error().code == "papers_required");
  CHECK(d.session.renovation().add_renovation_paper(id, PaperKind::worker_id, "not a hash").error().code == "bad_photo");
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::worker_id, sha256_hex("id card")).ok());
  // 000:461 "客服中心预审装修内容、装修图纸及有关装修施工队资料".
  CHECK(d.session.renovation().pre_review_renovation(id).error().code == "papers_required");
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::drawings, sha256_hex("drawings")).ok());
  CHECK(d.session.renovation().record_renovation_fees(id, 300000, 80000).error().message == "装修手续不能跳过中间步骤");
  REQUIRE(d.session.renovation().pre_review_renovation(id, "图纸无结构改动").ok());
  CHECK(d.session.renovation().pre_review_renovation(id).error().message == "装修申请已在这一步之后");

  // Two approvals: 000:463 the works reviewed by 工程维修部经理, then 000:453 the application approved by the manager.
  CHECK(d.session.renovation().review_renovation_works(id).error().message == "装修项目须由工程维修部经理审批");
  const Id butler = d.session.actor();
  d.as(Role::manager);
  CHECK(d.session.renovation().approve_renovation(id).error().message == "装修手续不能跳过中间步骤");
  d.as(Role::engineering);
  REQUIRE(d.session.renovation().review_renovation_works(id, "无结构改动").ok());
  CHECK(d.session.renovation().approve_renovation(id).error().message == "装修申请须由管理处主任批准");
  d.as(Role::manager);
  REQUIRE(d.session.renovation().approve_renovation(id).ok());
  d.session.set_actor(butler);
  CHECK(d.session.renovation().issue_renovation_pass(id, "ZX-001", "李建国").error().code == "bad_step");  // fees first
  CHECK(d.session.renovation().record_renovation_fees(id, -1, 80000).error().code == "bad_amount");
  REQUIRE(d.session.renovation().record_renovation_fees(id, 300000, 80000).ok());
  r = d.session.renovation().renovation(id);
  CHECK(r->deposit_cents == 300000);
  CHECK(r->waste_fee_cents == 80000);
  CHECK(d.session.renovation().start_renovation_works(id).error().message == "请先办理出入证");

  // Passes: the first one is the stage; more may follow during the works.
  CHECK(d.session.renovation().issue_renovation_pass(id, "ZX-001", "").error().code == "pass_fields");
  const Id p1 = d.session.renovation().issue_renovation_pass(id, "ZX-001", "李建国").value();
  CHECK(d.session.renovation().renovation(id)->stage == Stage::passes_issued);
  CHECK(d.session.renovation().issue_renovation_pass(id, "ZX-001", "王海涛").error().message == "该编号的出入证尚未交回");
  const Id p2 = d.session.renovation().issue_renovation_pass(id, "ZX-002", "王海涛").value();
  REQUIRE(d.session.renovation().start_renovation_works(id).ok());
  const Id p3 = d.session.renovation().issue_renovation_pass(id, "ZX-003", "陈志强").value();
  CHECK(d.session.renovation().renovation(id)->stage == Stage::in_progress);
  CHECK(d.session.renovation().renovation(id)->passes_out() == 3);

  // A site inspection finds violations.
  NewViolation wall{"卫生间拆除时损坏防水层", Action::deduct_deposit, 0, 50000, {}};
  CHECK(d.session.renovation().issue_violation_notice(id, wall).error().message == "扣除保证金、清退施工队须由客服主管或管理处主任决定");
  d.as(Role::head_butler);
  wall.deduct_cents = 0;
  CHECK(d.session.renovation().issue_violation_notice(id, wall).error().code == "bad_amount");
  wall.deduct_cents = 50000;
  const Id n1 = d.session.renovation().issue_violation_notice(id, wall).value();
  d.session.set_actor(butler);
  NewViolation rubbish{"装修垃圾堆放在楼道", Action::rectify_by, d.session.today() - 1, 0, {}};
  CHECK(d.session.renovation().issue_violation_notice(id, rubbish).error().code == "bad_date");
  rubbish.rectify_by = add_days(d.session.today(), 3);
  const Id n2 = d.session.renovation().issue_violation_notice(id, rubbish).value();
  CHECK(d.session.renovation().issue_violation_notice(id, NewViolation{}).error().code == "what_required");
  CHECK(d.session.renovation().issue_violation_notice(id, NewViolation{"拆改承重墙", Action::stop_work, 0, 0, Id{1, 1}}).error().code == "unknown_finding");
  REQUIRE(d.session.renovation().add_violation_photo(id, n1, sha256_hex("waterproofing")).ok());
  CHECK(d.session.estate().photos_of(n1).size() == 1);
  CHECK(d.session.renovation().follow_up_violation(id, n1, add_days(d.session.today(), 1)).error().code == "bad_date");  // not in the future
  REQUIRE(d.session.renovation().follow_up_violation(id, n1, d.session.today(), "防水层已重做，闭水试验无渗漏").ok());
  CHECK(d.session.renovation().follow_up_violation(id, n1, d.session.today()).error().message == "该通知书已跟进");

  // Completion check; the re-check a calendar month later, not before.
  REQUIRE(d.session.renovation().check_renovation_completion(id, "完工核查无违章").ok());
  r = d.session.renovation().renovation(id);
  CHECK(r->completion_day == d.session.today());
  const std::int64_t due = renovation::one_month_after(d.session.today());
  CHECK(d.session.renovation().renovation_recheck_due(*r) == due);
  CHECK_FALSE(d.session.renovation().renovation_recheck_overdue(*r));
  CHECK(d.session.renovation().issue_renovation_pass(id, "ZX-004", "赵六").error().message == "出入证须在缴费后、完工核查前办理");
  const Status early = d.session.renovation().recheck_renovation(id);
  CHECK(early.error().code == "recheck_early");
  CHECK(early.error().message.find("未到复查日期：") == 0);
  while (d.session.today() < due) d.clock.now += kDay;
  REQUIRE(d.session.renovation().return_renovation_pass(id, p1).ok());
  CHECK(d.session.renovation().return_renovation_pass(id, p1).error().code == "pass_returned");
  REQUIRE(d.session.renovation().declare_renovation_pass_lost(id, p2).ok());
  CHECK(d.session.renovation().declare_renovation_pass_lost(id, p2).error().message == "出入证已登记遗失");
  REQUIRE(d.session.renovation().recheck_renovation(id, "复查无违章").ok());

  // The refund: signed by a head butler or the manager, and only with every pass back and every notice followed up.
  CHECK(d.session.renovation().refund_renovation_deposit(id, signature()).error().message == "退保证金须由客服主管或管理处主任签字");
  d.as(Role::head_butler);
  CHECK(d.session.renovation().refund_renovation_deposit(id, Signature{}).error().code == "not_signed");
  CHECK(d.session.renovation().refund_renovation_deposit(id, signature()).error().message == "还有出入证未交回或登记遗失");
  REQUIRE(d.session.renovation().return_renovation_pass(id, p3).ok());
  CHECK(d.session.renovation().refund_renovation_deposit(id, signature()).error().message == "还有违规整改通知书未跟进");
  REQUIRE(d.session.renovation().follow_up_violation(id, n2, d.session.today(), "楼道已清理").ok());
  r = d.session.renovation().renovation(id);
  renovation::Refund money = d.session.renovation().renovation_refund(*r);
  CHECK(money.refund == 300000 - 50000 - 5000);  // the demo office's 50 元 (renovation_settings_set), not the manual's
  REQUIRE(d.session.renovation().save_renovation_settings({10000, true}).ok());
  CHECK(d.session.renovation().renovation_refund(*r).refund == 300000 - 50000 - 10000);
  REQUIRE(d.session.renovation().save_renovation_settings({5000, true}).ok());
  REQUIRE(d.session.renovation().refund_renovation_deposit(id, signature()).ok());
  r = d.session.renovation().renovation(id);
  CHECK(r->stage == Stage::refunded);
  CHECK(r->refund_cents == 245000);
  CHECK(r->penalty_cents == 5000);
  CHECK(decode_signature(r->refund_signature) == signature());
  REQUIRE(d.session.renovation().save_renovation_settings({99999, true}).ok());
  CHECK(d.session.renovation().renovation_refund(*r).refund == 245000);  // the recorded penalty stands
  CHECK(d.session.renovation().refund_renovation_deposit(id, signature()).error().message == "保证金已退，装修申请已办结");
  CHECK(d.session.renovation().issue_violation_notice(id, rubbish).error().code == "finished");
  const auto in_progress = d.session.renovation().renovations_in_progress();
  CHECK(std::none_of(in_progress.begin(), in_progress.end(), [&](const Renovation* x) { return x->id == id; }));
  CHECK(r->history.size() == 9);
  for (const RenovationStep& s : r->history) CHECK(s.refused == renovation::TransitionError::none);
  for (const Op& op : d.session.decoded_log()) {
    INFO(static_cast<int>(op.kind));
    CHECK(validate_op(op).ok());
  }
  // A new application for the unit is possible once the last one is finished.
  CHECK(d.session.renovation().apply_renovation(d.application(unit)).ok());
}

TEST_CASE("the re-check date clamps to the month's end and is overdue on a clock that cannot go back") {
  Device d(2, 2, 1801368000000);  // 2027-01-31 12:00, Beijing time
  CHECK(d.session.today() == 20270131);
  const Id id = d.paid(d.unit());
  REQUIRE(d.session.renovation().issue_renovation_pass(id, "A1", "张伟").ok());
  REQUIRE(d.session.renovation().start_renovation_works(id).ok());
  REQUIRE(d.session.renovation().check_renovation_completion(id).ok());
  const Renovation* r = d.session.renovation().renovation(id);
  CHECK(d.session.renovation().renovation_recheck_due(*r) == 20270228);
  d.clock.now += 27 * kDay;  // 2027-02-27
  CHECK(d.session.renovation().recheck_renovation(id).error().message == "未到复查日期：2027-02-28");
  d.clock.now += kDay;  // due today: not late
  CHECK_FALSE(d.session.renovation().renovation_recheck_overdue(*r));
  d.clock.now += kDay;  // 2027-03-01
  CHECK(d.session.renovation().renovation_recheck_overdue(*r));
  REQUIRE(d.session.renovation().add_renovation_paper(id, PaperKind::insurance, sha256_hex("insurance")).ok());  // the tablet stamps 03-01
  d.clock.now -= 10 * kDay;  // someone sets the clock back
  CHECK(d.session.renovation().renovation_recheck_overdue(*d.session.renovation().renovation(id)));
  const auto items = d.session.renovation().renovation_open_items();
  auto it = std::find_if(items.begin(), items.end(), [&](const RenovationOpenItems& x) { return x.application && x.application->id == id; });
  REQUIRE(it != items.end());
  CHECK(it->recheck_overdue);
  CHECK(it->recheck_due == 20270228);
  CHECK(it->passes_out == 1);
  CHECK(it->next_stage == Stage::rechecked);

  Device leap(3, 3, 1832904000000);  // 2028-01-31: February has 29 days
  const Id lid = leap.paid(leap.unit());
  REQUIRE(leap.session.renovation().issue_renovation_pass(lid, "B1", "刘强").ok());
  REQUIRE(leap.session.renovation().start_renovation_works(lid).ok());
  REQUIRE(leap.session.renovation().check_renovation_completion(lid).ok());
  CHECK(leap.session.renovation().renovation_recheck_due(*leap.session.renovation().renovation(lid)) == 20280229);
}

TEST_CASE("what each unit under renovation has open — the demo's applications at their stages") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(4, 4);
  const auto progress = d.session.renovation().renovations_in_progress();
  REQUIRE(progress.size() == 2);
  for (const Renovation* r : progress) {
    CHECK(d.session.master_data().units.at(r->unit).status == UnitStatus::renovating);
    CHECK_FALSE(r->owner.empty());
    for (const RenovationStep& s : r->history) CHECK(s.refused == renovation::TransitionError::none);
  }
  const Renovation* older = progress[0];  // applied in October: checked on completion in December
  const Renovation* newer = progress[1];
  CHECK(older->stage == Stage::completion_checked);
  CHECK(older->completion_day == 20251127);
  CHECK(d.session.renovation().renovation_recheck_due(*older) == 20251227);
  CHECK(older->lost_passes() == 1);
  CHECK(d.session.renovation().renovation_refund(*older).refund == 200000 - 50000 - 5000);
  CHECK(newer->stage == Stage::in_progress);
  CHECK(newer->passes_out() == 3);
  CHECK(newer->open_notices() == 1);
  const auto items = d.session.renovation().renovation_open_items();
  int renovating = 0;
  for (const UnitRow& row : d.session.estate().unit_rows()) renovating += row.status == UnitStatus::renovating;
  CHECK(static_cast<int>(items.size()) == renovating);  // every renovating unit, with or without an application
  int with_app = 0;
  for (const RenovationOpenItems& x : items) {
    if (!x.application) continue;
    ++with_app;
    if (x.application == newer) {
      CHECK(x.open_notices == 1);
      CHECK(x.passes_out == 3);
      CHECK(x.next_stage == Stage::completion_checked);
    }
  }
  CHECK(with_app == 2);
  // The demo's tablet clock (late 2026) is long past the 2025-12-27 re-check.
  CHECK(d.session.renovation().renovation_recheck_overdue(*older));
}

TEST_CASE("two tablets step one application offline — every replica folds the same, the later stage is kept as a conflict") {
  Device a(5, 5), b(6, 6);
  const Id id = a.paid(a.unit());
  REQUIRE(a.session.renovation().issue_renovation_pass(id, "C1", "陈志强").ok());
  REQUIRE(a.session.renovation().start_renovation_works(id).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  a.clock.now += kMinute;
  b.clock.now += 2 * kMinute;
  REQUIRE(a.session.renovation().check_renovation_completion(id, "A 核查").ok());
  REQUIRE(b.session.renovation().check_renovation_completion(id, "B 核查").ok());
  const Id pa = a.session.renovation().issue_renovation_pass(id, "C2", "王五").error().code == "bad_step" ? Id{} : Id{1, 1};
  CHECK(pa.is_nil());
  REQUIRE(b.session.renovation().return_renovation_pass(id, b.session.renovation().renovation(id)->passes.front().id).ok());
  REQUIRE(a.session.renovation().declare_renovation_pass_lost(id, a.session.renovation().renovation(id)->passes.front().id).ok());
  REQUIRE(a.session.merge_remote(b.session.decoded_log()).ok());
  REQUIRE(b.session.merge_remote(a.session.decoded_log()).ok());
  const Renovation* ra = a.session.renovation().renovation(id);
  const Renovation* rb = b.session.renovation().renovation(id);
  CHECK(*ra == *rb);
  CHECK(ra->stage == Stage::completion_checked);
  // The pass came back on one tablet and was declared lost on the other: returned wins, no penalty.
  CHECK(ra->passes.front().state() == renovation::PassState::returned);
  CHECK(ra->lost_passes() == 0);
  const auto conflicts = a.session.renovation().renovation_conflicts();
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts.front().second->note == "B 核查");
  CHECK(conflicts.front().second->refused == renovation::TransitionError::goes_backwards);
  CHECK(b.session.renovation().renovation_conflicts().size() == 1);
  const auto snap = decode_snapshot(encode_snapshot(a.session.master_data(), {}, 0, FoldKey{}, {}));
  REQUIRE(snap.ok());
  CHECK(snap.value().data.renovation == a.session.master_data().renovation);
  CHECK(snap.value().data == a.session.master_data());
}

TEST_CASE("three replicas doing random incident and renovation work offline converge after exchanging ops in any order — conflicts kept") {
  std::size_t conflicts_seen = 0, refunds = 0, closed = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    std::vector<std::unique_ptr<Device>> devices;
    for (std::uint64_t k = 0; k < 3; ++k) devices.push_back(std::make_unique<Device>(seed * 10 + k, 100 + k));
    Device& first = *devices[0];
    first.as(Role::manager);
    const Id incident = first.session.incidents().start_incident(NewIncident{}).value();
    std::vector<Id> apps{first.paid(first.unit(0)), first.paid(first.unit(1))};
    for (auto& dev : devices) {
      if (dev.get() != &first) REQUIRE(dev->session.merge_remote(first.session.decoded_log()).ok());
      dev->as(Role::manager);  // the manager may do every step
    }
    const auto& steps = incidents::checklist_for(incidents::Kind::lift_entrapment).steps;
    int done = 0;
    for (int turn = 0; turn < 240; ++turn) {
      Device& dev = *devices[rng() % 3];
      dev.clock.now += static_cast<std::int64_t>(rng() % 5) * kMinute + (rng() % 6 == 0 ? 16 * kDay : 0);
      Session& s = dev.session;
      const Id app = apps[rng() % 2];
      const Renovation* r = s.renovation().renovation(app);
      bool ok = false;
      switch (rng() % 12) {
        case 0: ok = s.incidents().record_incident_step(incident, steps[rng() % steps.size()].key, "", 0).ok(); break;
        case 1: ok = s.incidents().add_incident_person(incident, rng() % 2 ? "业主 张先生" : "访客 王女士").ok(); break;
        case 2: {
          IncidentPlace w;
          w.lift_number = std::to_string(rng() % 4);
          ok = s.incidents().set_incident_place(incident, w).ok() && dev.file_incident_reports(incident) &&
               s.incidents().close_incident(incident, "救出 " + std::to_string(rng() % 3)).ok();
          break;
        }
        case 3: ok = s.renovation().issue_renovation_pass(app, "P" + std::to_string(rng() % 6), "工人").ok(); break;
        case 4:  // the works are over: the butler collects every pass still out
          if (r) {
            std::vector<Id> out;
            for (const RenovationPass& x : r->passes) {
              if (x.issued_ms != 0 && x.out()) out.push_back(x.id);
            }
            for (const Id& p : out) ok = s.renovation().return_renovation_pass(app, p).ok() || ok;
          }
          break;
        case 5:
          if (r && !r->passes.empty()) ok = s.renovation().declare_renovation_pass_lost(app, r->passes[rng() % r->passes.size()].id).ok();
          break;
        case 6: ok = s.renovation().start_renovation_works(app).ok(); break;
        case 7: ok = s.renovation().check_renovation_completion(app).ok(); break;
        case 8: ok = s.renovation().recheck_renovation(app).ok(); break;
        case 9: ok = s.renovation().refund_renovation_deposit(app, signature()).ok(); break;
        case 10: {
          NewViolation v{"违规 " + std::to_string(rng() % 5), rng() % 2 ? Action::stop_work : Action::deduct_deposit, 0, 10000, {}};
          ok = s.renovation().issue_violation_notice(app, v).ok();
          break;
        }
        case 11:  // a follow-up visit: every open notice checked
          if (r) {
            std::vector<Id> open;
            for (const ViolationNotice& n : r->notices) {
              if (n.known() && !n.followed_up()) open.push_back(n.id);
            }
            for (const Id& n : open) ok = s.renovation().follow_up_violation(app, n, s.today()).ok() || ok;
          }
          break;
      }
      done += ok;
      // Now and then two devices meet and exchange part of what they hold.
      if (rng() % 6 == 0) {
        Device& other = *devices[rng() % 3];
        std::vector<Op> log = dev.session.decoded_log();
        std::shuffle(log.begin(), log.end(), rng);
        log.resize(log.size() / 2 + rng() % (log.size() / 2 + 1));
        REQUIRE(other.session.merge_remote(std::move(log)).ok());
      }
    }
    CHECK(done > 20);  // the test must not pass by doing nothing
    // Back online: everyone gets everything, in any order.
    for (int round = 0; round < 2; ++round) {
      for (auto& to : devices) {
        for (auto& from : devices) {
          if (to == from) continue;
          std::vector<Op> log = from->session.decoded_log();
          std::shuffle(log.begin(), log.end(), rng);
          REQUIRE(to->session.merge_remote(std::move(log)).ok());
        }
      }
    }
    const MasterData& d0 = devices[0]->session.master_data();
    for (auto& dev : devices) {
      CHECK(dev->session.master_data().incidents == d0.incidents);
      CHECK(dev->session.master_data().renovation == d0.renovation);
      CHECK(dev->session.renovation().renovation_conflicts().size() == devices[0]->session.renovation().renovation_conflicts().size());
    }
    // Nothing dropped: every stage op is in a history, applied or kept as a conflict.
    std::size_t stepped = 0, kept = 0;
    for (const Op& op : devices[0]->session.decoded_log()) stepped += op.kind == OpKind::renovation_stepped;
    for (const auto& [id, r] : d0.renovation.renovations) kept += r.history.size();
    CHECK(kept == stepped);
    for (const Op& op : devices[0]->session.decoded_log()) CHECK(validate_op(op).ok());
    conflicts_seen += devices[0]->session.renovation().renovation_conflicts().size();
    for (const auto& [id, r] : d0.renovation.renovations) refunds += r.stage == Stage::refunded;
    closed += d0.incidents.incidents.at(incident).closed();
  }
  // Over the seeds the work really raced: conflicts arose and were kept, applications and incidents finished.
  CHECK(conflicts_seen > 0);
  CHECK(refunds > 0);
  CHECK(closed > 0);
}

TEST_CASE("incidents.csv and renovations.csv — the office's registers in Beijing time and yuan") {
  i18n::set_current_language(i18n::Lang::zh_CN);
  Device d(7, 7);
  const std::int64_t t0 = d.clock.now;
  NewIncident lift;
  lift.where.lift_number = "3-1";
  lift.where.lift_location = "3栋 1单元 客梯";
  const Id id = d.session.incidents().start_incident(lift).value();
  d.clock.now = t0 + 25 * kMinute;
  REQUIRE(d.session.incidents().record_incident_step(id, "released", "", t0 + 22 * kMinute).ok());
  REQUIRE(d.file_incident_reports(id));
  REQUIRE(d.session.incidents().close_incident(id, "已救出，无人受伤").ok());
  NewIncident leak;
  leak.kind = incidents::Kind::water_leak;
  leak.where.place = "地下室水泵房";
  REQUIRE(d.session.incidents().start_incident(leak).ok());  // still open

  Replica replica;
  replica.add(d.session.decoded_log());
  const server::ExportRegistry exports = server::default_exports();
  REQUIRE(exports.find("incidents"));
  REQUIRE(exports.find("renovations"));
  const std::string incidents = export_text((*exports.find("incidents"))(server::ExportInput{replica}));
  CHECK(incidents.rfind("类型,地点,开始时间,解除时间,用时（分钟）,处理结果,报告人\r\n", 0) == 0);
  const std::string butler = d.session.estate().staff_name(d.session.actor());
  CHECK(incidents.find("电梯困人,3栋 1单元 客梯," + format_local(t0) + "," + format_local(t0 + 22 * kMinute) + ",22,已救出，无人受伤," + butler + "\r\n") !=
        std::string::npos);
  CHECK(incidents.find("漏水/水浸,地下室水泵房," + format_local(t0 + 25 * kMinute) + ",,,," + butler + "\r\n") != std::string::npos);

  const std::string renovations = export_text((*exports.find("renovations"))(server::ExportInput{replica}));
  CHECK(renovations.rfind("楼栋,单元,房号,业主,施工单位,阶段,保证金（元）,扣款（元）,违规次数,复查日期\r\n", 0) == 0);
  // The demo's two applications: works in progress, and checked on completion with the re-check due.
  CHECK(renovations.find(",杭州美居装饰工程有限公司,施工中,3000.00,0.00,2,\r\n") != std::string::npos);
  CHECK(renovations.find(",浙江宜家居装饰有限公司,已完工核查,2000.00,550.00,1,2025-12-27\r\n") != std::string::npos);
  const Renovation* demo = d.session.renovation().renovations_in_progress().front();
  const Unit& u = d.session.master_data().units.at(demo->unit);
  CHECK(renovations.find("," + u.stairwell + "," + u.number + "," + demo->owner + ",浙江宜家居装饰有限公司,") != std::string::npos);
}

TEST_CASE("validate_op refuses insane renovation ops") {
  const std::string app = Id{8, 8}.to_hex();
  auto op = [](OpKind kind, Payload p) {
    Op o;
    o.op_id = Id{1, 2};
    o.device_id = Id{3, 4};
    o.hlc = {1790000000000, 0};
    o.entity = Id{5, 6};
    o.kind = kind;
    o.payload = std::move(p);
    return o;
  };
  const std::int64_t at = 1790000000000;
  auto applied = [&] {
    Payload p;
    p.set(F::unit, Id{9, 9}.to_hex()).set(F::contractor, std::string("施工队")).set(F::at_ms, at);
    return p;
  };
  auto stepped = [&](Stage s) {
    Payload p;
    p.set(F::parent, app).set(F::reno_stage, static_cast<std::int64_t>(s)).set(F::at_ms, at);
    return p;
  };
  CHECK(validate_op(op(OpKind::renovation_applied, applied())).ok());
  CHECK(validate_op(op(OpKind::renovation_stepped, stepped(Stage::pre_reviewed))).ok());
  CHECK(validate_op(op(OpKind::renovation_stepped, stepped(Stage::fees_paid).set(F::deposit_cents, std::int64_t{300000}).set(F::waste_fee_cents, std::int64_t{0}))).ok());
  struct Case { const char* why; OpKind kind; Payload payload; };
  std::vector<Case> cases;
  cases.push_back({"no contractor", OpKind::renovation_applied, Payload{}.set(F::unit, Id{9, 9}.to_hex()).set(F::at_ms, at)});
  cases.push_back({"end before start", OpKind::renovation_applied,
                   applied().set(F::planned_start, std::int64_t{20260301}).set(F::planned_end, std::int64_t{20260201})});
  cases.push_back({"month 13", OpKind::renovation_applied, applied().set(F::planned_start, std::int64_t{20261301})});
  cases.push_back({"paper kind 7", OpKind::renovation_paper,
                   Payload{}.set(F::parent, app).set(F::paper_kind, std::int64_t{7}).set(F::photo, sha256_hex("x")).set(F::at_ms, at)});
  cases.push_back({"paper without a photo hash", OpKind::renovation_paper,
                   Payload{}.set(F::parent, app).set(F::paper_kind, std::int64_t{0}).set(F::photo, std::string("IMG_001.jpg")).set(F::at_ms, at)});
  cases.push_back({"stage 10", OpKind::renovation_stepped, stepped(Stage::applied).set(F::reno_stage, std::int64_t{10})});
  cases.push_back({"applying as a step", OpKind::renovation_stepped, stepped(Stage::applied)});
  cases.push_back({"fees without amounts", OpKind::renovation_stepped, stepped(Stage::fees_paid)});
  cases.push_back({"negative deposit", OpKind::renovation_stepped,
                   stepped(Stage::fees_paid).set(F::deposit_cents, std::int64_t{-1}).set(F::waste_fee_cents, std::int64_t{0})});
  cases.push_back({"deposit as text", OpKind::renovation_stepped,
                   stepped(Stage::fees_paid).set(F::deposit_cents, std::string("3000元")).set(F::waste_fee_cents, std::int64_t{0})});
  cases.push_back({"a billion yuan", OpKind::renovation_stepped,
                   stepped(Stage::fees_paid).set(F::deposit_cents, std::int64_t{100000000000}).set(F::waste_fee_cents, std::int64_t{0})});
  cases.push_back({"completion without its day", OpKind::renovation_stepped, stepped(Stage::completion_checked)});
  cases.push_back({"refund unsigned", OpKind::renovation_stepped, stepped(Stage::refunded).set(F::refund_cents, std::int64_t{1000})});
  cases.push_back({"refund with scribble", OpKind::renovation_stepped,
                   stepped(Stage::refunded).set(F::refund_cents, std::int64_t{1000}).set(F::refund_signature, std::string("not strokes"))});
  cases.push_back({"pass without number", OpKind::renovation_pass,
                   Payload{}.set(F::parent, app).set(F::pass_state, std::int64_t{0}).set(F::name, std::string("张伟")).set(F::at_ms, at)});
  cases.push_back({"pass state 3", OpKind::renovation_pass, Payload{}.set(F::parent, app).set(F::pass_state, std::int64_t{3}).set(F::at_ms, at)});
  cases.push_back({"notice action 4", OpKind::renovation_violation,
                   Payload{}.set(F::parent, app).set(F::note, std::string("x")).set(F::action, std::int64_t{4}).set(F::at_ms, at)});
  cases.push_back({"rectify without a date", OpKind::renovation_violation,
                   Payload{}.set(F::parent, app).set(F::note, std::string("x")).set(F::action, std::int64_t{1}).set(F::at_ms, at)});
  cases.push_back({"deduct nothing", OpKind::renovation_violation,
                   Payload{}.set(F::parent, app).set(F::note, std::string("x")).set(F::action, std::int64_t{2}).set(F::at_ms, at)});
  cases.push_back({"follow-up without its notice", OpKind::renovation_followed_up,
                   Payload{}.set(F::parent, app).set(F::rectified_day, std::int64_t{20260301}).set(F::at_ms, at)});
  cases.push_back({"a ticket's field", OpKind::renovation_applied, applied().set(F::stage, std::int64_t{1})});
  for (const Case& c : cases) {
    INFO(c.why);
    CHECK_FALSE(validate_op(op(c.kind, c.payload)).ok());
  }
  CHECK(role_may_write(static_cast<std::int64_t>(Role::engineering), OpKind::renovation_stepped));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::engineering), OpKind::renovation_violation));
  CHECK(role_may_write(static_cast<std::int64_t>(Role::front_desk), OpKind::renovation_pass));
  CHECK_FALSE(role_may_write(static_cast<std::int64_t>(Role::cleaning), OpKind::renovation_applied));
}
