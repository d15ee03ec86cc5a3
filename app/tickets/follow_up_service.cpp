// TicketsService's follow-up: the paid-repair price list, the deadlines'
// settings, household visits and the callback statistics (tickets_service.hpp).
#include <algorithm>

#include "app/i18n/catalogue.hpp"
#include "app/tickets/tickets_service.hpp"
#include "app/domain/command_errors.hpp"
#include "app/tickets/follow_up_rules.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using TS = tickets::Status;

std::int64_t month_of(std::int64_t day) { return day / 100; }

}  // namespace

Result<Id> TicketsService::save_price_item(const PriceItem& item) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_price_lead_only);
  if (item.name.empty() || item.price_cents < 0 || item.price_cents > 100000000) return error("bad_price_item", S::err_price_item);
  const Id id = item.id.is_nil() ? ctx_.new_id() : item.id;
  Payload p;
  p.set(F::name, item.name).set(F::unit_label, item.unit_label).set(F::price_cents, item.price_cents).set(F::removed, 0);
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::price_item_set, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status TicketsService::remove_price_item(const Id& item) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_price_lead_only);
  auto it = ctx_.data().tickets.prices.find(item);
  if (it == ctx_.data().tickets.prices.end() || it->second.removed) return error("unknown_price_item", S::err_unknown_price_item);
  Payload p;
  p.set(F::removed, 1);
  return ctx_.commit({ctx_.make_op(OpKind::price_item_set, item, std::move(p))});
}

std::vector<const PriceItem*> TicketsService::price_list() const {
  std::vector<const PriceItem*> out;
  for (const auto& [id, item] : ctx_.data().tickets.prices) {
    if (!item.removed && !item.name.empty()) out.push_back(&item);
  }
  std::sort(out.begin(), out.end(), [](const PriceItem* a, const PriceItem* b) {
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

Result<Id> TicketsService::record_visit(const Id& unit, CallbackMethod method, std::string_view note, std::string_view follow_ups) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().units.count(unit)) return error("unknown_unit", S::err_unknown_unit);
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::parent, unit.to_hex()).set(F::method, static_cast<std::int64_t>(method)).set(F::at_ms, ctx_.now_ms());
  if (!note.empty()) p.set(F::note, std::string(note));
  if (!follow_ups.empty()) p.set(F::follow_ups, std::string(follow_ups));
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::visit_recorded, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Status TicketsService::save_ticket_settings(const tickets::Settings& s) {
  if (Status st = ctx_.writable(); !st.ok()) return st;
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_settings_lead_only);
  if (!tickets::plausible(s)) return error("bad_settings", S::err_settings_range);
  // Only what changed: two head butlers editing different numbers offline both keep theirs.
  Payload p;
  const tickets::Settings& now = ticket_settings();
  for (const SettingField& f : setting_fields()) {
    if (s.*f.value != now.*f.value) p.set(f.key, s.*f.value);
  }
  if (p.fields().empty()) return ok_status();
  p.set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::ticket_settings_set, kTicketSettingsEntity, std::move(p))});
}

void TicketsService::refresh_caches() const {
  const std::int64_t now = ctx_.lateness_now_ms();
  const std::int64_t minute = now / 60000;
  if (caches_version_ == ctx_.version() && caches_minute_ == minute) return;
  caches_version_ = ctx_.version();
  caches_minute_ = minute;
  const TicketsData& d = ctx_.data().tickets;
  overdue_tickets_ = 0;
  callbacks_owed_.clear();
  for (const auto& [id, t] : d.tickets) {
    if (t.received_ms == 0 || !t.open()) continue;
    if (overdue(t)) ++overdue_tickets_;
    if (t.status == TS::done && t.owes_callback()) callbacks_owed_.push_back(&t);
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
  const LocalTime today = ctx_.local(now);
  const tickets::Quarter q = tickets::quarter_of(today.day);
  const std::int64_t monday = tickets::week_start(today.day, today.weekday);
  visit_plan_ = VisitPlan{};
  visit_plan_.quarter_first = q.first;
  visit_plan_.quarter_next = q.next;
  visit_plan_.weeks_left = tickets::weeks_left(today.day, today.weekday);
  std::unordered_map<Id, std::int64_t, IdHash> first_visit_day;  // this quarter
  for (const auto& [id, v] : d.visits) {
    const std::int64_t day = ctx_.local(v.at_ms).day;
    if (day < q.first || day >= q.next) continue;
    auto [it, fresh] = first_visit_day.emplace(v.unit, day);
    if (!fresh) it->second = std::min(it->second, day);
  }
  std::vector<Id> buildings;
  for (const ZoneRow* z : ctx_.my_zones()) {
    auto zone = ctx_.data().zones.find(z->id);
    if (zone != ctx_.data().zones.end()) buildings.insert(buildings.end(), zone->second.buildings.begin(), zone->second.buildings.end());
  }
  std::vector<Id> unvisited;
  std::size_t unvisited_at_monday = 0, visited_this_week = 0;
  const auto& units = ctx_.data().units;
  for (const UnitRow& row : ctx_.views().units) {  // walking order
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

int TicketsService::overdue_ticket_count() const {
  refresh_caches();
  return overdue_tickets_;
}

std::vector<const Ticket*> TicketsService::callbacks_owed() const {
  refresh_caches();
  return callbacks_owed_;
}

const VisitPlan& TicketsService::visit_plan() const {
  refresh_caches();
  return visit_plan_;
}

const Visit* TicketsService::last_visit(const Id& unit) const {
  refresh_caches();
  auto it = last_visits_.find(unit);
  return it == last_visits_.end() ? nullptr : it->second;
}

std::vector<const Visit*> TicketsService::visits_of(const Id& unit) const {
  std::vector<const Visit*> out;
  for (const auto& [id, v] : ctx_.data().tickets.visits) {
    if (v.unit == unit) out.push_back(&v);
  }
  std::sort(out.begin(), out.end(), [](const Visit* a, const Visit* b) { return a->at_ms != b->at_ms ? a->at_ms > b->at_ms : a->id < b->id; });
  return out;
}

CallbackCoverage TicketsService::callback_coverage(std::int64_t yyyymm) const {
  CallbackCoverage c;
  for (const auto& [id, t] : ctx_.data().tickets.tickets) {
    if (t.received_ms == 0 || !t.owes_callback()) continue;
    // The work done this month, by when it was last done (a reopened ticket counts once).
    const std::int64_t done = t.callback_ms ? t.callback_ms : t.done_ms;
    if (done == 0 || month_of(ctx_.local(done).day) != yyyymm) continue;
    ++c.owed;
    if (t.callback_ms) {
      ++c.done;
      if (t.callback_problem) ++c.problems;
    }
  }
  return c;
}

RecheckDraw TicketsService::recheck_draw(std::int64_t yyyymm) const {
  const tickets::Settings& settings = ticket_settings();
  const tickets::RecheckPeriod period = tickets::recheck_period(yyyymm, settings.recheck_period_months);
  RecheckDraw draw;
  draw.first_month = period.first;
  draw.last_month = period.last;
  draw.percent_set = settings.recheck_percent;
  std::vector<Id> done;
  for (const auto& [id, t] : ctx_.data().tickets.tickets) {
    if (t.callback_ms == 0) continue;
    const std::int64_t month = month_of(ctx_.local(t.callback_ms).day);
    if (month >= period.first && month <= period.last) done.push_back(id);
  }
  draw.done = static_cast<int>(done.size());
  for (const Id& id : tickets::recheck_sample(done, ctx_.data().community.id, period.first, settings.recheck_percent)) {
    draw.sample.push_back(ticket(id));
  }
  std::sort(draw.sample.begin(), draw.sample.end(), [](const Ticket* a, const Ticket* b) {
    return a->callback_ms != b->callback_ms ? a->callback_ms < b->callback_ms : a->id < b->id;
  });
  return draw;
}

}  // namespace app
