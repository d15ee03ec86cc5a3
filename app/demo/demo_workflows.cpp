// The demo's workflow history on top of its estate: the key cabinet and its
// last day's register, a year of rounds (benchmarks), the paid-repair price
// list, two renovations. Each mirrors its service's commands field for field.
#include <array>
#include <cstdio>
#include <string>

#include "app/core/local_time.hpp"
#include "app/demo/demo_builder.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/rounds/checklists.hpp"

namespace app::demo_detail {
namespace {

// What butlers write when an item fails, and whom they tell by radio.
constexpr std::array kFindingNotes = {"地面有积水，疑似水管渗漏", "灯具不亮", "墙面有小广告", "防火门未关闭",
                                      "扶手松动",                 "通道堆放杂物", "玻璃门有裂纹", "天台门未上锁"};
constexpr std::array kDepartments = {"工程部", "保洁", "绿化", "秩序维护部"};  // the runner's dept:0..3

}  // namespace

// The key cabinet (钥匙管理): the keys of the vacant, renovating and model
// units (the owners' spares the centre keeps, filed floor → unit), and the
// public keys in two sets, engineering's and the centre's backup, filed
// equipment category → system; then the last day's register: engineering
// took the plant-room backups and brought them back, the duty butler opened
// and closed the model units, a renovation contractor still has his unit's
// key (overdue by the demo's date), and a vacant unit's key was lost on a
// round and is being followed up. Payloads mirror KeysService::add_key,
// lend, return_keys, report_key_lost and follow_up_lost_key.
void add_key_cabinet(Builder& b, const std::vector<DemoUnit>& units, const std::vector<std::string>& building_names,
                     const std::vector<Id>& buildings, const Id& head_butler, const Id& front_desk, const Id& engineer,
                     const Id& duty_butler) {
  constexpr std::int64_t kMinute = 60000, kHour = 60 * kMinute;
  const std::int64_t day_before = b.wall_ms - 24 * kHour;  // the day before the demo's, 00:00 Beijing
  const std::int64_t filed_at = day_before - 30 * 24 * kHour;
  std::vector<Id> model_keys, renovating_keys, vacant_keys;
  for (const DemoUnit& u : units) {
    const Id key = b.new_id();
    Op& op = b.emit(OpKind::key_set, key);
    op.actor = head_butler;
    op.payload.set(F::key_kind, std::int64_t{0}).set(F::custody, std::int64_t{0}).set(F::parent, u.id.to_hex());
    op.payload.set(F::name, u.label).set(F::at_ms, filed_at);
    if (u.status == UnitStatus::model) model_keys.push_back(key);
    else if (u.status == UnitStatus::renovating) renovating_keys.push_back(key);
    else vacant_keys.push_back(key);
  }
  struct PublicPlan { const char* category; const char* system; bool per_building; };
  static const PublicPlan kPublic[] = {
      {"供配电", "配电房", false},   {"供配电", "发电机房", false},     {"给排水", "地下室水泵房", false},
      {"消防", "消防控制室", false}, {"消防", "消防水泵房", false},     {"弱电", "监控机房", false},
      {"电梯", "电梯机房", true},    {"公共区域", "天台门", true},
  };
  std::vector<Id> centre_plant;  // the backup set's 配电房 and 水泵房
  for (const PublicPlan& plan : kPublic) {
    const std::size_t n = plan.per_building ? buildings.size() : 1;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::int64_t custody : {std::int64_t{1}, std::int64_t{0}}) {  // engineering's set, the centre's backup
        const Id key = b.new_id();
        Op& op = b.emit(OpKind::key_set, key);
        op.actor = head_butler;
        op.payload.set(F::key_kind, std::int64_t{1}).set(F::custody, custody);
        op.payload.set(F::equipment_category, std::string(plan.category)).set(F::system, std::string(plan.system));
        if (plan.per_building) op.payload.set(F::parent, buildings[i].to_hex());
        op.payload.set(F::name, plan.per_building ? building_names[i] + " " + plan.system : std::string(plan.system));
        op.payload.set(F::at_ms, filed_at);
        if (custody == 0 && !plan.per_building && (std::string(plan.system) == "配电房" || std::string(plan.system) == "地下室水泵房")) {
          centre_plant.push_back(key);
        }
      }
    }
  }
  const std::int64_t end_of_day = day_before + 24 * kHour;
  auto lend = [&](const std::vector<Id>& keys, std::int64_t at, std::int64_t due, const char* reason) -> Payload& {
    Op& op = b.emit(OpKind::key_lent, b.new_id());
    op.actor = front_desk;
    op.payload.set(F::keys, join_ids(keys)).set(F::note, std::string(reason)).set(F::due_ms, due).set(F::at_ms, at);
    return op.payload;
  };
  auto give_back = [&](const Id& loan, const std::vector<Id>& keys, std::int64_t at) {
    Op& op = b.emit(OpKind::key_returned, b.new_id());
    op.actor = front_desk;
    op.payload.set(F::parent, loan.to_hex()).set(F::keys, join_ids(keys)).set(F::at_ms, at);
  };
  // (The loan's id is copied before the next emit, which may move the ops.)
  if (!model_keys.empty()) {
    lend(model_keys, day_before + 7 * kHour + 25 * kMinute, end_of_day, "样板间开门通风")
        .set(F::borrower_kind, std::int64_t{0}).set(F::borrower, duty_butler.to_hex());
    const Id loan = b.ops.back().entity;
    give_back(loan, model_keys, day_before + 20 * kHour + 12 * kMinute);
  }
  if (centre_plant.size() == 2) {
    lend(centre_plant, day_before + 9 * kHour + 10 * kMinute, end_of_day, "配电房例行检修，水泵房巡检")
        .set(F::borrower_kind, std::int64_t{0}).set(F::borrower, engineer.to_hex());
    const Id loan = b.ops.back().entity;
    give_back(loan, centre_plant, day_before + 16 * kHour + 40 * kMinute);
  }
  if (!renovating_keys.empty()) {
    lend({renovating_keys.front()}, day_before + 10 * kHour + 5 * kMinute, day_before + 17 * kHour + 30 * kMinute, "装修施工进场（已办出入证）")
        .set(F::borrower_kind, std::int64_t{1}).set(F::name, std::string("李建国")).set(F::phone, std::string("13905716688"));
  }
  if (!vacant_keys.empty()) {
    const Id key = vacant_keys.back();
    Op& lost = b.emit(OpKind::key_lost, b.new_id());
    lost.actor = duty_butler;
    lost.payload.set(F::parent, key.to_hex()).set(F::note, std::string("巡楼时钥匙遗失，已在楼道、电梯内查找未果"));
    lost.payload.set(F::at_ms, day_before + 15 * kHour + 20 * kMinute);
    Op& follow = b.emit(OpKind::key_followed_up, b.new_id());
    follow.actor = head_butler;
    follow.payload.set(F::parent, key.to_hex()).set(F::outcome, std::int64_t{0});
    follow.payload.set(F::note, std::string("已电话告知业主，建议更换锁芯，待管理处主任同意"));
    follow.payload.set(F::at_ms, day_before + 17 * kHour);
  }
}

// A year of rounds as the butlers would have recorded them, mirroring the
// payloads of RoundsService::start_round / answer_item / record_reading /
// open_finding / verify_finding / finish_round field for field. Their HLC is
// the demo's set-up time (like the estate's records): the history sorts after
// the estate it refers to and the device's clock only grows; the walk's own
// times are in at_ms. Verification carries no "after" photo: the demo has no
// photo blobs, and a name with no blob behind it would be fetched forever.
void add_round_history(Builder& b, int days, const std::vector<Id>& zones, const std::vector<Id>& butlers,
                       const std::vector<std::vector<RouteCheckpoint>>& routes, const Id& head_butler) {
  constexpr std::int64_t kDayMs = 86400000, kMinute = 60000;
  const std::int64_t end_ms = b.wall_ms;  // the midnight that starts the demo's day, Beijing time
  std::vector<std::vector<std::int64_t>> meters(routes.size());  // each stop's meter only goes up
  for (std::size_t z = 0; z < routes.size(); ++z) meters[z].assign(routes[z].size(), 1000);
  for (int back = days; back >= 1; --back) {
    const std::int64_t midnight = end_ms - back * kDayMs;
    const std::int64_t day = local_time(midnight).day;
    for (std::size_t z = 0; z < zones.size(); ++z) {
      auto by = [&](Op& op) -> Payload& { op.actor = butlers[z]; return op.payload; };
      const Id round = b.new_id();
      // Out between 08:30 and 09:00, the zones a few minutes apart.
      std::int64_t at = midnight + (8 * 60 + 30 + static_cast<std::int64_t>(z) * 3) * kMinute +
                        static_cast<std::int64_t>(b.rng.below(30)) * kMinute;
      by(b.emit(OpKind::round_started, round)).set(F::zone, zones[z].to_hex()).set(F::day, day).set(F::at_ms, at);
      for (std::size_t c = 0; c < routes[z].size(); ++c) {
        const RouteCheckpoint& cp = routes[z][c];
        const ChecklistTemplate& t = template_for(cp.kind);
        at += (1 + static_cast<std::int64_t>(b.rng.below(3))) * kMinute;  // walking to it
        for (std::size_t i = 0; i < t.items.size(); ++i) {
          at += 10000 + static_cast<std::int64_t>(b.rng.below(30000));
          const auto item = static_cast<std::int64_t>(i);
          const Id answer = answer_id(round, cp.id, item);
          Payload& p = by(b.emit(OpKind::item_answered, answer));
          p.set(F::round, round.to_hex()).set(F::checkpoint, cp.id.to_hex()).set(F::item, item);
          if (t.items[i].type == ItemType::reading) {
            std::int64_t& meter = meters[z][c];
            meter += 5 + static_cast<std::int64_t>(b.rng.below(40));
            p.set(F::result, static_cast<std::int64_t>(ItemResult::pass)).set(F::reading, meter);
            p.set(F::checklist, t.key).set(F::version, t.version).set(F::at_ms, at);
            continue;
          }
          const bool failed = b.rng.below(50) == 0;  // ~2% of items
          p.set(F::result, static_cast<std::int64_t>(failed ? ItemResult::fail : ItemResult::pass));
          p.set(F::checklist, t.key).set(F::version, t.version).set(F::at_ms, at);
          if (!failed) continue;
          // The runner's finding form: the answer carries the note too. (Set
          // before the next emit, which may move `p`.)
          const std::string note = kFindingNotes[b.rng.below(kFindingNotes.size())];
          p.set(F::note, note);
          at += 30000 + static_cast<std::int64_t>(b.rng.below(60000));
          const Id finding = b.new_id();
          const bool urgent = b.rng.below(10) == 0;
          Payload& f = by(b.emit(OpKind::finding_opened, finding));
          f.set(F::round, round.to_hex()).set(F::checkpoint, cp.id.to_hex()).set(F::item, item).set(F::note, note);
          f.set(F::urgent, std::int64_t{urgent ? 1 : 0});
          if (urgent) f.set(F::told, std::string("秩序维护部 王班长"));
          else f.set(F::department, std::string(kDepartments[b.rng.below(kDepartments.size())]));
          f.set(F::at_ms, at);
          // Most are put right and checked within a few days; some are
          // forgotten, and the last days' are still open at the demo's date.
          const std::int64_t verified = at + (1 + static_cast<std::int64_t>(b.rng.below(5))) * kDayMs +
                                        static_cast<std::int64_t>(b.rng.below(8 * 60)) * kMinute;
          if (b.rng.below(100) < 3 || verified >= end_ms) continue;
          Op& v = b.emit(OpKind::finding_verified, finding);
          v.actor = head_butler;
          v.payload.set(F::at_ms, verified);
        }
      }
      by(b.emit(OpKind::round_finished, round)).set(F::at_ms, at + kMinute);
    }
  }
}

// The paid-repair price list (有偿维修服务项目表及收费标准): labour per item;
// materials are priced apart or supplied by the owner. Entered by the head
// butler (the builder's actor), as TicketsService::save_price_item would.
void add_price_list(Builder& b) {
  struct PricePlan { const char* name; const char* unit; std::int64_t cents; };
  static const PricePlan kPrices[] = {{"更换水龙头", "个", 3000},  {"疏通下水道", "次", 5000},   {"疏通马桶", "次", 6000},
                                      {"更换灯泡灯管", "个", 1000}, {"更换开关插座", "个", 1500}, {"更换门锁锁芯", "个", 4000},
                                      {"更换角阀", "个", 2500},    {"更换马桶配件", "套", 3500}, {"更换给水管", "米", 2000},
                                      {"安装晾衣架", "套", 6000},  {"安装窗帘杆", "套", 4000},   {"维修漏电开关", "次", 3000}};
  for (const PricePlan& item : kPrices) {
    b.emit(OpKind::price_item_set, b.new_id())
        .payload.set(F::name, std::string(item.name))
        .set(F::unit_label, std::string(item.unit))
        .set(F::price_cents, item.cents)
        .set(F::removed, std::int64_t{0});
  }
}

// Two renovation applications at different stages, for units the estate
// lists as 装修中: one with the works under way (passes out, a notice
// followed up and one still open), one checked on completion whose re-check
// falls due a month later (a pass returned, one lost, a deposit deduction).
// The ops mirror the services' commands field for field, but carry no contractor
// paper photos: the demo has no photo blobs, and a name with no blob behind
// it would be fetched forever. Ids come from their own generator, so the
// round history after them is the same with or without them.
void add_renovations(Builder& b, std::uint64_t seed, const DemoStaff& staff, const std::vector<RenovatingUnit>& units) {
  if (units.size() < 2) return;
  const DemoRandom estate_rng = b.rng;
  b.rng = DemoRandom(seed ^ 0x5245'4E4F'5641'5445ull);  // "RENOVATE"
  constexpr std::int64_t kDay = 86400000, kHour = 3600000;
  const std::int64_t demo_day = b.wall_ms;  // the demo's day, 00:00 Beijing time
  // Calendar days (yyyymmdd) and pass numbers counted from the demo's day, so a
  // demo tried on any day reads as recent (comments: for the fixed 2026-01-01).
  auto day = [&](std::int64_t days_from_demo_day) { return local_time(demo_day + days_from_demo_day * kDay).day; };
  auto pass_number = [&](std::int64_t at, int n) {
    char text[32];
    std::snprintf(text, sizeof text, "ZX-%04d-%03d", static_cast<int>(local_time(at).day / 10000), n);
    return std::string(text);
  };
  auto by = [&](OpKind kind, const Id& entity, const Id& actor) -> Payload& {
    Op& op = b.emit(kind, entity);
    op.actor = actor;
    return op.payload;
  };
  auto stage = [&](const Id& app, renovation::Stage to, std::int64_t at, const Id& actor) -> Payload& {
    Payload& p = by(OpKind::renovation_stepped, b.new_id(), actor);
    p.set(F::parent, app.to_hex()).set(F::reno_stage, static_cast<std::int64_t>(to)).set(F::at_ms, at);
    return p;
  };
  auto pass = [&](const Id& app, const std::string& number, const char* worker, std::int64_t at) {
    const Id id = b.new_id();
    by(OpKind::renovation_pass, id, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{0})
        .set(F::number, number).set(F::name, std::string(worker)).set(F::at_ms, at);
    return id;
  };
  using renovation::Stage;

  // 000:487 按章处罚: the demo office's own amount (the manuals name none), taken from the deposit.
  by(OpKind::renovation_settings_set, kRenovationSettingsEntity, staff.head)
      .set(F::pass_penalty_cents, std::int64_t{5000}).set(F::penalty_from_deposit, std::int64_t{1});

  // 1: works in progress since mid-December.
  {
    const Id app = b.new_id();
    const std::int64_t t0 = demo_day - 40 * kDay + 10 * kHour;  // 2025-11-22 10:00
    by(OpKind::renovation_applied, app, staff.front_desk)
        .set(F::unit, units[0].unit.to_hex()).set(F::name, units[0].owner).set(F::contractor, std::string("杭州美居装饰工程有限公司"))
        .set(F::phone, std::string("0571-86650123")).set(F::note, std::string("全屋硬装：水电改造、厨卫防水、铺砖、吊顶"))
        .set(F::planned_start, day(-17)).set(F::planned_end, day(73)).set(F::at_ms, t0);  // 2025-12-15, 2026-03-15
    stage(app, Stage::pre_reviewed, t0 + 2 * kDay, staff.butler);
    stage(app, Stage::works_reviewed, t0 + 3 * kDay, staff.engineer);
    stage(app, Stage::approved, t0 + 4 * kDay, staff.manager);
    stage(app, Stage::fees_paid, t0 + 5 * kDay, staff.front_desk)
        .set(F::deposit_cents, std::int64_t{300000}).set(F::waste_fee_cents, std::int64_t{80000});
    const std::int64_t passes_at = t0 + 22 * kDay;
    pass(app, pass_number(passes_at, 31), "李建国", passes_at);
    stage(app, Stage::passes_issued, passes_at, staff.butler);
    pass(app, pass_number(passes_at, 32), "王海涛", passes_at + 60000);
    pass(app, pass_number(passes_at, 33), "陈志强", passes_at + 120000);
    stage(app, Stage::in_progress, passes_at + kDay, staff.butler);
    const Id fixed = b.new_id();
    by(OpKind::renovation_violation, fixed, staff.butler)
        .set(F::parent, app.to_hex()).set(F::record_no, std::string("N0-0002")).set(F::note, std::string("装修垃圾堆放在楼道，未按规定清运"))
        .set(F::action, std::int64_t{1}).set(F::rectify_by, day(-10)).set(F::at_ms, passes_at + 4 * kDay);  // 2025-12-22
    by(OpKind::renovation_followed_up, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::notice, fixed.to_hex()).set(F::rectified_day, day(-11))  // 2025-12-21
        .set(F::note, std::string("楼道已清理，垃圾已清运")).set(F::at_ms, passes_at + 5 * kDay);
    by(OpKind::renovation_violation, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::record_no, std::string("N0-0003")).set(F::note, std::string("中午12:00至14:00施工噪音滋扰他人休息"))
        .set(F::action, std::int64_t{1}).set(F::rectify_by, day(4)).set(F::at_ms, demo_day - kDay + 13 * kHour);  // 2026-01-05
  }
  // 2: completion checked five weeks ago: the re-check, due a month later, is overdue.
  {
    const Id app = b.new_id();
    const std::int64_t t0 = demo_day - 90 * kDay + 9 * kHour;  // 2025-10-03 09:00
    by(OpKind::renovation_applied, app, staff.front_desk)
        .set(F::unit, units[1].unit.to_hex()).set(F::name, units[1].owner).set(F::contractor, std::string("浙江宜家居装饰有限公司"))
        .set(F::phone, std::string("13957112468")).set(F::note, std::string("局部翻新：厨房、卫生间改造"))
        .set(F::planned_start, day(-78)).set(F::planned_end, day(-32)).set(F::at_ms, t0);  // 2025-10-15, 2025-11-30
    stage(app, Stage::pre_reviewed, t0 + kDay, staff.butler);
    stage(app, Stage::works_reviewed, t0 + 2 * kDay, staff.engineer);
    stage(app, Stage::approved, t0 + 3 * kDay, staff.manager);
    stage(app, Stage::fees_paid, t0 + 4 * kDay, staff.front_desk)
        .set(F::deposit_cents, std::int64_t{200000}).set(F::waste_fee_cents, std::int64_t{50000});
    const std::int64_t passes_at = t0 + 11 * kDay;
    const Id returned = pass(app, pass_number(passes_at, 24), "张伟", passes_at);
    stage(app, Stage::passes_issued, passes_at, staff.butler);
    const Id lost = pass(app, pass_number(passes_at, 25), "刘强", passes_at + 60000);
    stage(app, Stage::in_progress, passes_at + kDay, staff.butler);
    const Id deducted = b.new_id();
    by(OpKind::renovation_violation, deducted, staff.head)
        .set(F::parent, app.to_hex()).set(F::record_no, std::string("N0-0001")).set(F::note, std::string("卫生间拆除时损坏防水层，未报备"))
        .set(F::action, std::int64_t{2}).set(F::deduct_cents, std::int64_t{50000}).set(F::at_ms, passes_at + 10 * kDay);
    by(OpKind::renovation_followed_up, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::notice, deducted.to_hex()).set(F::rectified_day, day(-63))  // 2025-10-30
        .set(F::note, std::string("防水层已重做，闭水试验48小时无渗漏")).set(F::at_ms, passes_at + 16 * kDay);
    // Checked 35 days before the demo's day: the month's re-check is a few days overdue, in red.
    const std::int64_t done = demo_day - 35 * kDay + 15 * kHour;  // 2025-11-27 15:00
    by(OpKind::renovation_pass, returned, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{1}).set(F::at_ms, done - kHour);
    by(OpKind::renovation_pass, lost, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{2}).set(F::at_ms, done - kHour + 60000);
    stage(app, Stage::completion_checked, done, staff.butler).set(F::day, local_time(done).day)
        .set(F::note, std::string("完工核查：无违章，出入证一张遗失"));
  }
  b.rng = estate_rng;
}

}  // namespace app::demo_detail
