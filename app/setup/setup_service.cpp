#include "app/setup/setup_service.hpp"

#include <algorithm>

#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

}  // namespace

Status SetupService::check_lead() const {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_setup_not_lead);
  return ok_status();
}

Result<Payload> SetupService::zone_payload(const ZoneDraft& draft, const Id& self) const {
  const MasterData& d = ctx_.data();
  const std::string name = trimmed(draft.name);
  if (name.empty()) return error("name_required", S::err_setup_zone_name);
  for (const auto& [id, z] : d.zones) {
    if (id != self && !z.retired && z.name == name) return error("name_taken", S::err_setup_zone_name_taken);
  }
  if (draft.buildings.empty()) return error("buildings_required", S::err_setup_zone_buildings);
  for (const Id& b : draft.buildings) {
    if (!d.buildings.count(b)) return error("unknown_building", S::err_setup_unknown_building);
  }
  if (!draft.butler.is_nil()) {
    const Staff* s = ctx_.staff(draft.butler);
    if (!s || (s->role != Role::butler && s->role != Role::head_butler)) return error("not_butler", S::err_setup_not_butler);
  }
  Payload p;
  p.set(F::name, name).set(F::buildings, join_ids(draft.buildings));
  if (!draft.butler.is_nil()) p.set(F::butler, draft.butler.to_hex());
  return p;
}

Result<Id> SetupService::add_zone(const ZoneDraft& zone) {
  if (Status s = check_lead(); !s.ok()) return s.error();
  auto p = zone_payload(zone, {});
  if (!p.ok()) return p.error();
  std::int64_t last = 0;
  for (const auto& [id, z] : ctx_.data().zones) last = std::max(last, z.position);
  p.value().set(F::position, last + 1);
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::zone_set, id, std::move(p).value())}); !s.ok()) return s.error();
  return id;
}

Status SetupService::edit_zone(const Id& zone, const ZoneDraft& draft) {
  if (Status s = check_lead(); !s.ok()) return s;
  auto z = ctx_.data().zones.find(zone);
  if (z == ctx_.data().zones.end() || z->second.retired) return error("unknown_zone", S::err_setup_unknown_zone);
  auto p = zone_payload(draft, zone);
  if (!p.ok()) return p.error();
  return ctx_.commit({ctx_.make_op(OpKind::zone_set, zone, std::move(p).value())});
}

Status SetupService::retire_zone(const Id& zone) {
  if (Status s = check_lead(); !s.ok()) return s;
  auto z = ctx_.data().zones.find(zone);
  if (z == ctx_.data().zones.end() || z->second.retired) return error("unknown_zone", S::err_setup_unknown_zone);
  for (const auto& [id, c] : ctx_.data().checkpoints) {
    if (c.zone == zone && !c.retired) return error("zone_has_route", S::err_setup_zone_has_route);
  }
  Payload p;
  p.set(F::retired, 1);
  return ctx_.commit({ctx_.make_op(OpKind::zone_set, zone, std::move(p))});
}

Status SetupService::check_checkpoint(const CheckpointDraft& draft) const {
  if (trimmed(draft.name).empty()) return error("name_required", S::err_setup_checkpoint_name);
  if (!draft.building.is_nil() && !ctx_.data().buildings.count(draft.building)) {
    return error("unknown_building", S::err_setup_unknown_building);
  }
  return ok_status();
}

Result<Id> SetupService::add_checkpoint(const Id& zone, const CheckpointDraft& cp) {
  if (Status s = check_lead(); !s.ok()) return s.error();
  const MasterData& d = ctx_.data();
  auto z = d.zones.find(zone);
  if (z == d.zones.end() || z->second.retired) return error("unknown_zone", S::err_setup_unknown_zone);
  if (Status s = check_checkpoint(cp); !s.ok()) return s.error();
  std::int64_t last = 0;
  for (const auto& [id, c] : d.checkpoints) {
    if (!c.retired && c.building == cp.building && c.name == trimmed(cp.name)) return error("name_taken", S::err_setup_checkpoint_taken);
    if (c.zone == zone && !c.retired) last = std::max(last, c.position);
  }
  Payload p;
  p.set(F::zone, zone.to_hex()).set(F::name, trimmed(cp.name)).set(F::kind, static_cast<std::int64_t>(cp.kind)).set(F::position, last + 1);
  if (!cp.building.is_nil()) p.set(F::parent, cp.building.to_hex());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::checkpoint_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status SetupService::edit_checkpoint(const Id& checkpoint, const CheckpointDraft& draft) {
  if (Status s = check_lead(); !s.ok()) return s;
  auto c = ctx_.data().checkpoints.find(checkpoint);
  if (c == ctx_.data().checkpoints.end() || c->second.retired) return error("unknown_checkpoint", S::err_setup_unknown_checkpoint);
  if (Status s = check_checkpoint(draft); !s.ok()) return s;
  Payload p;
  if (c->second.name != trimmed(draft.name)) p.set(F::name, trimmed(draft.name));
  if (c->second.kind != draft.kind) p.set(F::kind, static_cast<std::int64_t>(draft.kind));
  if (c->second.building != draft.building) p.set(F::parent, draft.building.to_hex());
  if (p.fields().empty()) return ok_status();  // nothing changed: nothing to record
  return ctx_.commit({ctx_.make_op(OpKind::checkpoint_set, checkpoint, std::move(p))});
}

Status SetupService::move_checkpoint(const Id& checkpoint, std::size_t to) {
  if (Status s = check_lead(); !s.ok()) return s;
  auto c = ctx_.data().checkpoints.find(checkpoint);
  if (c == ctx_.data().checkpoints.end() || c->second.retired) return error("unknown_checkpoint", S::err_setup_unknown_checkpoint);
  const Id zone = c->second.zone;
  const std::vector<CheckpointRow>* route = nullptr;
  for (std::size_t i = 0; i < ctx_.views().zones.size(); ++i) {
    if (ctx_.views().zones[i].id == zone) route = &ctx_.views().zone_checkpoints[i];
  }
  if (!route) return error("unknown_zone", S::err_setup_unknown_zone);
  std::vector<Id> order;
  for (const CheckpointRow& r : *route) {
    if (r.id != checkpoint) order.push_back(r.id);
  }
  order.insert(order.begin() + static_cast<std::ptrdiff_t>(std::min(to, order.size())), checkpoint);
  std::vector<Op> ops;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::int64_t position = static_cast<std::int64_t>(i + 1);
    if (ctx_.data().checkpoints.at(order[i]).position == position) continue;
    Payload p;
    p.set(F::position, position);
    ops.push_back(ctx_.make_op(OpKind::checkpoint_set, order[i], std::move(p)));
  }
  if (ops.empty()) return ok_status();
  return ctx_.commit(std::move(ops));
}

Status SetupService::retire_checkpoint(const Id& checkpoint) {
  if (Status s = check_lead(); !s.ok()) return s;
  auto c = ctx_.data().checkpoints.find(checkpoint);
  if (c == ctx_.data().checkpoints.end() || c->second.retired) return error("unknown_checkpoint", S::err_setup_unknown_checkpoint);
  Payload p;
  p.set(F::retired, 1);
  return ctx_.commit({ctx_.make_op(OpKind::checkpoint_set, checkpoint, std::move(p))});
}

Status SetupService::set_hours(const EstateHours& hours) {
  if (Status s = check_lead(); !s.ok()) return s;
  const bool model_fits = hours.model_opens >= kEarliestModelOpens && hours.model_opens < hours.model_closes &&
                          hours.model_closes <= kLatestModelCloses;
  if (!model_fits) return error("bad_hours", S::err_setup_model_hours);
  if (hours.zone_round_from < 0 || hours.zone_round_from >= hours.zone_round_until || hours.zone_round_until >= 24 * 60) {
    return error("bad_hours", S::err_setup_round_hours);
  }
  if (hours.close_grace_minutes < 0 || hours.close_grace_minutes > kMaxCloseGraceMinutes) return error("bad_hours", S::err_setup_close_grace);
  if (!plausible_hours(hours)) return error("bad_hours", S::err_setup_greeting_hours);
  if (!hours.gate.is_nil()) {
    auto c = ctx_.data().checkpoints.find(hours.gate);
    if (c == ctx_.data().checkpoints.end() || c->second.retired || c->second.kind != CheckpointKind::gate) {
      return error("not_a_gate", S::err_setup_not_gate);
    }
  }
  const EstateHours& now = ctx_.data().setup.hours;
  Payload p;
  if (hours.model_opens != now.model_opens) p.set(F::model_opens, hours.model_opens);
  if (hours.model_closes != now.model_closes) p.set(F::model_closes, hours.model_closes);
  if (hours.greeting_from != now.greeting_from) p.set(F::greeting_from, hours.greeting_from);
  if (hours.greeting_until != now.greeting_until) p.set(F::greeting_until, hours.greeting_until);
  if (hours.gate != now.gate) p.set(F::gate, hours.gate.to_hex());  // nil (all zeros): not named
  if (hours.zone_round_from != now.zone_round_from) p.set(F::zone_round_from, hours.zone_round_from);
  if (hours.zone_round_until != now.zone_round_until) p.set(F::zone_round_until, hours.zone_round_until);
  if (hours.close_grace_minutes != now.close_grace_minutes) p.set(F::close_grace_minutes, hours.close_grace_minutes);
  if (p.fields().empty()) return ok_status();
  p.set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::estate_hours_set, kEstateHoursEntity, std::move(p))});
}

std::string SetupService::greeting_gate() const {
  const Id& gate = ctx_.data().setup.hours.gate;
  auto c = ctx_.data().checkpoints.find(gate);
  return gate.is_nil() || c == ctx_.data().checkpoints.end() ? std::string() : c->second.name;
}

std::vector<const Checkpoint*> SetupService::gates() const {
  std::vector<const Checkpoint*> out;
  for (const auto& [id, c] : ctx_.data().checkpoints) {
    if (!c.retired && c.kind == CheckpointKind::gate) out.push_back(&c);
  }
  std::sort(out.begin(), out.end(), [](const Checkpoint* a, const Checkpoint* b) {
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

std::vector<const ImportRecord*> SetupService::imports() const {
  std::vector<const ImportRecord*> out;
  for (const auto& [id, r] : ctx_.data().setup.imports) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const ImportRecord* a, const ImportRecord* b) {
    return a->at_ms != b->at_ms ? a->at_ms > b->at_ms : a->id < b->id;
  });
  return out;
}

std::vector<const Building*> SetupService::buildings() const {
  std::vector<const Building*> out;
  for (const auto& [id, b] : ctx_.data().buildings) out.push_back(&b);
  std::sort(out.begin(), out.end(), [](const Building* a, const Building* b) {
    return a->position != b->position ? a->position < b->position : a->name < b->name;
  });
  return out;
}

std::vector<const Staff*> SetupService::butlers() const {
  std::vector<const Staff*> out;
  for (const auto& [id, s] : ctx_.data().staff) {
    if (!s.name.empty() && (s.role == Role::butler || s.role == Role::head_butler)) out.push_back(&s);
  }
  std::sort(out.begin(), out.end(), [](const Staff* a, const Staff* b) { return a->code < b->code; });
  return out;
}

}  // namespace app
