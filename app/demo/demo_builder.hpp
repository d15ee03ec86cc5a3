#pragma once
// What the demo's generator (demo_community.cpp) and its workflow history
// (demo_workflows.cpp) share: the seeded random source, the op builder and
// the few records the history refers to. Internal to app/demo.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/ports.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/master_data.hpp"
#include "app/ops/op.hpp"
#include "app/rounds/checklist_types.hpp"

namespace app::demo_detail {

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

inline constexpr std::array kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                                  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
                                  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
                                  "程", "苏", "魏", "吕", "丁", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪"};
inline constexpr std::array kGiven = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                               "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "文",
                               "华", "红", "玉兰", "海燕", "晨", "宇", "浩", "欣怡", "子涵", "梓萱", "一诺", "思远",
                               "佳怡", "雨桐", "俊杰", "嘉怡", "梦琪", "天佑", "晓东", "丽娟", "春梅", "国庆", "婷"};

struct Builder {
  DemoRandom rng;
  Id device;
  Id actor;
  std::int64_t wall_ms = kDemoDayMs;  // the demo's day (DemoOptions::day_ms): its records all precede it
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

struct RouteCheckpoint { Id id; CheckpointKind kind; };

// A unit whose key the service centre holds for the demo's board.
struct DemoUnit { Id id; std::string label; UnitStatus status; };

struct DemoStaff { Id head, manager, engineer, front_desk, butler; };
struct RenovatingUnit { Id unit; std::string owner; };

// The workflows' records on top of the estate (demo_workflows.cpp).
void add_key_cabinet(Builder& b, const std::vector<DemoUnit>& units, const std::vector<std::string>& building_names,
                     const std::vector<Id>& buildings, const Id& head_butler, const Id& front_desk, const Id& engineer,
                     const Id& duty_butler);
void add_round_history(Builder& b, int days, const std::vector<Id>& zones, const std::vector<Id>& butlers,
                       const std::vector<std::vector<RouteCheckpoint>>& routes, const Id& head_butler);
void add_price_list(Builder& b);
void add_renovations(Builder& b, std::uint64_t seed, const DemoStaff& staff, const std::vector<RenovatingUnit>& units);

}  // namespace app::demo_detail
