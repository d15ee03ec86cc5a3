// The sheets of people and routes: staff (员工), zones (责任区) and
// checkpoints (巡查点).
#include <algorithm>
#include <charconv>

#include "app/domain/estate_service.hpp"  // plausible_phone
#include "app/setup/import_planner.hpp"

namespace app::import_detail {
namespace {

const char* role_word(Role r) {
  static const char* kWords[] = {"客服管家", "客服主管", "前台", "管理处主任", "工程部", "秩序维护部", "保洁", "绿化"};
  return is_role(static_cast<std::int64_t>(r)) ? kWords[static_cast<int>(r)] : "";
}

bool position_cell(const std::string& text, std::int64_t* out) {
  const auto r = std::from_chars(text.data(), text.data() + text.size(), *out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size() && *out >= 1 && *out <= 100000;
}

bool plausible_pin_text(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 12 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Six digits, each from its own draw; no leading-zero trouble since it stays text.
std::string random_pin(RandomPort& random) {
  std::string pin;
  for (int i = 0; i < 6; ++i) pin += static_cast<char>('0' + random.next_u64() % 10);
  return pin;
}

std::string ids_text(const MasterData& d, const std::vector<Id>& buildings) {
  std::string out;
  for (const Id& b : buildings) {
    auto it = d.buildings.find(b);
    if (!out.empty()) out += "、";
    out += it == d.buildings.end() ? "?" : it->second.name;
  }
  return out;
}

}  // namespace

void plan_staff(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kCode, kName, kRole, kPhone, kPin };
  for (const SheetRow& row : rows) {
    const std::string code = p.cell(row, kCode), name = p.cell(row, kName), role_text = p.cell(row, kRole);
    const std::string phone = p.cell(row, kPhone), pin = p.cell(row, kPin);
    bool ok = true;
    if (code.empty()) p.problem(row, kCode, "empty"), ok = false;
    else if (code.size() > 32) p.problem(row, kCode, "longer than 32 characters"), ok = false;
    if (name.empty()) p.problem(row, kName, "empty"), ok = false;
    const auto role = parse_role_cell(role_text);
    if (!role) p.problem(row, kRole, "客服管家, 客服主管, 前台, 管理处主任, 工程部, 秩序维护部, 保洁 or 绿化, not \"" + role_text + "\""), ok = false;
    if (!phone.empty() && !plausible_phone(phone)) p.problem(row, kPhone, "\"" + phone + "\" is not a phone number"), ok = false;
    if (!pin.empty() && !plausible_pin_text(pin)) p.problem(row, kPin, "a PIN is 4 to 12 digits"), ok = false;
    if (!ok || p.duplicate(row, "staff|" + code, "the same 工号")) continue;
    const Staff* s = p.staff_coded(code);
    Payload sp;
    std::string diff;
    if (!s) {
      const Id id = p.new_id();
      sp.set(F::code, code).set(F::name, name).set(F::role, static_cast<std::int64_t>(*role));
      if (!phone.empty()) sp.set(F::phone, phone);
      p.emit(row, OpKind::staff_set, id, std::move(sp), true, code + " " + name, "");
      p.plan().logins.push_back({code, name, id, *role, pin.empty() ? random_pin(p.random()) : pin, pin.empty()});
      continue;
    }
    diff_text(sp, F::name, s->name, name, "姓名", diff);
    diff_number(sp, F::role, static_cast<std::int64_t>(s->role), static_cast<std::int64_t>(*role), "岗位", role_word(s->role),
                role_word(*role), diff);
    if (!phone.empty()) diff_text(sp, F::phone, s->phone, phone, "电话", diff);
    // A PIN is set once, on arrival; a later file does not reset it (reset-pin does).
    p.emit(row, OpKind::staff_set, s->id, std::move(sp), false, code + " " + name, diff);
  }
}

void plan_zones(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kName, kBuildings, kButler, kPosition };
  const MasterData& d = p.data();
  std::int64_t line_order = 0;
  for (const SheetRow& row : rows) {
    ++line_order;
    const std::string name = p.cell(row, kName), buildings_text = p.cell(row, kBuildings);
    const std::string butler_code = p.cell(row, kButler), position_text = p.cell(row, kPosition);
    bool ok = true;
    if (name.empty()) p.problem(row, kName, "empty"), ok = false;
    std::vector<Id> buildings;
    for (const std::string& b : split_list_cell(buildings_text)) {
      const Id id = p.building_named(b);
      if (id.is_nil()) p.problem(row, kBuildings, "\"" + b + "\" is not a building here (import the units first)"), ok = false;
      else buildings.push_back(id);
    }
    if (buildings_text.empty()) p.problem(row, kBuildings, "a zone needs its buildings"), ok = false;
    const Staff* butler = butler_code.empty() ? nullptr : p.staff_coded(butler_code);
    if (!butler_code.empty() && !butler) p.problem(row, kButler, "no staff with 工号 " + butler_code + " (import the staff first)"), ok = false;
    else if (butler && butler->role != Role::butler && butler->role != Role::head_butler)
      p.problem(row, kButler, butler_code + " is " + role_word(butler->role) + ", not a butler"), ok = false;
    std::int64_t position = line_order;
    if (!position_cell(position_text, &position) && !position_text.empty())
      p.problem(row, kPosition, "a whole number from 1, not \"" + position_text + "\""), ok = false;
    if (!ok || p.duplicate(row, "zone|" + place_key(name), "the same zone")) continue;
    const Id existing = p.zone_named(name);
    Payload zp;
    std::string diff;
    if (existing.is_nil()) {
      zp.set(F::name, name).set(F::buildings, join_ids(buildings)).set(F::position, position);
      if (butler) zp.set(F::butler, butler->id.to_hex());
      p.emit(row, OpKind::zone_set, p.new_id(), std::move(zp), true, name, "");
      continue;
    }
    const Zone& z = d.zones.at(existing);
    if (z.buildings != buildings) {
      zp.set(F::buildings, join_ids(buildings));
      diff += "楼栋 " + ids_text(d, z.buildings) + " → " + ids_text(d, buildings);
    }
    if (butler && z.butler != butler->id) {
      zp.set(F::butler, butler->id.to_hex());
      const Staff* old = d.staff.count(z.butler) ? &d.staff.at(z.butler) : nullptr;
      diff += std::string(diff.empty() ? "" : "; ") + "管家 " + (old ? old->name : "—") + " → " + butler->name;
    }
    diff_number(zp, F::position, z.position, position, "顺序", std::to_string(z.position), std::to_string(position), diff);
    p.emit(row, OpKind::zone_set, existing, std::move(zp), false, name, diff);
  }
}

namespace {

// The zone in use that holds a building, the first in the estate's order; nil
// for none (or for an estate-wide place).
Id zone_holding(const MasterData& d, const Id& building) {
  const Zone* best = nullptr;
  for (const auto& [id, z] : d.zones) {
    if (building.is_nil() || z.retired || std::find(z.buildings.begin(), z.buildings.end(), building) == z.buildings.end()) continue;
    if (!best || z.position < best->position || (z.position == best->position && z.id < best->id)) best = &z;
  }
  return best ? best->id : Id{};
}

}  // namespace

void plan_checkpoints(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kName, kBuilding, kKind, kZone, kPosition };
  const MasterData& d = p.data();
  std::map<Id, std::int64_t> route_length;  // the file's order within each zone, when it gives none
  for (const SheetRow& row : rows) {
    const std::string name = p.cell(row, kName), building = p.cell(row, kBuilding), kind_text = p.cell(row, kKind);
    const std::string zone_name = p.cell(row, kZone), position_text = p.cell(row, kPosition);
    bool ok = true;
    if (name.empty()) p.problem(row, kName, "empty"), ok = false;
    const Id b = building.empty() ? Id{} : p.building_named(building);
    if (!building.empty() && b.is_nil()) p.problem(row, kBuilding, "\"" + building + "\" is not a building here"), ok = false;
    const auto kind = parse_checkpoint_kind_cell(kind_text);
    if (!kind) p.problem(row, kKind, "one of 大堂, 电梯, 走道, 墙面, 防火门, 消防箱, 通风窗, 灯罩, 扶手, 天台, 设备房, 样板间, 公告栏, 大门 — not \"" + kind_text + "\""), ok = false;
    const Checkpoint* c = nullptr;
    for (const auto& [id, x] : d.checkpoints) {
      if (x.building == b && place_key(x.name) == place_key(name)) c = &x;
    }
    // A blank 责任区: the checkpoint stays in its zone, or joins the zone
    // that holds its building (the office's sheet often has no such column).
    Id zone = zone_name.empty() ? (c ? c->zone : zone_holding(d, b)) : p.zone_named(zone_name);
    if (!zone_name.empty() && zone.is_nil()) {
      p.problem(row, kZone, "\"" + zone_name + "\" is not a zone here (import the zones first)"), ok = false;
    } else if (zone.is_nil() && ok) {
      p.problem(row, kZone, b.is_nil() ? "empty: an estate-wide checkpoint names its zone"
                                       : "empty, and no zone holds " + building + " (import the zones first)"),
          ok = false;
    }
    std::int64_t position = 0;
    if (!position_text.empty() && !position_cell(position_text, &position))
      p.problem(row, kPosition, "a whole number from 1, not \"" + position_text + "\""), ok = false;
    if (!ok || p.duplicate(row, "checkpoint|" + b.to_hex() + "|" + place_key(name), "the same checkpoint")) continue;
    if (position_text.empty()) position = ++route_length[zone];
    const std::string what = (building.empty() ? "" : building + " ") + name;
    Payload cp;
    std::string diff;
    if (!c) {
      cp.set(F::name, name).set(F::kind, static_cast<std::int64_t>(*kind)).set(F::zone, zone.to_hex()).set(F::position, position);
      if (!b.is_nil()) cp.set(F::parent, b.to_hex());
      p.emit(row, OpKind::checkpoint_set, p.new_id(), std::move(cp), true, what, "");
      continue;
    }
    if (c->zone != zone) {
      cp.set(F::zone, zone.to_hex());
      diff += "责任区 → " + zone_name;
    }
    diff_number(cp, F::kind, static_cast<std::int64_t>(c->kind), static_cast<std::int64_t>(*kind), "种类",
                std::to_string(static_cast<int>(c->kind)), kind_text, diff);
    diff_number(cp, F::position, c->position, position, "顺序", std::to_string(c->position), std::to_string(position), diff);
    if (c->retired) {
      cp.set(F::retired, 0);  // in the office's route again
      diff += std::string(diff.empty() ? "" : "; ") + "恢复";
    }
    p.emit(row, OpKind::checkpoint_set, c->id, std::move(cp), false, what, diff);
  }
}

}  // namespace app::import_detail
