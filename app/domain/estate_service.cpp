// EstateService's commands and queries (estate_service.hpp).
#include "app/domain/estate_service.hpp"
#include "app/domain/unit_address.hpp"

#include <algorithm>

#include "app/domain/command_errors.hpp"
#include "app/domain/validate_op.hpp"  // role_may_write: the op spec decides who may look
#include "app/i18n/catalogue.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

}  // namespace

bool plausible_phone(std::string_view phone) {
  if (phone.size() < 7 || phone.size() > 20) return false;
  return std::all_of(phone.begin(), phone.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '+'; });
}

Result<Id> EstateService::add_resident(const Id& unit, const NewResident& r) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  if (r.name.empty()) return error("name_required", S::err_name_required);
  if (!r.phone.empty() && !plausible_phone(r.phone)) return error("bad_phone", S::err_bad_phone);
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::parent, unit.to_hex()).set(F::name, r.name).set(F::is_owner, std::int64_t{r.owner ? 1 : 0});
  if (!r.phone.empty()) p.set(F::phone, r.phone);
  if (!r.occupation.empty()) p.set(F::occupation, r.occupation);
  if (r.moved_in) p.set(F::moved_in, r.moved_in);
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::resident_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status EstateService::set_resident_phone(const Id& resident, std::string_view phone) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const MasterData& d = ctx_.data();
  auto it = d.residents.find(resident);
  if (it == d.residents.end() || it->second.removed) return error("unknown_resident", S::err_unknown_resident);
  if (!plausible_phone(phone)) return error("bad_phone", S::err_bad_phone);
  Payload p;
  p.set(F::phone, std::string(phone));
  return ctx_.commit({ctx_.make_op(OpKind::resident_set, resident, std::move(p))});
}

Result<std::string> EstateService::view_contact(const Id& resident) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Staff* me = ctx_.actor_staff();
  if (!me || !role_may_write(static_cast<std::int64_t>(me->role), OpKind::contact_viewed)) {
    return error("not_allowed", S::err_contact_role);
  }
  const MasterData& d = ctx_.data();
  auto it = d.residents.find(resident);
  if (it == d.residents.end() || it->second.removed) return error("unknown_resident", S::err_unknown_resident);
  if (it->second.phone.empty()) return error("no_phone", S::err_contact_no_phone);
  std::string phone = it->second.phone;  // a copy: the commit folds into the projection
  Payload p;
  p.set(F::parent, resident.to_hex());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::contact_viewed, ctx_.new_id(), std::move(p))}); !s.ok()) return s.error();
  return phone;
}

Status EstateService::set_unit_status(const Id& unit, UnitStatus status) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  // A model unit is set-up, not field news: it puts the unit on the model
  // rounds (000 3.4: "早班人员需在7:50前打开样板间的房门"), so only a head
  // butler or the manager makes or unmakes one. Vacant, occupied and
  // renovating are what any butler sees and records.
  // 装修中 follows the application (000:469 the works are supervised on the
  // daily rounds while they run; RenovationService records the works starting
  // and the deposit refunded): not a status anyone sets, nor unsets while the works run.
  if (status == UnitStatus::renovating || unit_under_works(ctx_.data().renovation, unit)) {
    return error("follows_renovation", S::err_unit_status_follows_renovation);
  }
  const bool touches_model = status == UnitStatus::model || ctx_.data().units.at(unit).status == UnitStatus::model;
  if (touches_model && !ctx_.lead_signed_in()) return error("not_allowed", S::err_model_unit_lead_only);
  Payload p;
  p.set(F::status, static_cast<std::int64_t>(status));
  return ctx_.commit({ctx_.make_op(OpKind::unit_set, unit, std::move(p))});
}

Result<Id> EstateService::add_unit_photo(const Id& unit, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  return ctx_.add_photo(unit, sha256);
}

std::vector<std::size_t> EstateService::search_units(std::string_view query) const {
  const auto& rows = unit_rows();
  std::vector<std::size_t> out, exact;
  out.reserve(query.empty() ? rows.size() : 64);
  // What a butler types: a unit as people say it ("3栋1502", "3-1-1502",
  // "1502"; unit_address.hpp) or run together ("31502"), a name, the last
  // four digits of the owner's phone, or the name's pinyin initials ("zxm").
  // The units the query names as an address come first.
  const bool digits = !query.empty() && std::all_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool letters = !query.empty() && std::all_of(query.begin(), query.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  std::string lowered(query);
  for (char& c : lowered) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const UnitRow& r = rows[i];
    bool match = query.empty() || r.label.find(query) != std::string::npos || r.owner_name.find(query) != std::string::npos;
    if (!match && digits && query.size() == 4) match = r.phone_tail == query;
    if (!match && letters) match = r.owner_initials.rfind(lowered, 0) == 0;
    if (address_matches(query, r.label)) {
      exact.push_back(i);
      continue;
    }
    if (!match) {
      // "31502" style: the label without spaces, as butlers type room numbers.
      std::string compact;
      for (char c : r.label) if (c != ' ') compact += c;
      match = compact.find(query) != std::string::npos;
    }
    if (match) out.push_back(i);
  }
  exact.insert(exact.end(), out.begin(), out.end());
  return exact;
}

const UnitRow* EstateService::unit_row(const Id& unit_ref) const {
  // Copied before views() may rebuild, as in checkpoints_of_zone: the id can
  // be a row's own, held from before a change.
  const Id unit = unit_ref;
  const Views& v = ctx_.views();
  auto it = v.unit_index.find(unit);
  return it == v.unit_index.end() ? nullptr : &v.units[it->second];
}

const std::vector<CheckpointRow>& EstateService::checkpoints_of_zone(const Id& zone_ref) const {
  static const std::vector<CheckpointRow> none;
  // Copied before views() may rebuild: the caller's id can live in the rows it frees.
  const Id zone = zone_ref;
  const Views& v = ctx_.views();
  for (std::size_t i = 0; i < v.zones.size(); ++i) {
    if (v.zones[i].id == zone) return v.zone_checkpoints[i];
  }
  return none;
}

std::vector<const Staff*> EstateService::colleagues() const {
  std::vector<const Staff*> out;
  for (const auto& [id, s] : ctx_.data().staff) {
    if (id != ctx_.actor() && !s.name.empty()) out.push_back(&s);
  }
  std::sort(out.begin(), out.end(), [](const Staff* a, const Staff* b) {
    if (a->role != b->role) return a->role < b->role;
    return a->code != b->code ? a->code < b->code : a->id < b->id;
  });
  return out;
}

}  // namespace app
