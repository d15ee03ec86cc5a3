#pragma once
// The repair slip (维修单, 一式三联): owner, address, phone and content come
// from the ticket; the slip adds the appointment, the repair's category (its
// callback window depends on it), the paid items priced from the price list
// (有偿维修服务项目表及收费标准) and the materials the owner supplied. Lines
// keep the name and price they were priced at, so a later edit of the price
// list never changes a slip already given to the owner.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {

// One line of the paid-repair price list, edited by the head butler.
struct PriceItem {
  Id id;
  std::string name, unit_label;  // 更换水龙头 · 个
  std::int64_t price_cents = 0;
  bool removed = false;
  bool operator==(const PriceItem&) const = default;
};

struct SlipLine {
  Id item;  // nil: off the price list, priced by hand (000:619: reviewed before the price stands)
  std::string name, unit_label;
  std::int64_t price_cents = 0, quantity = 1;
  std::int64_t total_cents() const { return price_cents * quantity; }
  bool operator==(const SlipLine&) const = default;
};

struct RepairSlip {
  bool set = false;                  // a slip was filled in
  std::int64_t appointment_ms = 0;   // 预约维修时间
  tickets::RepairCategory category = tickets::RepairCategory::ordinary;
  std::vector<SlipLine> lines;       // empty: a free repair
  std::string materials;             // 业主自购材料, as the repairer checked them
  // 000:619 the engineering manager's review of the off-list lines: of this
  // slip (a new slip clears it), passed or refused, by whom.
  std::int64_t reviewed_ms = 0;
  bool review_passed = false;
  Id reviewed_by;
  std::int64_t total_cents() const;
  bool has_off_list() const;
  // The price may be put to the owner: every line is on the list, or the
  // off-list ones passed review.
  bool price_stands() const { return !has_off_list() || (reviewed_ms > 0 && review_passed); }
  bool operator==(const RepairSlip&) const = default;
};

// Text form of a slip's lines for an op field; nullopt when damaged.
std::string encode_slip_lines(const std::vector<SlipLine>& lines);
std::optional<std::vector<SlipLine>> decode_slip_lines(std::string_view text);

// "¥12.50" (cents are never floating point).
std::string format_yuan(std::int64_t cents);

}  // namespace app
