// Residents moving in and out (EstateService::move_in / move_out, estate_service.hpp).
//
// "负责办理客户入住、迁出手续,受理单元入伙(交付)、住户卡的办理"
//   (shared/seeds/000, 篇5 item 2: the butler handles residents' moving-in and
//   moving-out, the handing over of units and the issuing of resident cards.)
//
// A move is one household_moved_in / household_moved_out op (the 历史 line:
// date, people, 住户卡, keys, note, who recorded it) plus one resident_set per
// person with their moved_in / moved_out date. People who leave stay on the
// record as former residents: nothing is deleted.
#include <algorithm>

#include "app/core/local_time.hpp"
#include "app/domain/command_errors.hpp"
#include "app/domain/estate_ops.hpp"
#include "app/domain/estate_service.hpp"
#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using command_detail::errorf;

// Living here now: on the unit's record and not moved out.
bool lives_on(const Resident& r, const Id& unit) { return r.unit == unit && !r.removed && r.moved_out == 0; }
// On the unit's record but not living there: never moved in (the owner of a
// unit just handed over), or moved out (a former resident coming back).
bool may_return_to(const Resident& r, const Id& unit) {
  return r.unit == unit && !r.removed && (r.moved_out != 0 || r.moved_in == 0);
}

// Who may record a move: the office (kOfficeRoles), as the op spec says.
Status may_record_moves(const CommandContext& ctx) {
  const Staff* me = ctx.actor_staff();
  if (!me || !role_may_write(static_cast<std::int64_t>(me->role), OpKind::household_moved_in)) {
    return error("not_allowed", S::err_move_role);
  }
  return ok_status();
}

Status common_checks(const CommandContext& ctx, const Id& unit, std::int64_t day, std::int64_t keys) {
  if (Status s = ctx.writable(); !s.ok()) return s;
  if (Status s = may_record_moves(ctx); !s.ok()) return s;
  if (!ctx.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  // A day of the calendar (not 2026-02-30), as the op's F::day rule says.
  if (!is_calendar_day_number(day) || add_days(day, 0) != day) return error("bad_date", S::err_move_bad_date);
  if (keys < 0 || keys > kMaxKeysHanded) return error("bad_keys", S::err_move_keys);
  return ok_status();
}

Payload move_payload(const Id& unit, std::int64_t day, const std::vector<Id>& people, std::int64_t keys, const std::string& note) {
  Payload p;
  p.set(F::parent, unit.to_hex()).set(F::day, day).set(F::movers, join_ids(people)).set(F::keys_handed, keys);
  if (!note.empty()) p.set(F::note, note);
  return p;
}

}  // namespace

Result<Id> EstateService::move_in(const Id& unit, const MoveIn& m) {
  if (Status s = common_checks(ctx_, unit, m.day, m.keys); !s.ok()) return s.error();
  const MasterData& d = ctx_.data();
  if (m.people.empty() && m.on_record.empty()) return error("no_people", S::err_move_no_people);
  if (m.people.size() + m.on_record.size() > kMaxIdsPerField) return error("no_people", S::err_move_no_people);
  for (const Mover& p : m.people) {
    if (p.name.empty()) return error("name_required", S::err_name_required);
    if (!p.phone.empty() && !plausible_phone(p.phone)) return error("bad_phone", S::err_bad_phone);
    if (!is_relation(static_cast<std::int64_t>(p.relation))) return error("bad_relation", S::err_move_bad_relation);
  }
  std::vector<Id> on_record = m.on_record;
  std::sort(on_record.begin(), on_record.end());
  on_record.erase(std::unique(on_record.begin(), on_record.end()), on_record.end());
  for (const Id& id : on_record) {
    auto it = d.residents.find(id);
    if (it == d.residents.end() || it->second.unit != unit || it->second.removed) return error("not_on_unit", S::err_move_not_on_unit);
    const Resident& r = it->second;
    if (!may_return_to(r, unit)) return errorf("already_in", S::err_move_already_in, r.name.c_str());
    if (r.moved_out != 0 && m.day < r.moved_out) return errorf("date_before_out", S::err_move_before_out, r.name.c_str());
  }

  // New people get their ids first, so the move can name them.
  const Id move = ctx_.new_id();
  std::vector<Id> people = on_record;
  for (std::size_t i = 0; i < m.people.size(); ++i) people.push_back(ctx_.new_id());
  Payload mp = move_payload(unit, m.day, people, m.keys, m.note);
  if (!m.cards.empty()) mp.set(F::card_numbers, m.cards);
  std::vector<Op> ops;
  ops.push_back(ctx_.make_op(OpKind::household_moved_in, move, std::move(mp)));
  for (const Id& id : on_record) {
    Payload p;
    p.set(F::moved_in, m.day).set(F::moved_out, std::int64_t{0});
    ops.push_back(ctx_.make_op(OpKind::resident_set, id, std::move(p)));
  }
  // A tenant household moves in beside the owner, who stays on the record
  // as they are: nobody already there is touched.
  for (std::size_t i = 0; i < m.people.size(); ++i) {
    const Mover& n = m.people[i];
    Payload p;
    p.set(F::parent, unit.to_hex()).set(F::name, n.name).set(F::relation, static_cast<std::int64_t>(n.relation));
    if (!n.phone.empty()) p.set(F::phone, n.phone);
    if (!n.occupation.empty()) p.set(F::occupation, n.occupation);
    p.set(F::moved_in, m.day);
    ops.push_back(ctx_.make_op(OpKind::resident_set, people[on_record.size() + i], std::move(p)));
  }
  if (d.units.at(unit).recorded_status == UnitStatus::vacant) {
    Payload p;
    p.set(F::status, static_cast<std::int64_t>(UnitStatus::occupied));
    ops.push_back(ctx_.make_op(OpKind::unit_set, unit, std::move(p)));
  }
  if (Status s = ctx_.commit(std::move(ops)); !s.ok()) return s.error();
  return move;
}

Result<Id> EstateService::move_out(const Id& unit, const MoveOut& m) {
  if (Status s = common_checks(ctx_, unit, m.day, m.keys); !s.ok()) return s.error();
  const MasterData& d = ctx_.data();
  std::vector<const Resident*> leaving;
  if (m.people.empty()) {
    leaving = residents_of(unit);  // everyone living there now
  } else {
    for (const Id& id : m.people) {
      auto it = d.residents.find(id);
      if (it == d.residents.end() || !lives_on(it->second, unit)) return error("not_on_unit", S::err_move_not_on_unit);
      if (std::find(leaving.begin(), leaving.end(), &it->second) == leaving.end()) leaving.push_back(&it->second);
    }
  }
  if (leaving.empty()) return error("no_people", S::err_move_no_people);
  if (leaving.size() > kMaxIdsPerField) return error("no_people", S::err_move_no_people);
  for (const Resident* r : leaving) {
    if (r->moved_in != 0 && m.day < r->moved_in) return errorf("date_before_in", S::err_move_before_in, r->name.c_str());
  }

  const Id move = ctx_.new_id();
  std::vector<Id> people;
  for (const Resident* r : leaving) people.push_back(r->id);
  std::vector<Op> ops;
  ops.push_back(ctx_.make_op(OpKind::household_moved_out, move, move_payload(unit, m.day, people, m.keys, m.note)));
  for (const Id& id : people) {
    Payload p;
    p.set(F::moved_out, m.day);
    ops.push_back(ctx_.make_op(OpKind::resident_set, id, std::move(p)));
  }
  // Nobody left living there: the unit is empty. Only an occupied one
  // changes; a unit under renovation or a model unit keeps its status.
  const bool someone_stays = std::any_of(d.residents.begin(), d.residents.end(), [&](const auto& e) {
    return lives_on(e.second, unit) && std::find(people.begin(), people.end(), e.first) == people.end();
  });
  if (!someone_stays && d.units.at(unit).recorded_status == UnitStatus::occupied) {
    Payload p;
    p.set(F::status, static_cast<std::int64_t>(UnitStatus::vacant));
    ops.push_back(ctx_.make_op(OpKind::unit_set, unit, std::move(p)));
  }
  if (Status s = ctx_.commit(std::move(ops)); !s.ok()) return s.error();
  return move;
}

std::vector<const Resident*> EstateService::may_move_in(const Id& unit) const {
  std::vector<const Resident*> out;
  for (const auto& [id, r] : ctx_.data().residents) {
    if (may_return_to(r, unit)) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Resident* a, const Resident* b) {
    if (a->owner != b->owner) return a->owner;
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

std::vector<MoveRow> EstateService::move_history(const Id& unit) const {
  const MasterData& d = ctx_.data();
  std::vector<MoveRow> out;
  for (const auto& [id, m] : d.moves) {
    if (m.unit != unit) continue;
    MoveRow row;
    row.move = &m;
    for (const Id& person : m.people) {
      auto r = d.residents.find(person);
      if (r == d.residents.end() || r->second.name.empty()) continue;
      if (!row.names.empty()) row.names += "、";
      row.names += r->second.name;
    }
    row.recorded_by = ctx_.staff_name(m.recorded_by);
    out.push_back(std::move(row));
  }
  // Latest first: by the day of the move, then when it was recorded.
  std::sort(out.begin(), out.end(), [](const MoveRow& a, const MoveRow& b) {
    if (a.move->day != b.move->day) return a.move->day > b.move->day;
    if (a.move->recorded_ms != b.move->recorded_ms) return a.move->recorded_ms > b.move->recorded_ms;
    return a.move->id > b.move->id;
  });
  return out;
}

}  // namespace app
