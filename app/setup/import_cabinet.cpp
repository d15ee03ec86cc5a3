// The sheets the front office keeps: the key cabinet (钥匙) and the
// paid-repair price list (有偿维修价目).
#include "app/core/money.hpp"
#include "app/keys/key_rules.hpp"
#include "app/setup/import_planner.hpp"

namespace app::import_detail {
namespace {

std::optional<keys::KeyKind> key_kind_cell(const std::string& s) {
  if (s == "分户钥匙" || s == "住户钥匙" || s == "单元钥匙" || s == "户内钥匙" || s == "分户" || s == "unit") return keys::KeyKind::unit;
  if (s == "公共钥匙" || s == "公共区域钥匙" || s == "公共" || s == "公区" || s == "设备钥匙" || s == "public") {
    return keys::KeyKind::public_area;
  }
  return std::nullopt;
}

const char* key_kind_word(keys::KeyKind k) { return k == keys::KeyKind::unit ? "分户钥匙" : "公共钥匙"; }
const char* custody_word(keys::Custody c) { return c == keys::Custody::centre ? "客服中心" : "工程部"; }

std::optional<keys::Custody> custody_cell(const std::string& s) {
  if (s.empty() || s == "客服中心" || s == "客服" || s == "centre") return keys::Custody::centre;
  if (s == "工程部" || s == "工程" || s == "engineering") return keys::Custody::engineering;
  return std::nullopt;
}

// 30, 30.5, 30.50, ¥30, 30元, 1,200 → fen.
std::optional<std::int64_t> price_cell(std::string s) {
  for (std::string_view mark : {"元", "¥", "￥", ",", "，"}) {
    for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark)) s.erase(at, mark.size());
  }
  return parse_yuan(trim_cell(s));
}

std::string yuan_text(std::int64_t fen) {
  std::string cents = std::to_string(fen % 100);
  return std::to_string(fen / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

}  // namespace

void plan_keys(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kLabel, kKind, kOwner, kCategory, kSystem, kCustody };
  const MasterData& d = p.data();
  for (const SheetRow& row : rows) {
    const std::string label = p.cell(row, kLabel), kind_text = p.cell(row, kKind), owner = p.cell(row, kOwner);
    const std::string category = p.cell(row, kCategory), system = p.cell(row, kSystem), custody_text = p.cell(row, kCustody);
    bool ok = true;
    if (label.empty()) p.problem(row, kLabel, "empty"), ok = false;
    const auto kind = key_kind_cell(kind_text);
    if (!kind) p.problem(row, kKind, "分户钥匙 or 公共钥匙, not \"" + kind_text + "\""), ok = false;
    const auto custody = custody_cell(custody_text);
    if (!custody) p.problem(row, kCustody, "客服中心 or 工程部, not \"" + custody_text + "\""), ok = false;
    Id unit;
    if (kind == keys::KeyKind::unit) {
      // 各户钥匙全部由客服中心进行保管 (000 钥匙管理): a unit key is the centre's, filed under its unit.
      unit = p.unit_written(owner.empty() ? label : owner);
      if (unit.is_nil()) p.problem(row, kOwner, "\"" + (owner.empty() ? label : owner) + "\" is not one unit here"), ok = false;
      if (custody == keys::Custody::engineering) p.problem(row, kCustody, "unit keys are kept by the service centre"), ok = false;
    } else if (kind == keys::KeyKind::public_area && (category.empty() || (system.empty() && owner.empty()))) {
      // A public key is filed by equipment category and system (设备类别, 系统), as KeysService::add_key files it.
      p.problem(row, category.empty() ? kCategory : kSystem, "a public key is filed by 设备类别 and 系统"), ok = false;
    }
    if (!ok || p.duplicate(row, "key|" + place_key(label), "the same key label")) continue;
    const KeyRecord* k = nullptr;
    for (const auto& [id, x] : d.keys.keys) {
      if (place_key(x.label) == place_key(label)) k = &x;
    }
    Payload kp;
    std::string diff;
    const std::string sys = system.empty() ? owner : system;
    if (!k) {
      kp.set(F::key_kind, static_cast<std::int64_t>(*kind)).set(F::name, label).set(F::at_ms, p.now_ms());
      if (*kind == keys::KeyKind::unit) {
        kp.set(F::custody, static_cast<std::int64_t>(keys::Custody::centre)).set(F::parent, unit.to_hex());
      } else {
        kp.set(F::custody, static_cast<std::int64_t>(*custody)).set(F::equipment_category, category).set(F::system, sys);
      }
      p.emit(row, OpKind::key_set, p.new_id(), std::move(kp), true, label, "");
      continue;
    }
    diff_number(kp, F::key_kind, static_cast<std::int64_t>(k->kind), static_cast<std::int64_t>(*kind), "类别", key_kind_word(k->kind),
                key_kind_word(*kind), diff);
    if (*kind == keys::KeyKind::unit) {
      if (k->place != unit) {
        kp.set(F::parent, unit.to_hex());
        diff += std::string(diff.empty() ? "" : "; ") + "所属 → " + (owner.empty() ? label : owner);
      }
    } else {
      diff_number(kp, F::custody, static_cast<std::int64_t>(k->custody), static_cast<std::int64_t>(*custody), "保管",
                  custody_word(k->custody), custody_word(*custody), diff);
      diff_text(kp, F::equipment_category, k->category, category, "设备类别", diff);
      diff_text(kp, F::system, k->system, sys, "系统", diff);
    }
    if (!kp.fields().empty()) kp.set(F::key_kind, static_cast<std::int64_t>(*kind)).set(F::name, k->label);  // the spec needs both
    p.emit(row, OpKind::key_set, k->id, std::move(kp), false, label, diff);
  }
}

void plan_prices(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kItem, kUnit, kPrice };
  const MasterData& d = p.data();
  for (const SheetRow& row : rows) {
    const std::string item = p.cell(row, kItem), unit = p.cell(row, kUnit), price_text = p.cell(row, kPrice);
    bool ok = true;
    if (item.empty()) p.problem(row, kItem, "empty"), ok = false;
    if (unit.empty()) p.problem(row, kUnit, "empty (次, 个, 米…)"), ok = false;
    const auto price = price_cell(price_text);
    if (!price || *price < 0 || *price > 100000000) p.problem(row, kPrice, "元 like 30 or 30.50, not \"" + price_text + "\""), ok = false;
    if (!ok || p.duplicate(row, "price|" + place_key(item), "the same item")) continue;
    const PriceItem* existing = nullptr;
    for (const auto& [id, x] : d.tickets.prices) {
      if (place_key(x.name) == place_key(item)) existing = &x;
    }
    Payload pp;
    std::string diff;
    if (!existing) {
      pp.set(F::name, item).set(F::unit_label, unit).set(F::price_cents, *price);
      p.emit(row, OpKind::price_item_set, p.new_id(), std::move(pp), true, item, "");
      continue;
    }
    diff_text(pp, F::unit_label, existing->unit_label, unit, "单位", diff);
    diff_number(pp, F::price_cents, existing->price_cents, *price, "单价", yuan_text(existing->price_cents), yuan_text(*price), diff);
    if (existing->removed) {
      pp.set(F::removed, 0);
      diff += std::string(diff.empty() ? "" : "; ") + "恢复";
    }
    p.emit(row, OpKind::price_item_set, existing->id, std::move(pp), false, item, diff);
  }
}

}  // namespace app::import_detail
