#include "app/domain/estate_ops.hpp"

#include "app/ops/payload_fold.hpp"
#include "app/core/record_number.hpp"
#include "app/core/sha256.hpp"

namespace app {
namespace {

// A set-op of the estate is a partial update: it must change something.
Status changes_something(const Op& op) {
  if (op.payload.fields().empty()) return invalid_op("an update must change something");
  return ok_status();
}

// A model unit puts the unit on the model rounds (000 3.4:
// "早班人员需在7:50前打开样板间的房门"): a lead's set-up, not field news.
Status model_by_lead(const Op& op, std::int64_t role) {
  if (op.payload.number(F::status) == static_cast<std::int64_t>(UnitStatus::model) && !kLeadRoles.has(role)) {
    return role_refusal(i18n::S::err_model_unit_lead_only);
  }
  return ok_status();
}

// Roles are given from above: nobody changes their own, and only the manager
// makes (or unmakes) a manager. The office's staff sheet and the admin
// commands are the manager's on the server.
Status role_from_above(const Op& op, std::int64_t role) {
  const auto given = op.payload.number(F::role);
  if (!given) return ok_status();
  if (op.entity == op.actor) return role_refusal(i18n::S::err_staff_own_role);
  if (*given == static_cast<std::int64_t>(Role::manager) && role != static_cast<std::int64_t>(Role::manager)) {
    return role_refusal(i18n::S::err_staff_grant_manager);
  }
  return ok_status();
}

// A date a person gives (moved in, moved out): 0 means unknown or still here.
bool plausible_date(const Payload::Field& f) {
  const std::int64_t d = f.number;
  if (d == 0) return true;
  const std::int64_t y = d / 10000, m = d / 100 % 100, day = d % 100;
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

// A move names at least one person.
Status names_movers(const Op& op) {
  if (split_ids(op.payload.text(F::movers).value_or("")).empty()) return invalid_op("a move names at least one person");
  return ok_status();
}

const OpSpec kSpecs[] = {
    {OpKind::community_set, {F::name, F::city}, {F::name}, kLeadRoles},
    {OpKind::building_set, {F::name, F::floors, F::position}, {}, kLeadRoles, changes_something},
    {OpKind::unit_set, {F::parent, F::floor, F::stairwell, F::number, F::status}, {}, kOfficeRoles, changes_something,
     model_by_lead},
    {OpKind::resident_set, {F::parent, F::name, F::phone, F::occupation, F::is_owner, F::relation, F::moved_in, F::moved_out}, {},
     kOfficeRoles, changes_something},
    {OpKind::resident_removed, {}, {}, kOfficeRoles},
    {OpKind::staff_set, {F::name, F::code, F::phone, F::pin_hash, F::role}, {}, kLeadRoles, changes_something,
     role_from_above},
    {OpKind::zone_set, {F::name, F::butler, F::buildings, F::position, F::retired}, {}, kLeadRoles, changes_something},
    {OpKind::checkpoint_set, {F::parent, F::zone, F::name, F::kind, F::position, F::retired}, {}, kLeadRoles, changes_something},
    {OpKind::photo_added, {F::parent, F::photo, F::taken_ms}, {F::parent, F::photo}, kOfficeRoles},
    // "负责办理客户入住、迁出手续,受理单元入伙(交付)、住户卡的办理" (000 篇5 item 2):
    // the front desk, butlers, their head and the manager record moves.
    {OpKind::household_moved_in, {F::parent, F::day, F::movers, F::card_numbers, F::keys_handed, F::note},
     {F::parent, F::day, F::movers}, kOfficeRoles, names_movers},
    {OpKind::household_moved_out, {F::parent, F::day, F::movers, F::keys_handed, F::note}, {F::parent, F::day, F::movers},
     kOfficeRoles, names_movers},
    // A look at a whole phone: the office, who keep residents' contacts (the
    // command refuses anyone else before showing the number, so no other
    // role's tablet ever shows one). No rule on particular values: the
    // viewer is the op's actor, which the server holds to the token's person
    // (push_gate.hpp), so nobody records a look in someone else's name.
    {OpKind::contact_viewed, {F::parent}, {F::parent}, kOfficeRoles},
};

// The common fields' rules (app/ops/common_ops.inc), wherever they appear.
const FieldRule kRules[] = {
    {F::name, is_not_empty, "empty name"},
    {F::status, [](const Payload::Field& f) { return is_unit_status(f.number); }, "unknown unit status"},
    {F::role, [](const Payload::Field& f) { return is_role(f.number); }, "unknown role"},
    // A checkpoint's kind; round and ticket kinds are checked again by their own specs.
    {F::kind, [](const Payload::Field& f) { return f.number >= 0 && f.number <= kLastCheckpointKind; }, "unknown kind"},
    {F::is_owner, is_flag, "owner flag must be 0 or 1"},
    {F::relation, [](const Payload::Field& f) { return is_relation(f.number); }, "unknown relation (owner, family, tenant)"},
    {F::retired, is_flag, "retired flag must be 0 or 1"},
    {F::floor, [](const Payload::Field& f) { return f.number >= -10 && f.number <= 300; }, "floor out of range"},
    {F::floors, [](const Payload::Field& f) { return f.number >= 1 && f.number <= 300; }, "floor count out of range"},
    {F::moved_in, plausible_date, "bad date"},
    {F::moved_out, plausible_date, "bad date"},
    {F::position, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 1000000; }, "position out of range"},
    {F::photo, [](const Payload::Field& f) { return is_sha256_hex(f.text); }, "a photo is named by its SHA-256 (64 hex digits)"},
    {F::day, is_calendar_day, "bad day"},
    {F::at_ms, is_sane_time, "time out of range"},
    // A record's number (tickets, notices), read out and typed into spreadsheets:
    // never one they turn into 1.2E+71. Common fields' rules live here, with the estate's.
    {F::record_no, [](const Payload::Field& f) { return records::valid_record_number(f.text); },
     "a record number is A-Z, 0-9 and '-', starting with a letter"},
    {F::keys_handed, [](const Payload::Field& f) { return f.number >= 0 && f.number <= kMaxKeysHanded; }, "keys handed out of range (0–20)"},
};

}  // namespace

bool is_unit_status(std::int64_t v) { return v >= 0 && v <= 3; }

OpTable estate_ops() { return {kSpecs, kRules}; }

void apply_estate(MasterData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::community_set:
      d.community.id = op.entity;
      set_text(p, F::name, d.community.name);
      set_text(p, F::city, d.community.city);
      break;
    case OpKind::building_set: {
      Building& b = d.buildings[op.entity];
      b.id = op.entity;
      set_text(p, F::name, b.name);
      set_number(p, F::floors, b.floors);
      set_number(p, F::position, b.position);
      break;
    }
    case OpKind::unit_set: {
      Unit& u = d.units[op.entity];
      u.id = op.entity;
      set_id(p, F::parent, u.building);
      set_number(p, F::floor, u.floor);
      set_text(p, F::stairwell, u.stairwell);
      set_text(p, F::number, u.number);
      if (auto s = p.number(F::status); s && is_unit_status(*s)) u.recorded_status = static_cast<UnitStatus>(*s);
      // A move in or out while the works run changes what the unit goes back to, not 装修中.
      u.status = renovation::unit_status_during_works(u.recorded_status, unit_under_works(d.renovation, u.id));
      break;
    }
    case OpKind::resident_set: {
      Resident& r = d.residents[op.entity];
      r.id = op.entity;
      set_id(p, F::parent, r.unit);
      set_text(p, F::name, r.name);
      set_text(p, F::phone, r.phone);
      set_text(p, F::occupation, r.occupation);
      if (auto o = p.number(F::is_owner)) {
        r.owner = *o != 0;
        if (r.owner) r.relation = Relation::owner;
        else if (r.relation == Relation::owner) r.relation = Relation::family;
      }
      if (auto rel = p.number(F::relation); rel && is_relation(*rel)) {
        r.relation = static_cast<Relation>(*rel);
        r.owner = r.relation == Relation::owner;
      }
      set_number(p, F::moved_in, r.moved_in);
      set_number(p, F::moved_out, r.moved_out);
      r.removed = false;
      break;
    }
    case OpKind::resident_removed: {
      Resident& r = d.residents[op.entity];
      r.id = op.entity;
      r.removed = true;
      break;
    }
    case OpKind::staff_set: {
      Staff& s = d.staff[op.entity];
      s.id = op.entity;
      set_text(p, F::name, s.name);
      set_text(p, F::code, s.code);
      set_text(p, F::phone, s.phone);
      set_text(p, F::pin_hash, s.pin_hash);
      if (auto r = p.number(F::role); r && is_role(*r)) s.role = static_cast<Role>(*r);
      break;
    }
    case OpKind::zone_set: {
      Zone& z = d.zones[op.entity];
      z.id = op.entity;
      set_text(p, F::name, z.name);
      set_id(p, F::butler, z.butler);
      if (auto b = p.text(F::buildings)) z.buildings = split_ids(*b);
      set_number(p, F::position, z.position);
      if (auto r = p.number(F::retired)) z.retired = *r != 0;
      break;
    }
    case OpKind::checkpoint_set: {
      Checkpoint& c = d.checkpoints[op.entity];
      c.id = op.entity;
      set_id(p, F::parent, c.building);
      set_id(p, F::zone, c.zone);
      set_text(p, F::name, c.name);
      set_number(p, F::position, c.position);
      if (auto r = p.number(F::retired)) c.retired = *r != 0;
      if (auto k = p.number(F::kind); k && *k >= 0 && *k <= kLastCheckpointKind) c.kind = static_cast<CheckpointKind>(*k);
      break;
    }
    case OpKind::photo_added: {
      Photo& ph = d.photos[op.entity];
      ph.id = op.entity;
      set_id(p, F::parent, ph.subject);
      set_text(p, F::photo, ph.sha256);
      set_number(p, F::taken_ms, ph.taken_ms);
      break;
    }
    case OpKind::household_moved_in:
    case OpKind::household_moved_out: {
      // A record: written once by the command that moves the people.
      HouseholdMove& m = d.moves[op.entity];
      m.id = op.entity;
      m.out = op.kind == OpKind::household_moved_out;
      m.recorded_by = op.actor;
      m.recorded_ms = op.hlc.wall_ms;
      set_id(p, F::parent, m.unit);
      set_number(p, F::day, m.day);
      if (auto ids = p.text(F::movers)) m.people = split_ids(*ids);
      set_text(p, F::card_numbers, m.cards);
      set_number(p, F::keys_handed, m.keys);
      set_text(p, F::note, m.note);
      break;
    }
    case OpKind::contact_viewed: {
      // A record: written once, by the tap that showed the number.
      ContactView& v = d.contact_views[op.entity];
      v.id = op.entity;
      v.viewer = op.actor;
      v.at_ms = op.hlc.wall_ms;
      set_id(p, F::parent, v.resident);
      break;
    }
    default:
      break;  // not the estate's
  }
}

}  // namespace app
