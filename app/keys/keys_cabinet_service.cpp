// KeysService: keeping the cabinet itself (钥匙柜管理) — adding keys,
// relabelling and retiring them, and the labels to print. The head butler,
// the manager and the front desk (the key keeper) do this; the board, loans
// and returns are keys_service.cpp.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/keys_service.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using command_detail::errorf;

// The building a key belongs to: its unit's, or the one a public key is filed under (nil: estate-wide).
Id building_of(const MasterData& d, const KeyRecord& k) {
  if (k.kind == keys::KeyKind::public_area) return k.place;
  auto u = d.units.find(k.place);
  return u == d.units.end() ? Id{} : u->second.building;
}

// A short number to read out: the first 6 hex digits of the id, in capitals.
std::string short_number(const Id& id) {
  std::string hex = id.to_hex().substr(0, 6);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

}  // namespace

bool KeysService::may_keep_cabinet() const {
  const Staff* me = ctx_.actor_staff();
  return me && (me->role == Role::head_butler || me->role == Role::manager || me->role == Role::front_desk);
}

Result<Id> KeysService::add_key(const NewKey& k) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!may_keep_cabinet()) return error("not_allowed", S::err_key_file_not_allowed);
  const MasterData& d = ctx_.data();
  std::string label = trimmed(k.label);
  const std::string category = trimmed(k.category), system = trimmed(k.system);
  Payload p;
  p.set(F::key_kind, static_cast<std::int64_t>(k.kind));
  if (k.kind == keys::KeyKind::unit) {
    if (k.unit.is_nil()) return error("unit_required", S::err_key_unit_required);
    if (!d.units.count(k.unit)) return error("unknown_unit", S::err_unknown_unit);
    if (label.empty()) {
      auto row = ctx_.views().unit_index.find(k.unit);
      if (row != ctx_.views().unit_index.end()) label = ctx_.views().units[row->second].label;
    }
    // Every unit key is the service centre's (各户钥匙全部由客服中心进行保管).
    p.set(F::custody, static_cast<std::int64_t>(keys::Custody::centre)).set(F::parent, k.unit.to_hex());
  } else {
    if (category.empty() || system.empty()) return error("filing_required", S::err_key_filing_required);
    if (!k.building.is_nil() && !d.buildings.count(k.building)) return error("unknown_building", S::err_key_unknown_building);
    if (label.empty()) label = k.building.is_nil() ? system : d.buildings.at(k.building).name + " " + system;
    p.set(F::custody, static_cast<std::int64_t>(k.custody)).set(F::equipment_category, category).set(F::system, system);
    if (!k.building.is_nil()) p.set(F::parent, k.building.to_hex());
  }
  if (label.empty()) return error("label_required", k.kind == keys::KeyKind::unit ? S::err_key_unit_required : S::err_key_filing_required);
  p.set(F::name, label).set(F::at_ms, ctx_.now_ms());
  const Id id = ctx_.new_id();
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::key_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status KeysService::relabel_key(const Id& id, std::string_view new_label) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!may_keep_cabinet()) return error("not_allowed", S::err_key_cabinet_not_allowed);
  const KeyRecord* k = key(id);
  if (!k) return error("unknown_key", S::err_key_unknown);
  if (k->retired) return errorf("retired", S::err_key_already_retired, k->label.c_str());
  std::string label = trimmed(new_label);
  if (label.empty()) return error("label_required", S::err_key_label_required);
  if (label == k->label) return error("label_same", S::err_key_label_same);
  // Only the label: a retirement or another relabel made elsewhere offline still holds.
  Payload p;
  p.set(F::name, std::move(label)).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::key_set, id, std::move(p))});
}

Status KeysService::retire_key(const Id& id) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!may_keep_cabinet()) return error("not_allowed", S::err_key_cabinet_not_allowed);
  const KeyRecord* k = key(id);
  if (!k) return error("unknown_key", S::err_key_unknown);
  if (k->retired) return errorf("retired", S::err_key_already_retired, k->label.c_str());
  if (k->status == keys::KeyStatus::out) {
    // Out of use only once it is back: the cabinet must hold what it retires.
    const Loan* l = loan(k->loan);
    const std::string who = l ? key_holder_name({k, l, k->holder, 0, false}) : std::string();
    return errorf("key_out", S::err_key_retire_out, k->label.c_str(), who.c_str());
  }
  Payload p;
  p.set(F::retired, std::int64_t{1}).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::key_set, id, std::move(p))});
}

std::vector<KeyLabel> KeysService::key_labels(const std::vector<Id>& keys) const {
  const std::unordered_set<Id, IdHash> wanted(keys.begin(), keys.end());
  const MasterData& d = ctx_.data();
  std::vector<KeyLabel> out;
  for (const KeyRow& row : filed_keys()) {
    const KeyRecord& k = *row.key;
    if (k.retired || !wanted.count(k.id)) continue;
    KeyLabel l;
    l.key = k.id;
    l.label = k.label;
    if (k.kind == keys::KeyKind::unit) {
      l.kind = i18n::tr(S::key_kind_unit);
      auto u = ctx_.views().unit_index.find(k.place);
      if (u != ctx_.views().unit_index.end()) l.place = ctx_.views().units[u->second].label;
    } else {
      l.kind = std::string(i18n::tr(S::key_kind_public)) + " · " +
               i18n::tr(k.custody == keys::Custody::engineering ? S::key_custody_engineering : S::key_custody_backup);
      auto b = d.buildings.find(k.place);
      l.place = (b != d.buildings.end() ? b->second.name + " · " : std::string()) + k.category + " → " + k.system;
    }
    l.code = short_number(k.id);
    l.number = k.label + "-" + l.code;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<Id> KeysService::keys_in_building(const Id& building) const {
  std::vector<Id> out;
  if (building.is_nil()) return out;
  for (const KeyRow& row : filed_keys()) {
    if (!row.key->retired && building_of(ctx_.data(), *row.key) == building) out.push_back(row.key->id);
  }
  return out;
}

std::vector<KeyBuilding> KeysService::key_buildings() const {
  const MasterData& d = ctx_.data();
  std::vector<const Building*> order;
  for (const auto& [id, b] : d.buildings) order.push_back(&b);
  std::sort(order.begin(), order.end(), [](const Building* a, const Building* b) {
    return a->position != b->position ? a->position < b->position : a->name < b->name;
  });
  std::vector<KeyBuilding> out;
  for (const Building* b : order) out.push_back({b->id, b->name, 0});
  for (const KeyRow& row : filed_keys()) {
    if (row.key->retired) continue;
    const Id b = building_of(d, *row.key);
    for (KeyBuilding& kb : out) {
      if (kb.id == b) ++kb.keys;
    }
  }
  return out;
}

}  // namespace app
