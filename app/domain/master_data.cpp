#include "app/domain/master_data.hpp"

namespace app {
namespace {

void set_text(const Payload& p, F key, std::string& field) {
  if (auto v = p.text(key)) field.assign(*v);
}
void set_number(const Payload& p, F key, std::int64_t& field) {
  if (auto v = p.number(key)) field = *v;
}
void set_id(const Payload& p, F key, Id& field) {
  if (auto v = p.text(key)) Id::from_hex(*v, &field);
}

}  // namespace

bool is_unit_status(std::int64_t v) { return v >= 0 && v <= 3; }
bool is_role(std::int64_t v) { return v >= 0 && v <= 7; }

std::string join_ids(const std::vector<Id>& ids) {
  std::string out;
  for (const Id& id : ids) {
    if (!out.empty()) out += ',';
    out += id.to_hex();
  }
  return out;
}

std::vector<Id> split_ids(std::string_view text) {
  std::vector<Id> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    Id id;
    if (Id::from_hex(text.substr(0, comma), &id)) out.push_back(id);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

void apply_master_data(MasterData& d, const Op& op) {
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
      if (auto s = p.number(F::status); s && is_unit_status(*s)) u.status = static_cast<UnitStatus>(*s);
      break;
    }
    case OpKind::resident_set: {
      Resident& r = d.residents[op.entity];
      r.id = op.entity;
      set_id(p, F::parent, r.unit);
      set_text(p, F::name, r.name);
      set_text(p, F::phone, r.phone);
      set_text(p, F::occupation, r.occupation);
      if (auto o = p.number(F::is_owner)) r.owner = *o != 0;
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
    case OpKind::round_started:
    case OpKind::item_answered:
    case OpKind::round_finished:
    case OpKind::finding_opened:
    case OpKind::finding_verified:
    case OpKind::checklist_saved:
      apply_rounds(d.rounds, op);
      break;
    case OpKind::ticket_opened:
    case OpKind::ticket_stepped:
    case OpKind::ticket_handed_on:
    case OpKind::repair_slip_set:
    case OpKind::leak_tested:
    case OpKind::callback_rechecked:
    case OpKind::price_item_set:
    case OpKind::visit_recorded:
    case OpKind::ticket_settings_set:
      apply_tickets(d.tickets, op);
      break;
    case OpKind::key_set:
    case OpKind::key_lent:
    case OpKind::key_returned:
    case OpKind::key_lost:
    case OpKind::key_followed_up:
    case OpKind::staff_departed:
      apply_keys(d.keys, op);
      break;
    case OpKind::handover_written:
    case OpKind::handover_confirmed:
      apply_handover(d.handovers, d.keys, op);
    case OpKind::incident_started:
    case OpKind::incident_step:
    case OpKind::incident_noted:
    case OpKind::incident_closed:
      apply_incidents(d.incidents, op);
      break;
    case OpKind::renovation_applied:
    case OpKind::renovation_paper:
    case OpKind::renovation_stepped:
    case OpKind::renovation_pass:
    case OpKind::renovation_violation:
    case OpKind::renovation_followed_up:
      apply_renovation(d.renovation, op);
      break;
    case OpKind::checkpoint_set: {
      Checkpoint& c = d.checkpoints[op.entity];
      c.id = op.entity;
      set_id(p, F::parent, c.building);
      set_id(p, F::zone, c.zone);
      set_text(p, F::name, c.name);
      set_number(p, F::position, c.position);
      if (auto k = p.number(F::kind); k && *k >= 0 && *k <= 13) c.kind = static_cast<CheckpointKind>(*k);
      break;
    }
  }
}

}  // namespace app
