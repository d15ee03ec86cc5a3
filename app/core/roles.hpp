#pragma once
// Staff roles (shared/domain.md) and sets of them: who may write which kind of
// op is stated with these in each workflow's op specs.
#include <cstdint>
#include <initializer_list>

namespace app {

enum class Role : std::int64_t {
  butler = 0,        // 客服管家
  head_butler = 1,   // 大管家 / 客服主管
  front_desk = 2,    // 前台 / 客服助理
  manager = 3,       // 管理处主任
  engineering = 4,   // 工程部
  security = 5,      // 秩序维护部
  cleaning = 6,      // 保洁
  greening = 7,      // 绿化
};
inline constexpr std::int64_t kRoleCount = 8;
constexpr bool is_role(std::int64_t v) { return v >= 0 && v < kRoleCount; }

class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(static_cast<std::int64_t>(r));
  }
  constexpr bool has(std::int64_t role) const { return is_role(role) && (bits_ & bit(role)) != 0; }
  constexpr bool has(Role role) const { return has(static_cast<std::int64_t>(role)); }
  constexpr RoleSet operator|(RoleSet o) const {
    RoleSet r;
    r.bits_ = bits_ | o.bits_;
    return r;
  }

 private:
  static constexpr std::uint32_t bit(std::int64_t role) { return std::uint32_t{1} << static_cast<unsigned>(role); }
  std::uint32_t bits_ = 0;
};

// The customer-service office: butlers, their head, the front desk, the manager.
inline constexpr RoleSet kOfficeRoles{Role::butler, Role::head_butler, Role::front_desk, Role::manager};
// Who leads: sets checklists, deadlines, prices; signs off personnel changes.
inline constexpr RoleSet kLeadRoles{Role::head_butler, Role::manager};

}  // namespace app
