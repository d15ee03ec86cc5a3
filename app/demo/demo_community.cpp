#include "app/demo/demo_community.hpp"

#include <array>
#include <string>

#include "app/core/local_time.hpp"
#include "app/domain/master_data.hpp"
#include "app/renovation/renovation_rules.hpp"
#include "app/rounds/checklists.hpp"

namespace app {
namespace {

// splitmix64: tiny, fast, and the same on every compiler and standard library.
class DemoRandom final : public RandomPort {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next_u64() override {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next_u64() % n; }

 private:
  std::uint64_t state_;
};

constexpr std::array kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                                  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
                                  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
                                  "程", "苏", "魏", "吕", "丁", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪"};
constexpr std::array kGiven = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                               "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "文",
                               "华", "红", "玉兰", "海燕", "晨", "宇", "浩", "欣怡", "子涵", "梓萱", "一诺", "思远",
                               "佳怡", "雨桐", "俊杰", "嘉怡", "梦琪", "天佑", "晓东", "丽娟", "春梅", "国庆", "婷"};
constexpr std::array kOccupations = {"教师", "医生", "工程师", "公务员", "会计", "个体经营", "退休", "销售经理",
                                     "律师", "设计师", "程序员", "护士", "司机", "学生", "自由职业"};
constexpr std::array kChineseNumbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

struct Builder {
  DemoRandom rng;
  Id device;
  Id actor;
  std::int64_t wall_ms = 1767196800000;  // 2026-01-01 00:00 +08:00: the demo's records predate any real use
  std::uint32_t logical = 0;
  std::vector<Op> ops;

  Id new_id() { return Id::random(rng); }
  Op& emit(OpKind kind, const Id& entity) {
    Op op;
    op.op_id = new_id();
    op.device_id = device;
    op.hlc = {wall_ms, logical++};
    op.actor = actor;
    op.entity = entity;
    op.kind = kind;
    ops.push_back(std::move(op));
    return ops.back();
  }
  std::string person_name() {
    return std::string(kSurnames[rng.below(kSurnames.size())]) + kGiven[rng.below(kGiven.size())];
  }
  std::string phone() {
    static const char* prefixes[] = {"13", "15", "17", "18", "19"};
    std::string p = prefixes[rng.below(5)];
    for (int i = 0; i < 9; ++i) p += static_cast<char>('0' + rng.below(10));
    return p;
  }
  std::int64_t move_in_date() {
    return (2015 + static_cast<std::int64_t>(rng.below(11))) * 10000 + (1 + static_cast<std::int64_t>(rng.below(12))) * 100 +
           1 + static_cast<std::int64_t>(rng.below(28));
  }
};

std::string zone_name(int n) {
  std::string s = "第";
  if (n <= 10) s += kChineseNumbers[n - 1];
  else s += std::to_string(n);
  return s + "责任区";
}

struct BuildingPlan { int floors, stairwells, rooms; };

// Tower heights and layouts of a typical mid-size estate; 1,588 units at scale 1.
constexpr std::array<BuildingPlan, 12> kBuildings = {{{18, 2, 3}, {18, 2, 3}, {26, 2, 3}, {26, 2, 3}, {32, 2, 3}, {32, 2, 3},
                                                     {33, 2, 3}, {33, 2, 3}, {24, 2, 2}, {24, 2, 2}, {11, 2, 2}, {11, 2, 2}}};

struct CheckpointPlan { const char* name; CheckpointKind kind; };
constexpr std::array<CheckpointPlan, 10> kBuildingCheckpoints = {{
    {"大堂入口", CheckpointKind::lobby},        {"电梯轿厢内外", CheckpointKind::lift},
    {"各楼层走道", CheckpointKind::corridor},    {"墙面", CheckpointKind::walls},
    {"消防门", CheckpointKind::fire_door},      {"消防栓箱", CheckpointKind::hydrant},
    {"通风窗", CheckpointKind::ventilation},    {"灯罩", CheckpointKind::lamps},
    {"楼梯扶手", CheckpointKind::handrails},    {"天台", CheckpointKind::roof},
}};

// What butlers write when an item fails, and whom they tell by radio.
constexpr std::array kFindingNotes = {"地面有积水，疑似水管渗漏", "灯具不亮", "墙面有小广告", "消防门未关闭",
                                      "扶手松动",                 "通道堆放杂物", "玻璃门有裂纹", "天台门未上锁"};
constexpr std::array kDepartments = {"工程部", "保洁", "绿化", "秩序维护部"};  // the runner's dept:0..3

struct RouteCheckpoint { Id id; CheckpointKind kind; };

// A unit whose key the service centre holds for the demo's board.
struct DemoUnit { Id id; std::string label; UnitStatus status; };

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
  const std::int64_t day_before = b.wall_ms - 24 * kHour;  // 2025-12-31 00:00 Beijing
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
  const std::int64_t end_ms = b.wall_ms;  // midnight that starts 2026-01-01, Beijing time
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

struct DemoStaff { Id head, manager, engineer, front_desk, butler; };
struct RenovatingUnit { Id unit; std::string owner; };

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
  const std::int64_t demo_day = b.wall_ms;  // 2026-01-01 00:00, Beijing time
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
  auto pass = [&](const Id& app, const char* number, const char* worker, std::int64_t at) {
    const Id id = b.new_id();
    by(OpKind::renovation_pass, id, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{0})
        .set(F::number, std::string(number)).set(F::name, std::string(worker)).set(F::at_ms, at);
    return id;
  };
  using renovation::Stage;

  // 1: works in progress since mid-December.
  {
    const Id app = b.new_id();
    const std::int64_t t0 = demo_day - 40 * kDay + 10 * kHour;  // 2025-11-22 10:00
    by(OpKind::renovation_applied, app, staff.front_desk)
        .set(F::unit, units[0].unit.to_hex()).set(F::name, units[0].owner).set(F::contractor, std::string("杭州美居装饰工程有限公司"))
        .set(F::phone, std::string("0571-86650123")).set(F::note, std::string("全屋硬装：水电改造、厨卫防水、铺砖、吊顶"))
        .set(F::planned_start, std::int64_t{20251215}).set(F::planned_end, std::int64_t{20260315}).set(F::at_ms, t0);
    stage(app, Stage::pre_reviewed, t0 + 2 * kDay, staff.butler);
    stage(app, Stage::approved, t0 + 4 * kDay, staff.engineer);
    stage(app, Stage::fees_paid, t0 + 5 * kDay, staff.front_desk)
        .set(F::deposit_cents, std::int64_t{300000}).set(F::waste_fee_cents, std::int64_t{80000});
    const std::int64_t passes_at = t0 + 22 * kDay;
    pass(app, "ZX-2025-031", "李建国", passes_at);
    stage(app, Stage::passes_issued, passes_at, staff.butler);
    pass(app, "ZX-2025-032", "王海涛", passes_at + 60000);
    pass(app, "ZX-2025-033", "陈志强", passes_at + 120000);
    stage(app, Stage::in_progress, passes_at + kDay, staff.butler);
    const Id fixed = b.new_id();
    by(OpKind::renovation_violation, fixed, staff.butler)
        .set(F::parent, app.to_hex()).set(F::note, std::string("装修垃圾堆放在楼道，未按规定清运"))
        .set(F::action, std::int64_t{1}).set(F::rectify_by, std::int64_t{20251222}).set(F::at_ms, passes_at + 4 * kDay);
    by(OpKind::renovation_followed_up, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::notice, fixed.to_hex()).set(F::rectified_day, std::int64_t{20251221})
        .set(F::note, std::string("楼道已清理，垃圾已清运")).set(F::at_ms, passes_at + 5 * kDay);
    by(OpKind::renovation_violation, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::note, std::string("中午12:00至14:00施工噪音滋扰他人休息"))
        .set(F::action, std::int64_t{1}).set(F::rectify_by, std::int64_t{20260105}).set(F::at_ms, demo_day - kDay + 13 * kHour);
  }
  // 2: completion checked in December: the re-check is due a month later.
  {
    const Id app = b.new_id();
    const std::int64_t t0 = demo_day - 90 * kDay + 9 * kHour;  // 2025-10-03 09:00
    by(OpKind::renovation_applied, app, staff.front_desk)
        .set(F::unit, units[1].unit.to_hex()).set(F::name, units[1].owner).set(F::contractor, std::string("浙江宜家居装饰有限公司"))
        .set(F::phone, std::string("13957112468")).set(F::note, std::string("局部翻新：厨房、卫生间改造"))
        .set(F::planned_start, std::int64_t{20251015}).set(F::planned_end, std::int64_t{20251130}).set(F::at_ms, t0);
    stage(app, Stage::pre_reviewed, t0 + kDay, staff.butler);
    stage(app, Stage::approved, t0 + 3 * kDay, staff.engineer);
    stage(app, Stage::fees_paid, t0 + 4 * kDay, staff.front_desk)
        .set(F::deposit_cents, std::int64_t{200000}).set(F::waste_fee_cents, std::int64_t{50000});
    const std::int64_t passes_at = t0 + 11 * kDay;
    const Id returned = pass(app, "ZX-2025-024", "张伟", passes_at);
    stage(app, Stage::passes_issued, passes_at, staff.butler);
    const Id lost = pass(app, "ZX-2025-025", "刘强", passes_at + 60000);
    stage(app, Stage::in_progress, passes_at + kDay, staff.butler);
    const Id deducted = b.new_id();
    by(OpKind::renovation_violation, deducted, staff.head)
        .set(F::parent, app.to_hex()).set(F::note, std::string("卫生间拆除时损坏防水层，未报备"))
        .set(F::action, std::int64_t{2}).set(F::deduct_cents, std::int64_t{50000}).set(F::at_ms, passes_at + 10 * kDay);
    by(OpKind::renovation_followed_up, b.new_id(), staff.butler)
        .set(F::parent, app.to_hex()).set(F::notice, deducted.to_hex()).set(F::rectified_day, std::int64_t{20251030})
        .set(F::note, std::string("防水层已重做，闭水试验48小时无渗漏")).set(F::at_ms, passes_at + 16 * kDay);
    const std::int64_t done = demo_day - 27 * kDay + 15 * kHour;  // 2025-12-05 15:00
    by(OpKind::renovation_pass, returned, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{1}).set(F::at_ms, done - kHour);
    by(OpKind::renovation_pass, lost, staff.butler)
        .set(F::parent, app.to_hex()).set(F::pass_state, std::int64_t{2}).set(F::at_ms, done - kHour + 60000);
    stage(app, Stage::completion_checked, done, staff.butler).set(F::day, local_time(done).day)
        .set(F::note, std::string("完工核查：无违章，出入证一张遗失"));
  }
  b.rng = estate_rng;
}

}  // namespace

DemoCommunity generate_demo(const DemoOptions& options) {
  const int scale = options.scale < 1 ? 1 : options.scale;
  Builder b{DemoRandom(options.seed), {}, {}, 1767196800000, 0, {}};
  b.device = b.new_id();
  DemoCommunity out;
  out.device = b.device;

  // Staff first: the head butler is the actor who "entered" the master data.
  struct StaffPlan { Role role; const char* code_prefix; int count; };
  const StaffPlan staff_plan[] = {{Role::head_butler, "DGJ", 1},     {Role::butler, "GJ", 6 * scale},
                                  {Role::front_desk, "QT", 2},        {Role::manager, "ZR", 1},
                                  {Role::engineering, "GC", 2 * scale}, {Role::security, "ZX", 3 * scale},
                                  {Role::cleaning, "BJ", 2 * scale},  {Role::greening, "LH", scale}};
  std::vector<Id> butlers;
  Id front_desk, engineer;
  DemoStaff demo_staff;
  for (const auto& plan : staff_plan) {
    for (int i = 1; i <= plan.count; ++i) {
      const Id id = b.new_id();
      if (plan.role == Role::head_butler) b.actor = id;
      char code[16];
      std::snprintf(code, sizeof code, "%s%03d", plan.code_prefix, i);
      b.emit(OpKind::staff_set, id)
          .payload.set(F::name, b.person_name())
          .set(F::code, std::string(code))
          .set(F::phone, b.phone())
          .set(F::role, static_cast<std::int64_t>(plan.role));
      if (plan.role == Role::butler) butlers.push_back(id);
      if (plan.role == Role::front_desk && front_desk.is_nil()) front_desk = id;
      if (plan.role == Role::engineering && engineer.is_nil()) engineer = id;
      if (i == 1 && plan.role == Role::manager) demo_staff.manager = id;
      if (i == 1 && plan.role == Role::engineering) demo_staff.engineer = id;
      if (i == 1 && plan.role == Role::front_desk) demo_staff.front_desk = id;
    }
  }
  for (Op& op : b.ops) op.actor = b.actor;
  out.duty_butler = butlers.front();
  demo_staff.head = b.actor;
  demo_staff.butler = butlers.front();
  std::vector<RenovatingUnit> renovating;

  const Id community = b.new_id();
  b.emit(OpKind::community_set, community).payload.set(F::name, std::string("锦绣花园")).set(F::city, std::string("杭州市"));

  // Buildings and their units.
  std::vector<Id> buildings;
  std::vector<std::string> building_names;
  std::vector<DemoUnit> keyed_units;  // the centre holds these units' keys
  int model_units = 0;
  for (int i = 0; i < 12 * scale; ++i) {
    const BuildingPlan& plan = kBuildings[static_cast<std::size_t>(i % 12)];
    const Id building = b.new_id();
    buildings.push_back(building);
    building_names.push_back(std::to_string(i + 1) + "栋");
    b.emit(OpKind::building_set, building)
        .payload.set(F::name, std::to_string(i + 1) + "栋")
        .set(F::floors, static_cast<std::int64_t>(plan.floors))
        .set(F::position, static_cast<std::int64_t>(i + 1));
    for (int floor = 1; floor <= plan.floors; ++floor) {
      for (int stair = 1; stair <= plan.stairwells; ++stair) {
        // Rooms are numbered within their stairwell: 2单元 1502 is the second
        // room on the 15th floor of stairwell 2.
        for (int room = 1; room <= plan.rooms; ++room) {
          const int room_no = room;
          const Id unit = b.new_id();
          UnitStatus status = UnitStatus::occupied;
          const auto roll = b.rng.below(100);
          if (i == 0 && floor == 1 && model_units < 2) {
            status = UnitStatus::model;  // the sales office's two model units
            ++model_units;
          } else if (roll < 10) {
            status = UnitStatus::vacant;
          } else if (roll < 13) {
            status = UnitStatus::renovating;
          }
          char number[32];
          std::snprintf(number, sizeof number, "%d%02d", floor, room_no);
          b.emit(OpKind::unit_set, unit)
              .payload.set(F::parent, building.to_hex())
              .set(F::floor, static_cast<std::int64_t>(floor))
              .set(F::stairwell, std::to_string(stair))
              .set(F::number, std::string(number))
              .set(F::status, static_cast<std::int64_t>(status));
          if (status != UnitStatus::occupied) keyed_units.push_back({unit, building_names.back() + " " + std::to_string(stair) + "单元 " + number, status});
          if (status == UnitStatus::model) continue;
          // The owner is on record for every sold unit; the household lives in
          // the occupied and renovating ones.
          const std::string surname = kSurnames[b.rng.below(kSurnames.size())];
          const std::int64_t moved_in = status == UnitStatus::vacant ? 0 : b.move_in_date();
          b.emit(OpKind::resident_set, b.new_id())
              .payload.set(F::parent, unit.to_hex())
              .set(F::name, surname + kGiven[b.rng.below(kGiven.size())])
              .set(F::phone, b.phone())
              .set(F::occupation, std::string(kOccupations[b.rng.below(kOccupations.size())]))
              .set(F::is_owner, std::int64_t{1})
              .set(F::moved_in, moved_in);
          if (status == UnitStatus::renovating && renovating.size() < 2) {
            renovating.push_back({unit, std::string(b.ops.back().payload.text(F::name).value_or(""))});
          }
          if (status != UnitStatus::occupied) continue;
          const auto family = b.rng.below(4);
          for (std::uint64_t m = 0; m < family; ++m) {
            auto& p = b.emit(OpKind::resident_set, b.new_id())
                          .payload.set(F::parent, unit.to_hex())
                          .set(F::name, (m == 0 ? b.person_name() : surname + kGiven[b.rng.below(kGiven.size())]))
                          .set(F::is_owner, std::int64_t{0})
                          .set(F::moved_in, moved_in);
            if (b.rng.below(2)) p.set(F::phone, b.phone());
          }
        }
      }
    }
  }

  // Zones: each butler walks two neighbouring buildings.
  std::vector<Id> zones;
  for (std::size_t z = 0; z < butlers.size(); ++z) {
    const Id zone = b.new_id();
    zones.push_back(zone);
    std::vector<Id> zone_buildings;
    for (std::size_t k = z * 2; k < buildings.size() && k < z * 2 + 2; ++k) zone_buildings.push_back(buildings[k]);
    b.emit(OpKind::zone_set, zone)
        .payload.set(F::name, zone_name(static_cast<int>(z) + 1))
        .set(F::butler, butlers[z].to_hex())
        .set(F::buildings, join_ids(zone_buildings))
        .set(F::position, static_cast<std::int64_t>(z + 1));
  }

  // Checkpoints: each building's public areas, in walking order, in its zone's route.
  std::vector<std::int64_t> route_length(zones.size(), 0);
  std::vector<std::vector<RouteCheckpoint>> routes(zones.size());  // in position order (the history walks them)
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    const std::size_t z = std::min(i / 2, zones.size() - 1);
    for (const auto& cp : kBuildingCheckpoints) {
      const Id id = b.new_id();
      routes[z].push_back({id, cp.kind});
      b.emit(OpKind::checkpoint_set, id)
          .payload.set(F::parent, buildings[i].to_hex())
          .set(F::zone, zones[z].to_hex())
          .set(F::name, std::string(cp.name))
          .set(F::kind, static_cast<std::int64_t>(cp.kind))
          .set(F::position, ++route_length[z]);
    }
  }
  // Estate-wide points, shared out among the first zones.
  const CheckpointPlan estate[] = {{"南大门", CheckpointKind::gate},          {"北门岗亭", CheckpointKind::gate},
                                   {"样板间", CheckpointKind::model_unit},     {"公告栏", CheckpointKind::notice_board},
                                   {"地下室水泵房", CheckpointKind::plant_room}, {"配电房", CheckpointKind::plant_room}};
  for (std::size_t k = 0; k < std::size(estate); ++k) {
    const std::size_t z = k % zones.size();
    const Id id = b.new_id();
    routes[z].push_back({id, estate[k].kind});
    auto& p = b.emit(OpKind::checkpoint_set, id)
                  .payload.set(F::zone, zones[z].to_hex())
                  .set(F::name, std::string(estate[k].name))
                  .set(F::kind, static_cast<std::int64_t>(estate[k].kind))
                  .set(F::position, ++route_length[z]);
    if (estate[k].kind == CheckpointKind::model_unit) p.set(F::parent, buildings[0].to_hex());
  }

  add_key_cabinet(b, keyed_units, building_names, buildings, b.actor, front_desk, engineer, out.duty_butler);
  add_price_list(b);
  add_renovations(b, options.seed, demo_staff, renovating);

  if (options.history_days > 0) add_round_history(b, options.history_days, zones, butlers, routes, b.actor);
  out.ops = std::move(b.ops);
  return out;
}

}  // namespace app
