// The estate's sheets: units (房屋) and residents (住户).
#include <algorithm>
#include <charconv>

#include "app/domain/estate_service.hpp"  // plausible_phone
#include "app/domain/csv_fields.hpp"      // date_text
#include "app/setup/import_planner.hpp"

namespace app::import_detail {
namespace {

const char* status_word(UnitStatus s) {
  switch (s) {
    case UnitStatus::occupied: return "已入住";
    case UnitStatus::vacant: return "空置";
    case UnitStatus::renovating: return "装修中";
    case UnitStatus::model: return "样板间";
  }
  return "";
}

const char* relation_word(Relation r) {
  switch (r) {
    case Relation::owner: return "业主";
    case Relation::family: return "家属";
    case Relation::tenant: return "租户";
  }
  return "";
}

bool whole_number(const std::string& text, std::int64_t* out) {
  const auto r = std::from_chars(text.data(), text.data() + text.size(), *out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

}  // namespace

void plan_units(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kBuilding, kStair, kRoom, kFloor, kStatus };
  const MasterData& d = p.data();
  std::int64_t last_position = 0;
  for (const auto& [id, b] : d.buildings) last_position = std::max(last_position, b.position);
  std::map<std::string, Id> new_buildings;  // by building_core, as the community's are found: 5栋 and 5号楼 are one
  for (const SheetRow& row : rows) {
    const std::string building = p.cell(row, kBuilding), stair = p.cell(row, kStair), room = p.cell(row, kRoom);
    const std::string floor_text = p.cell(row, kFloor), status_text = p.cell(row, kStatus);
    std::int64_t floor = 0;
    const auto status = parse_unit_status_cell(status_text);
    bool ok = true;
    if (building.empty()) p.problem(row, kBuilding, "empty"), ok = false;
    if (room.empty()) p.problem(row, kRoom, "empty"), ok = false;
    if (!whole_number(floor_text, &floor) || floor < -10 || floor > 300)
      p.problem(row, kFloor, "a whole number from -10 to 300, not \"" + floor_text + "\""), ok = false;
    if (!status) p.problem(row, kStatus, "已入住, 空置, 装修中 or 样板间, not \"" + status_text + "\""), ok = false;
    const std::string core = building_core(building);
    if (!ok || p.duplicate(row, "unit|" + core + "|" + place_key(stair) + "|" + place_key(room), "the same unit")) {
      continue;
    }
    Id b = p.building_named(building);
    if (b.is_nil()) {
      auto it = new_buildings.find(core);
      if (it == new_buildings.end()) {
        b = p.new_id();
        Payload bp;
        bp.set(F::name, building).set(F::position, ++last_position);
        p.emit_also(row, OpKind::building_set, b, std::move(bp), building);
        new_buildings.emplace(core, b);
      } else {
        b = it->second;
      }
    }
    Id unit;
    for (const auto& [id, u] : d.units) {
      if (u.building == b && place_key(u.stairwell) == place_key(stair) && place_key(u.number) == place_key(room)) unit = id;
    }
    const std::string what = building + (stair.empty() ? "" : " " + stair + "单元") + " " + room;
    Payload up;
    std::string diff;
    if (unit.is_nil()) {
      up.set(F::parent, b.to_hex()).set(F::stairwell, stair).set(F::number, room).set(F::floor, floor)
          .set(F::status, static_cast<std::int64_t>(*status));
      p.emit(row, OpKind::unit_set, p.new_id(), std::move(up), true, what, "");
      continue;
    }
    const Unit& u = d.units.at(unit);
    diff_number(up, F::floor, u.floor, floor, "楼层", std::to_string(u.floor), std::to_string(floor), diff);
    diff_number(up, F::status, static_cast<std::int64_t>(u.status), static_cast<std::int64_t>(*status), "状态",
                status_word(u.status), status_word(*status), diff);
    p.emit(row, OpKind::unit_set, unit, std::move(up), false, what, diff);
  }
}

void plan_residents(Planner& p, const std::vector<SheetRow>& rows) {
  enum { kBuilding, kStair, kRoom, kName, kRelation, kPhone, kMovedIn, kMovedOut, kOccupation };
  const MasterData& d = p.data();
  for (const SheetRow& row : rows) {
    const std::string building = p.cell(row, kBuilding), stair = p.cell(row, kStair), room = p.cell(row, kRoom);
    const std::string name = p.cell(row, kName), relation_text = p.cell(row, kRelation), phone = p.cell(row, kPhone);
    const std::string in_text = p.cell(row, kMovedIn), out_text = p.cell(row, kMovedOut), occupation = p.cell(row, kOccupation);
    bool ok = true;
    Id unit;
    const Id b = p.building_named(building);
    if (building.empty()) p.problem(row, kBuilding, "empty"), ok = false;
    else if (b.is_nil()) p.problem(row, kBuilding, "\"" + building + "\" is not a building here (import the units first)"), ok = false;
    if (room.empty()) {
      p.problem(row, kRoom, "empty"), ok = false;
    } else if (!b.is_nil()) {
      std::string why;
      unit = p.unit_at(b, stair, room, &why);
      if (unit.is_nil()) p.problem(row, kRoom, building + " " + room + ": " + why), ok = false;
    }
    if (name.empty()) p.problem(row, kName, "empty"), ok = false;
    const auto relation = parse_relation_cell(relation_text);
    if (!relation) p.problem(row, kRelation, "业主, 家属 or 租户, not \"" + relation_text + "\""), ok = false;
    if (!phone.empty() && !plausible_phone(phone)) p.problem(row, kPhone, "\"" + phone + "\" is not a phone number"), ok = false;
    const auto moved_in = in_text.empty() ? std::optional<std::int64_t>(0) : parse_day_cell(in_text);
    const auto moved_out = out_text.empty() ? std::optional<std::int64_t>(0) : parse_day_cell(out_text);
    if (!moved_in) p.problem(row, kMovedIn, "a date like 2026-03-01, not \"" + in_text + "\""), ok = false;
    if (!moved_out) p.problem(row, kMovedOut, "a date like 2026-03-01, not \"" + out_text + "\""), ok = false;
    if (moved_in && moved_out && *moved_in && *moved_out && *moved_out < *moved_in)
      p.problem(row, kMovedOut, "before the move-in date"), ok = false;
    if (!ok || p.duplicate(row, "resident|" + unit.to_hex() + "|" + name, "the same resident of the same unit")) continue;

    // A resident is known by unit and name: the office's sheets have no other key.
    const Resident* r = nullptr;
    for (const auto& [id, x] : d.residents) {
      if (x.unit == unit && x.name == name) r = &x;
    }
    const std::string what = building + " " + room + " " + name;
    Payload rp;
    std::string diff;
    if (!r) {
      rp.set(F::parent, unit.to_hex()).set(F::name, name).set(F::relation, static_cast<std::int64_t>(*relation))
          .set(F::is_owner, *relation == Relation::owner ? 1 : 0);
      if (!phone.empty()) rp.set(F::phone, phone);
      if (!occupation.empty()) rp.set(F::occupation, occupation);
      if (*moved_in) rp.set(F::moved_in, *moved_in);
      if (*moved_out) rp.set(F::moved_out, *moved_out);
      p.emit(row, OpKind::resident_set, p.new_id(), std::move(rp), true, what, "");
      continue;
    }
    if (r->removed) {
      // On the office's list again: back on the record, as the sheet says.
      rp.set(F::parent, unit.to_hex()).set(F::name, name);
      diff = "恢复";
    }
    diff_number(rp, F::relation, static_cast<std::int64_t>(r->relation), static_cast<std::int64_t>(*relation), "身份",
                relation_word(r->relation), relation_word(*relation), diff);
    if (rp.has(F::relation)) rp.set(F::is_owner, *relation == Relation::owner ? 1 : 0);
    if (!phone.empty()) diff_text(rp, F::phone, r->phone, phone, "电话", diff);
    if (!occupation.empty()) diff_text(rp, F::occupation, r->occupation, occupation, "职业", diff);
    if (*moved_in) diff_number(rp, F::moved_in, r->moved_in, *moved_in, "入住日期", office::date_text(r->moved_in), office::date_text(*moved_in), diff);
    if (*moved_out) diff_number(rp, F::moved_out, r->moved_out, *moved_out, "迁出日期", office::date_text(r->moved_out), office::date_text(*moved_out), diff);
    p.emit(row, OpKind::resident_set, r->id, std::move(rp), false, what, diff);
  }
}

}  // namespace app::import_detail
