// Session's follow-up: the paid-repair price list, household visits and the
// quarter's visit plan, the callbacks owed (100% of valid complaints and
// repairs), the month's coverage and the head butler's 3–5% re-check sample,
// and the caches that keep the navigation badge and Today cheap every frame.
#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/session/session.hpp"
#include "app/session/session_errors.hpp"
#include "app/tickets/follow_up_rules.hpp"

namespace app {
namespace {

using i18n::S;
using session_detail::error;
using TS = tickets::Status;

std::int64_t month_of(std::int64_t day) { return day / 100; }

}  // namespace

Result<Id> Session::save_price_item(const PriceItem& item) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  if (!lead_signed_in()) return error("not_allowed", S::err_price_lead_only);
  if (item.name.empty() || item.price_cents < 0 || item.price_cents > 100000000) return error("bad_price_item", S::err_price_item);
  const Id id = item.id.is_nil() ? Id::random(random_) : item.id;
  Payload p;
  p.set(F::name, item.name).set(F::unit_label, item.unit_label).set(F::price_cents, item.price_cents).set(F::removed, 0);
  if (Status s = commit({make_op(OpKind::price_item_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status Session::remove_price_item(const Id& item) {
  if (Status s = check_writable(); !s.ok()) return s;
  if (!lead_signed_in()) return error("not_allowed", S::err_price_lead_only);
  auto it = replica_.data().tickets.prices.find(item);
  if (it == replica_.data().tickets.prices.end() || it->second.removed) return error("unknown_price_item", S::err_unknown_price_item);
  Payload p;
  p.set(F::removed, 1);
  return commit({make_op(OpKind::price_item_set, item, std::move(p))});
}

std::vector<const PriceItem*> Session::price_list() const {
  std::vector<const PriceItem*> out;
  for (const auto& [id, item] : replica_.data().tickets.prices) {
    if (!item.removed && !item.name.empty()) out.push_back(&item);
  }
  std::sort(out.begin(), out.end(), [](const PriceItem* a, const PriceItem* b) {
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

Result<Id> Session::record_visit(const Id& unit, CallbackMethod method, std::string_view note, std::string_view follow_ups) {
  if (Status s = check_writable(); !s.ok()) return s.error();
  if (!replica_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  const Id id = Id::random(random_);
  Payload p;
  p.set(F::parent, unit.to_hex()).set(F::method, static_cast<std::int64_t>(method)).set(F::at_ms, clock_.now_ms());
  if (!note.empty()) p.set(F::note, std::string(note));
  if (!follow_ups.empty()) p.set(F::follow_ups, std::string(follow_ups));
  if (Status s = commit({make_op(OpKind::visit_recorded, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status Session::save_ticket_settings(const tickets::Settings& s) {
  if (Status st = check_writable(); !st.ok()) return st;
  if (!lead_signed_in()) return error("not_allowed", S::err_settings_lead_only);
  if (!tickets::plausible(s)) return error("bad_settings", S::err_settings_range);
  // Only what changed: two head butlers editing different numbers offline both keep theirs.
  Payload p;
  const tickets::Settings& now = ticket_settings();
  for (const SettingField& f : setting_fields()) {
    if (s.*f.value != now.*f.value) p.set(f.key, s.*f.value);
  }
  if (p.fields().empty()) return ok_status();
  p.set(F::at_ms, clock_.now_ms());
  return commit({make_op(OpKind::ticket_settings_set, kTicketSettingsEntity, std::move(p))});
}

void Session::refresh_ticket_caches() const {
  const std::int64_t now = lateness_now_ms();
  const std::int64_t minute = now / 60000;
  if (ticket_caches_version_ == replica_.version() && ticket_caches_minute_ == minute) return;
  ticket_caches_version_ = replica_.version();
  ticket_caches_minute_ = minute;
  const TicketsData& d = replica_.data().tickets;
  overdue_tickets_ = 0;
  callbacks_owed_.clear();
  for (const auto& [id, t] : d.tickets) {
    if (t.received_ms == 0 || !t.open()) continue;
    if (overdue(t)) ++overdue_tickets_;
    if (t.status == TS::done && tickets::needs_callback(t.kind)) callbacks_owed_.push_back(&t);
  }
  std::sort(callbacks_owed_.begin(), callbacks_owed_.end(), [this](const Ticket* a, const Ticket* b) {
    // A leak not yet tested has no due time yet: after those that have one.
    const auto da = callback_due_at(*a).value_or(INT64_MAX), db = callback_due_at(*b).value_or(INT64_MAX);
    return da != db ? da < db : a->id < b->id;
  });
  last_visits_.clear();
  for (const auto& [id, v] : d.visits) {
    const Visit*& last = last_visits_[v.unit];
    if (!last || v.at_ms > last->at_ms || (v.at_ms == last->at_ms && v.id < last->id)) last = &v;
  }

  // The quarter's visits: every household once, an even share each week.
  const LocalTime today = local(now);
  const tickets::Quarter q = tickets::quarter_of(today.day);
  const std::int64_t monday = tickets::week_start(today.day, today.weekday);
  visit_plan_ = VisitPlan{};
  visit_plan_.quarter_first = q.first;
  visit_plan_.quarter_next = q.next;
  visit_plan_.weeks_left = tickets::weeks_left(today.day, today.weekday);
  std::unordered_map<Id, std::int64_t, IdHash> first_visit_day;  // this quarter
  for (const auto& [id, v] : d.visits) {
    const std::int64_t day = local(v.at_ms).day;
    if (day < q.first || day >= q.next) continue;
    auto [it, fresh] = first_visit_day.emplace(v.unit, day);
    if (!fresh) it->second = std::min(it->second, day);
  }
  std::vector<Id> buildings;
  for (const ZoneRow* z : my_zones()) {
    auto zone = replica_.data().zones.find(z->id);
    if (zone != replica_.data().zones.end()) buildings.insert(buildings.end(), zone->second.buildings.begin(), zone->second.buildings.end());
  }
  std::vector<Id> unvisited;
  std::size_t unvisited_at_monday = 0, visited_this_week = 0;
  const auto& units = replica_.data().units;
  for (const UnitRow& row : unit_rows()) {  // walking order
    auto u = units.find(row.id);
    if (u == units.end() || std::find(buildings.begin(), buildings.end(), u->second.building) == buildings.end()) continue;
    if (u->second.status == UnitStatus::vacant || u->second.status == UnitStatus::model) continue;  // nobody to visit
    ++visit_plan_.households;
    auto first = first_visit_day.find(row.id);
    if (first == first_visit_day.end()) {
      ++unvisited_at_monday;
      unvisited.push_back(row.id);
      continue;
    }
    ++visit_plan_.visited;
    if (first->second >= monday) {
      ++unvisited_at_monday;
      ++visited_this_week;
    }
  }
  const std::size_t quota = tickets::visits_due_this_week(unvisited_at_monday, visit_plan_.weeks_left);
  const std::size_t still = quota > visited_this_week ? quota - visited_this_week : 0;
  unvisited.resize(std::min(still, unvisited.size()));
  visit_plan_.due_this_week = std::move(unvisited);
}

int Session::overdue_ticket_count() const {
  refresh_ticket_caches();
  return overdue_tickets_;
}

std::vector<const Ticket*> Session::callbacks_owed() const {
  refresh_ticket_caches();
  return callbacks_owed_;
}

const VisitPlan& Session::visit_plan() const {
  refresh_ticket_caches();
  return visit_plan_;
}

const Visit* Session::last_visit(const Id& unit) const {
  refresh_ticket_caches();
  auto it = last_visits_.find(unit);
  return it == last_visits_.end() ? nullptr : it->second;
}

std::vector<const Visit*> Session::visits_of(const Id& unit) const {
  std::vector<const Visit*> out;
  for (const auto& [id, v] : replica_.data().tickets.visits) {
    if (v.unit == unit) out.push_back(&v);
  }
  std::sort(out.begin(), out.end(), [](const Visit* a, const Visit* b) { return a->at_ms != b->at_ms ? a->at_ms > b->at_ms : a->id < b->id; });
  return out;
}

CallbackCoverage Session::callback_coverage(std::int64_t yyyymm) const {
  CallbackCoverage c;
  for (const auto& [id, t] : replica_.data().tickets.tickets) {
    if (t.received_ms == 0 || !tickets::needs_callback(t.kind)) continue;
    // The work done this month, by when it was last done (a reopened ticket counts once).
    const std::int64_t done = t.callback_ms ? t.callback_ms : t.done_ms;
    if (done == 0 || month_of(local(done).day) != yyyymm) continue;
    ++c.owed;
    if (t.callback_ms) {
      ++c.done;
      if (t.callback_problem) ++c.problems;
    }
  }
  return c;
}

std::vector<const Ticket*> Session::recheck_sample(std::int64_t yyyymm) const {
  std::vector<Id> done;
  for (const auto& [id, t] : replica_.data().tickets.tickets) {
    if (t.callback_ms && month_of(local(t.callback_ms).day) == yyyymm) done.push_back(id);
  }
  std::vector<const Ticket*> out;
  for (const Id& id : tickets::recheck_sample(done, replica_.data().community.id, yyyymm)) out.push_back(ticket(id));
  std::sort(out.begin(), out.end(), [](const Ticket* a, const Ticket* b) {
    return a->callback_ms != b->callback_ms ? a->callback_ms < b->callback_ms : a->id < b->id;
  });
  return out;
}

const Staff* Session::staff(const Id& id) const {
  auto it = replica_.data().staff.find(id);
  return it == replica_.data().staff.end() || it->second.name.empty() ? nullptr : &it->second;
}

std::vector<const Staff*> Session::colleagues() const {
  std::vector<const Staff*> out;
  for (const auto& [id, s] : replica_.data().staff) {
    if (id != actor_ && !s.name.empty()) out.push_back(&s);
  }
  std::sort(out.begin(), out.end(), [](const Staff* a, const Staff* b) {
    if (a->role != b->role) return a->role < b->role;
    return a->code != b->code ? a->code < b->code : a->id < b->id;
  });
  return out;
}

}  // namespace app
