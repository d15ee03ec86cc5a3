// OutagesService's commands and queries (outages_service.hpp).
#include "app/outages/outages_service.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>

#include "app/core/sha256.hpp"
#include "app/core/text.hpp"
#include "app/domain/command_errors.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/id_list.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

// "0900", "900", "9:00", "09:00" → minutes after midnight; nullopt otherwise.
std::optional<int> minutes_of(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ':' && c != ' ' && c != '.') return std::nullopt;
  }
  if (digits.size() < 3 || digits.size() > 4) return std::nullopt;
  const int value = std::stoi(digits), h = value / 100, m = value % 100;
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

bool covers(const Outage& o, const Id& building) { return std::find(o.buildings.begin(), o.buildings.end(), building) != o.buildings.end(); }

}  // namespace

Result<Id> OutagesService::announce(const NewOutage& in) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const std::string reason = trimmed(in.reason);
  if (reason.empty()) return error("reason_required", S::err_outage_reason);
  if (in.buildings.empty()) return error("buildings_required", S::err_outage_buildings);
  if (in.buildings.size() > kMaxIdsPerField) return error("buildings_too_many", S::err_outage_buildings);
  for (const Id& b : in.buildings) {
    if (!ctx_.data().buildings.count(b)) return error("unknown_building", S::err_outage_buildings);
  }
  if (in.from_ms <= 0 || in.until_ms <= in.from_ms) return error("window_backwards", S::err_outage_window);
  if (in.until_ms - in.from_ms > outages::kMaxWindowMs) return error("window_long", S::err_outage_window_long);
  if (in.until_ms <= ctx_.now_ms()) return error("window_over", S::err_outage_over);
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::outage_kind, static_cast<std::int64_t>(in.kind)).set(F::note, reason).set(F::from_ms, in.from_ms).set(F::until_ms, in.until_ms);
  p.set(F::buildings, join_ids(in.buildings)).set(F::at_ms, ctx_.now_ms());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::outage_announced, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status OutagesService::post(const Id& id, std::string_view photo) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Outage* o = notice(id);
  if (!o) return error("unknown_outage", S::err_outage_unknown);
  if (o->cancelled()) return error("cancelled", S::err_outage_cancelled);
  // The photo is the proof it went up (issue 17: "photo of the posted notice on the board").
  if (!is_sha256_hex(photo)) return error("photo_required", S::err_outage_photo);
  Payload posted;
  posted.set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::photo_added, ctx_.new_id(), ctx_.photo_payload(id, photo)),
                      ctx_.make_op(OpKind::outage_posted, id, std::move(posted))});
}

Result<std::pair<std::int64_t, std::int64_t>> OutagesService::window(int day, std::string_view from, std::string_view until) const {
  const auto a = minutes_of(from), b = minutes_of(until);
  if (!a || !b) return error("bad_time", S::err_outage_time);
  if (day < 0 || day > 30) return error("bad_day", S::err_outage_window);
  constexpr std::int64_t kMinute = 60000, kDay = 1440 * kMinute;
  const std::int64_t offset = std::int64_t{ctx_.utc_offset_minutes()} * kMinute;
  const std::int64_t local_now = ctx_.now_ms() + offset;
  const std::int64_t midnight = local_now - ((local_now % kDay) + kDay) % kDay - offset;  // today's local midnight, UTC
  const std::int64_t start = midnight + day * kDay + *a * kMinute;
  std::int64_t end = midnight + day * kDay + *b * kMinute;
  if (end <= start) end += kDay;  // through the night
  return std::pair{start, end};
}

Status OutagesService::cancel(const Id& id, std::string_view reason) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Outage* o = notice(id);
  if (!o) return error("unknown_outage", S::err_outage_unknown);
  if (o->cancelled()) return error("cancelled", S::err_outage_cancelled);
  const std::string why = trimmed(reason);
  if (why.empty()) return error("reason_required", S::err_outage_cancel_reason);
  Payload p;
  p.set(F::note, why).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::outage_cancelled, id, std::move(p))});
}

const Outage* OutagesService::notice(const Id& id) const {
  auto it = ctx_.data().outages.notices.find(id);
  return it != ctx_.data().outages.notices.end() && it->second.known() ? &it->second : nullptr;
}

outages::Phase OutagesService::phase(const Outage& o) const { return outages::phase_at(o.from_ms, o.until_ms, o.cancelled(), ctx_.now_ms()); }

std::vector<const Outage*> OutagesService::on_today() const {
  std::vector<const Outage*> out;
  const std::int64_t now = ctx_.now_ms();
  for (const auto& [id, o] : ctx_.data().outages.notices) {
    if (o.known() && outages::on_today(o.from_ms, o.until_ms, o.cancelled(), now)) out.push_back(&o);
  }
  std::sort(out.begin(), out.end(), [](const Outage* a, const Outage* b) { return std::tie(a->from_ms, a->id) < std::tie(b->from_ms, b->id); });
  return out;
}

std::vector<const Outage*> OutagesService::all() const {
  std::vector<const Outage*> out;
  for (const auto& [id, o] : ctx_.data().outages.notices) {
    if (o.known()) out.push_back(&o);
  }
  std::sort(out.begin(), out.end(), [](const Outage* a, const Outage* b) { return std::tie(a->from_ms, a->id) > std::tie(b->from_ms, b->id); });
  return out;
}

std::vector<const Outage*> OutagesService::affecting(const Id& unit) const {
  std::vector<const Outage*> out;
  auto u = ctx_.data().units.find(unit);
  if (u == ctx_.data().units.end()) return out;
  for (const Outage* o : on_today()) {
    if (covers(*o, u->second.building)) out.push_back(o);
  }
  return out;
}

std::vector<const UnitRow*> OutagesService::units_of(const Outage& o) const {
  std::vector<const UnitRow*> out;
  for (const UnitRow& row : ctx_.views().units) {
    auto u = ctx_.data().units.find(row.id);
    if (u != ctx_.data().units.end() && covers(o, u->second.building)) out.push_back(&row);
  }
  return out;
}

}  // namespace app
