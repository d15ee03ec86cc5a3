// RoundsService's commands and queries (rounds_service.hpp).
#include <algorithm>
#include <cstdio>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/rounds/checklist_codec.hpp"
#include "app/rounds/checklist_versions.hpp"
#include "app/rounds/checklists.hpp"
#include "app/rounds/rounds_service.hpp"
#include "app/domain/command_errors.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;

const ChecklistItem* item_of(const ChecklistTemplate& t, int item) {
  if (item < 0 || item >= static_cast<int>(t.items.size())) return nullptr;
  return &t.items[static_cast<std::size_t>(item)];
}

// Minutes after the midnight of `day` (a time the next day is > 1440).
int minutes_into(std::int64_t day, std::int64_t wall_ms, int offset) {
  const LocalTime t = local_time(wall_ms, offset);
  return t.day == day ? t.minute : (t.day > day ? 24 * 60 + t.minute : 0);
}

}  // namespace


const Round* RoundsService::round(const Id& id) const {
  const auto& rounds = ctx_.data().rounds.rounds;
  auto it = rounds.find(id);
  return it == rounds.end() || it->second.zone.is_nil() ? nullptr : &it->second;
}

void RoundsService::refresh_caches() const {
  if (caches_version_ == ctx_.version()) return;
  // Routes depend on the zones, checkpoints, units' status, the repairs under
  // way and checklist versions only: an answer leaves them (and references into them) alone,
  // so a screen may loop over a route while it records answers.
  const MasterData& d = ctx_.data();
  // 64-bit counts: size_t is 32 bits in wasm, where "<< 40" would shift it away.
  std::uint64_t signature = std::uint64_t{d.zones.size()} * 0x9E3779B97F4A7C15ull ^ std::uint64_t{d.checkpoints.size()} << 20 ^
                            std::uint64_t{d.rounds.checklists.size()} << 40;
  for (const auto& [id, u] : d.units) signature += (id.lo ^ static_cast<std::uint64_t>(u.status)) * 0xBF58476D1CE4E5B9ull;
  for (const auto& [id, z] : d.zones) signature += (id.hi ^ z.buildings.size() ^ std::uint64_t{z.retired} << 32) * 0x94D049BB133111EBull;
  for (const auto& [id, c] : d.checkpoints) {
    // Position, kind, zone, name and retirement: what a head butler's set-up edits change on a route.
    signature += (id.hi ^ c.zone.lo ^ static_cast<std::uint64_t>(c.position) << 8 ^ static_cast<std::uint64_t>(c.kind) ^
                  std::uint64_t{c.retired} << 40 ^ std::uint64_t{c.name.size()} << 44 ^ c.building.lo) *
                 0xD6E8FEB86659FD93ull;
  }
  // The repairs under way: a units round started now walks their sites.
  for (const auto& [id, t] : d.tickets.tickets) {
    if (t.repair_under_way()) signature += (id.lo ^ t.unit.hi ^ std::uint64_t{t.number.size()} << 48) * 0xA0761D6478BD642Full;
  }
  if (signature != routes_signature_) routes_.clear();
  routes_signature_ = signature;
  round_index_.clear();
  previous_readings_.clear();
  findings_by_round_.clear();
  rounds_by_zone_day_.clear();
  open_findings_.clear();
  const auto by_time = [](const Finding* a, const Finding* b) {
    return a->opened_ms != b->opened_ms ? a->opened_ms < b->opened_ms : a->id < b->id;
  };
  for (const auto& [id, f] : d.rounds.findings) {
    if (f.opened_ms == 0) continue;  // verified on a tablet that never saw it opened
    findings_by_round_[f.round].push_back(&f);
    if (f.open()) open_findings_.push_back(&f);
  }
  for (auto& [round, list] : findings_by_round_) std::sort(list.begin(), list.end(), by_time);
  std::sort(open_findings_.begin(), open_findings_.end(), by_time);
  for (const auto& [id, r] : ctx_.data().rounds.rounds) {
    if (r.zone.is_nil()) continue;
    rounds_by_zone_day_[{r.zone, r.day}].push_back(&r);
    // The gate greeting is the estate's, whoever's zone it was signed in from.
    const Id zone = r.kind == RoundKind::gate ? Id{} : r.zone;
    const Round*& latest = round_index_[{zone, static_cast<int>(r.kind), r.day}];
    if (!latest || r.started_ms > latest->started_ms || (r.started_ms == latest->started_ms && r.id < latest->id)) latest = &r;
  }
  caches_version_ = ctx_.version();
}

const Round* RoundsService::round_of_day(const Id& zone, RoundKind kind, std::int64_t day) const {
  refresh_caches();
  auto it = round_index_.find({kind == RoundKind::gate ? Id{} : zone, static_cast<int>(kind), day});
  return it == round_index_.end() ? nullptr : it->second;
}

const Round* RoundsService::todays_round(const Id& zone, RoundKind kind) const { return round_of_day(zone, kind, ctx_.today()); }

const RoundsService::CachedRoute& RoundsService::cached_route(const Id& zone, RoundKind kind, const std::string* pins,
                                                             const std::vector<Id>* pinned) const {
  refresh_caches();
  auto key = std::make_tuple(zone, static_cast<int>(kind),
                             (pins ? *pins : std::string("*")) + "|" + (pinned ? join_ids(*pinned) : std::string()));
  auto it = routes_.find(key);
  if (it == routes_.end()) {
    CachedRoute c;
    c.stops = build_route(ctx_.data(), ctx_.views(), zone, kind, pins, pinned);
    for (std::size_t i = 0; i < c.stops.size(); ++i) c.index.emplace(c.stops[i].id, i);
    it = routes_.emplace(std::move(key), std::move(c)).first;
  }
  return it->second;
}

const std::vector<RouteStop>& RoundsService::route(const Id& zone, RoundKind kind) const { return cached_route(zone, kind, nullptr).stops; }

const std::vector<RouteStop>& RoundsService::route_of(const Id& round_id) const {
  static const std::vector<RouteStop> none;
  const Round* r = round(round_id);
  return r ? cached_route(r->zone, r->kind, &r->pins, &r->route).stops : none;
}

const RouteStop* RoundsService::stop_at(const Id& round_id, const Id& stop) const {
  const Round* r = round(round_id);
  if (!r) return nullptr;
  const CachedRoute& c = cached_route(r->zone, r->kind, &r->pins, &r->route);
  auto it = c.index.find(stop);
  return it == c.index.end() ? nullptr : &c.stops[it->second];
}

const ChecklistTemplate* RoundsService::checklist_at(const Id& round_id, const Id& stop) const {
  const RouteStop* s = stop_at(round_id, stop);
  return s ? s->checklist : nullptr;
}

std::string RoundsService::stop_label(const Id& round_id, const Id& stop) const {
  const RouteStop* s = stop_at(round_id, stop);
  return s ? s->label() : std::string();
}

std::string RoundsService::finding_label(const Finding& f, i18n::Lang lang) const {
  std::string out = stop_label(f.round, f.checkpoint);
  const ChecklistTemplate* t = checklist_at(f.round, f.checkpoint);
  if (t && f.item >= 0 && f.item < static_cast<std::int64_t>(t->items.size())) {
    const ChecklistItem& item = t->items[static_cast<std::size_t>(f.item)];
    if (!out.empty()) out += " · ";
    out += lang == i18n::Lang::en ? item.en : item.zh;
  }
  return out.empty() ? f.note : out;
}



std::vector<DutyLine> RoundsService::duties_of(const Id& zone, std::int64_t day) const {
  std::vector<DutyLine> out;
  const LocalTime now = ctx_.local(ctx_.now_ms());
  const int offset = ctx_.utc_offset_minutes();
  for (const schedule::DutyWindow& w : schedule::daily_cadence(ctx_.data().setup.hours)) {
    const RoundKind kind = schedule::round_kind_of(w.duty);
    const int stops = static_cast<int>(route(zone, kind).size());
    if (kind != RoundKind::gate && stops == 0) continue;  // nothing of this kind in the zone
    DutyLine line{w.duty, w, schedule::DutyOutcome::upcoming, round_of_day(zone, kind, day), stops};
    std::optional<schedule::RoundTimes> times;
    if (line.round) {
      times = schedule::RoundTimes{minutes_into(day, line.round->started_ms, offset), std::nullopt};
      if (line.round->finished_ms != 0) {
        times->finish_minute = minutes_into(day, line.round->finished_ms, offset);
        times->all_checked = round_progress(line.round->id).skipped == 0;
      }
    }
    line.outcome = schedule::duty_outcome(w, times, day, now.day, now.minute);
    out.push_back(line);
  }
  return out;
}

Result<Id> RoundsService::start_round(const Id& zone, RoundKind kind) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().zones.count(zone)) return error("unknown_zone", S::err_unknown_zone);
  if (kind == RoundKind::gate) return sign_in_gate(zone);
  if (route(zone, kind).empty()) return error("nothing_to_walk", S::err_nothing_to_walk);
  if (const Round* r = todays_round(zone, kind); r && r->finished_ms == 0) return r->id;  // resume
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::zone, zone.to_hex()).set(F::day, ctx_.today()).set(F::at_ms, ctx_.now_ms());
  if (kind != RoundKind::zone) p.set(F::kind, static_cast<std::int64_t>(kind));
  // The checklists as they are now stay this round's, whatever is edited later.
  if (std::string pins = current_pins(ctx_.data().rounds); !pins.empty()) p.set(F::pins, std::move(pins));
  // So is the route: a head butler reordering it today changes tomorrow's round, not this one.
  // So are the repair sites a units round walks: a repair begun at noon is tomorrow's.
  if (std::vector<Id> stops = stops_to_pin(kind, route(zone, kind)); !stops.empty() && stops.size() <= kMaxIdsPerField) {
    p.set(F::route, join_ids(stops));
  }
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::round_started, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Result<Id> RoundsService::sign_in_gate(const Id& zone) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().zones.count(zone)) return error("unknown_zone", S::err_unknown_zone);
  if (const Round* r = todays_round(zone, RoundKind::gate)) return r->id;  // once a day is enough
  const Id id = ctx_.new_id();
  const std::int64_t now = ctx_.now_ms();
  Payload start;
  start.set(F::zone, zone.to_hex()).set(F::day, ctx_.today()).set(F::at_ms, now).set(F::kind, static_cast<std::int64_t>(RoundKind::gate));
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::round_started, id, std::move(start))}); !s.ok()) return s.error();
  return id;
}

const Round* RoundsService::gate_signed_in() const {
  const Round* r = todays_round(Id{}, RoundKind::gate);
  return r && r->finished_ms == 0 ? r : nullptr;
}

Status RoundsService::sign_out_gate(const Id& zone) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.data().zones.count(zone)) return error("unknown_zone", S::err_unknown_zone);
  const Round* r = gate_signed_in();
  if (!r) return error("not_signed_in", S::err_gate_not_signed_in);
  Payload finish;
  finish.set(F::at_ms, std::max(ctx_.now_ms(), r->started_ms));
  return ctx_.commit({ctx_.make_op(OpKind::round_finished, r->id, std::move(finish))});
}

// Why an answer cannot be recorded now, if it cannot; the stop's checklist
// and item when it can.
static Status check_answerable(const RoundsService& s, const Id& round_id, const Id& stop, int item, const ChecklistTemplate** t,
                               const ChecklistItem** out) {
  const Round* r = s.round(round_id);
  if (!r) return error("unknown_round", S::err_unknown_round);
  if (r->finished_ms != 0) return error("round_finished", S::err_round_finished);
  *t = s.checklist_at(round_id, stop);
  if (!*t) return error("not_on_route", S::err_not_on_route);
  *out = item_of(**t, item);
  if (!*out) return error("unknown_item", S::err_unknown_item);
  return ok_status();
}

Status RoundsService::answer_item(const Id& round_id, const Id& checkpoint, int item, ItemResult result, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const ChecklistItem* it = nullptr;
  const ChecklistTemplate* t = nullptr;
  if (Status s = check_answerable(*this, round_id, checkpoint, item, &t, &it); !s.ok()) return s;
  Payload p;
  p.set(F::round, round_id.to_hex()).set(F::checkpoint, checkpoint.to_hex()).set(F::item, item);
  p.set(F::result, static_cast<std::int64_t>(result)).set(F::checklist, t->key).set(F::version, t->version).set(F::at_ms, ctx_.now_ms());
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::item_answered, answer_id(round_id, checkpoint, item), std::move(p))});
}

Status RoundsService::record_reading(const Id& round_id, const Id& checkpoint, int item, std::int64_t value) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const ChecklistItem* it = nullptr;
  const ChecklistTemplate* t = nullptr;
  if (Status s = check_answerable(*this, round_id, checkpoint, item, &t, &it); !s.ok()) return s;
  if (it->type != ItemType::reading) return error("not_a_reading", S::err_not_a_reading);
  if (value < 0) return error("bad_reading", S::err_reading_negative);
  Payload p;
  p.set(F::round, round_id.to_hex()).set(F::checkpoint, checkpoint.to_hex()).set(F::item, item);
  p.set(F::result, static_cast<std::int64_t>(ItemResult::pass)).set(F::reading, value);
  p.set(F::checklist, t->key).set(F::version, t->version).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::item_answered, answer_id(round_id, checkpoint, item), std::move(p))});
}

Status RoundsService::pass_checkpoint(const Id& round_id, const Id& checkpoint) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const ChecklistItem* first = nullptr;
  const ChecklistTemplate* tp = nullptr;
  if (Status s = check_answerable(*this, round_id, checkpoint, 0, &tp, &first); !s.ok()) return s;
  const ChecklistTemplate& t = *tp;
  std::vector<Op> ops;
  for (std::size_t i = 0; i < t.items.size(); ++i) {
    if (t.items[i].type != ItemType::check || answer(round_id, checkpoint, static_cast<int>(i))) continue;
    Payload p;
    p.set(F::round, round_id.to_hex()).set(F::checkpoint, checkpoint.to_hex()).set(F::item, static_cast<std::int64_t>(i));
    p.set(F::result, static_cast<std::int64_t>(ItemResult::pass)).set(F::checklist, t.key).set(F::version, t.version);
    p.set(F::at_ms, ctx_.now_ms());
    ops.push_back(ctx_.make_op(OpKind::item_answered, answer_id(round_id, checkpoint, static_cast<int>(i)), std::move(p)));
  }
  return ctx_.commit(std::move(ops));
}

Result<Id> RoundsService::open_finding(const Id& round_id, const Id& checkpoint, int item, const NewFinding& f) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const ChecklistItem* it = nullptr;
  const ChecklistTemplate* t = nullptr;
  if (Status s = check_answerable(*this, round_id, checkpoint, item, &t, &it); !s.ok()) return s.error();
  const Answer* a = answer(round_id, checkpoint, item);
  if (!a || a->result != ItemResult::fail) return error("not_failed", S::err_finding_needs_fail);
  if (finding_for(round_id, checkpoint, item)) return error("finding_exists", S::err_finding_exists);
  if (f.owner_notice) {
    // Only a household has an owner to tell (000:569 "及时通知业主购电").
    const RouteStop* at = stop_at(round_id, checkpoint);
    if (f.urgent || !at || at->kind != StopKind::unit) return error("not_a_household", S::err_owner_notice_not_unit);
  } else if (f.urgent && f.told.empty()) {
    return error("told_required", S::err_urgent_needs_told);
  } else if (!f.urgent && f.department.empty()) {
    return error("department_required", S::err_dispatch_needs_department);
  }
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::round, round_id.to_hex()).set(F::checkpoint, checkpoint.to_hex()).set(F::item, item);
  if (!f.note.empty()) p.set(F::note, f.note);
  p.set(F::urgent, f.urgent ? 1 : 0);
  if (f.urgent) p.set(F::told, f.told);
  else if (f.owner_notice) p.set(F::owner_notice, 1).set(F::department, std::string(i18n::tr(S::finding_owner, i18n::Lang::zh_CN)));
  else p.set(F::department, f.department);
  p.set(F::at_ms, ctx_.now_ms());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::finding_opened, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Result<Id> RoundsService::add_finding_photo(const Id& finding, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().rounds.findings.count(finding)) return error("unknown_finding", S::err_unknown_finding);
  return ctx_.add_photo(finding, sha256);
}

Status RoundsService::verify_finding(const Id& finding, std::string_view after_photo, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const auto& findings = ctx_.data().rounds.findings;
  auto it = findings.find(finding);
  if (it == findings.end() || it->second.opened_ms == 0) return error("unknown_finding", S::err_unknown_finding);
  if (!it->second.open()) return error("already_verified", S::err_finding_verified);
  if (!is_sha256_hex(after_photo)) return error("after_photo_required", S::err_verify_needs_photo);
  // The "after" photo and the verification land together or not at all.
  Payload photo = ctx_.photo_payload(finding, after_photo);
  Payload p;
  p.set(F::at_ms, std::max<std::int64_t>(ctx_.now_ms(), it->second.opened_ms + 1));
  if (!note.empty()) p.set(F::note, std::string(note));
  return ctx_.commit({ctx_.make_op(OpKind::photo_added, ctx_.new_id(), std::move(photo)), ctx_.make_op(OpKind::finding_verified, finding, std::move(p))});
}

Status RoundsService::answer_choice(const Id& round_id, const Id& stop, int item, int choice) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const ChecklistItem* it = nullptr;
  const ChecklistTemplate* t = nullptr;
  if (Status s = check_answerable(*this, round_id, stop, item, &t, &it); !s.ok()) return s;
  if (it->type != ItemType::choice) return error("not_a_choice", S::err_not_a_choice);
  if (choice < 0 || choice >= static_cast<int>(it->choices.size())) return error("unknown_choice", S::err_not_a_choice);
  Payload p;
  p.set(F::round, round_id.to_hex()).set(F::checkpoint, stop.to_hex()).set(F::item, item);
  p.set(F::result, static_cast<std::int64_t>(ItemResult::pass)).set(F::reading, choice).set(F::note, it->choices[static_cast<std::size_t>(choice)]);
  p.set(F::checklist, t->key).set(F::version, t->version).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::item_answered, answer_id(round_id, stop, item), std::move(p))});
}

Status RoundsService::answer_text(const Id& round_id, const Id& stop, int item, std::string_view text) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const ChecklistItem* it = nullptr;
  const ChecklistTemplate* t = nullptr;
  if (Status s = check_answerable(*this, round_id, stop, item, &t, &it); !s.ok()) return s;
  if (it->type != ItemType::text) return error("not_text", S::err_not_text);
  const std::string words = clean_checklist_text(text);
  if (words.empty()) return error("text_required", S::err_text_required);
  Payload p;
  p.set(F::round, round_id.to_hex()).set(F::checkpoint, stop.to_hex()).set(F::item, item);
  p.set(F::result, static_cast<std::int64_t>(ItemResult::pass)).set(F::note, words);
  p.set(F::checklist, t->key).set(F::version, t->version).set(F::at_ms, ctx_.now_ms());
  return ctx_.commit({ctx_.make_op(OpKind::item_answered, answer_id(round_id, stop, item), std::move(p))});
}

std::vector<const ChecklistTemplate*> RoundsService::checklists() const { return latest_checklists(ctx_.data().rounds); }


Result<std::int64_t> RoundsService::save_checklist(const ChecklistTemplate& edited) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_checklist_lead_only);
  const ChecklistTemplate* latest = latest_checklist(ctx_.data().rounds, edited.key);
  if (!latest) return error("unknown_checklist", S::err_unknown_checklist);
  if (edited.items.empty()) return error("checklist_empty", S::err_checklist_empty);
  std::vector<ChecklistItem> items;
  for (const ChecklistItem& it : edited.items) {
    ChecklistItem clean = it;
    clean.zh = clean_checklist_text(it.zh);
    clean.en = clean_checklist_text(it.en);
    if (clean.zh.empty()) return error("item_empty", S::err_checklist_item_empty);
    if (clean.type == ItemType::choice && clean.choices.size() < 2) return error("choices", S::err_checklist_choices);
    if (clean.type != ItemType::choice) clean.choices.clear();
    items.push_back(std::move(clean));
  }
  const std::string text = encode_items(items);
  auto decoded = decode_items(text);
  if (!decoded) return error("checklist_too_long", S::err_checklist_too_long);
  if (*decoded == latest->items) return error("checklist_unchanged", S::err_checklist_unchanged);
  const std::int64_t version = latest->version + 1;
  Payload p;
  p.set(F::checklist, edited.key).set(F::version, version).set(F::name, latest->zh).set(F::items, text).set(F::at_ms, ctx_.now_ms());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::checklist_saved, checklist_entity(edited.key, version), std::move(p))}); !s.ok()) return s.error();
  return version;
}

const Answer* RoundsService::answer(const Id& round_id, const Id& checkpoint, int item) const {
  const auto& answers = ctx_.data().rounds.answers;
  auto it = answers.find(answer_id(round_id, checkpoint, item));
  return it == answers.end() ? nullptr : &it->second;
}

CheckpointProgress RoundsService::checkpoint_progress(const Id& round_id, const Id& checkpoint) const {
  CheckpointProgress p;
  const ChecklistTemplate* t = checklist_at(round_id, checkpoint);
  if (!t) return p;
  p.items = static_cast<int>(t->items.size());
  for (int i = 0; i < p.items; ++i) {
    if (const Answer* a = answer(round_id, checkpoint, i)) {
      ++p.answered;
      if (a->result == ItemResult::fail) ++p.failed;
    }
  }
  return p;
}

std::vector<const Finding*> RoundsService::open_findings() const {
  refresh_caches();
  return open_findings_;
}

std::vector<const Finding*> RoundsService::findings_of_round(const Id& round_id) const {
  refresh_caches();
  auto it = findings_by_round_.find(round_id);
  return it == findings_by_round_.end() ? std::vector<const Finding*>() : it->second;
}

std::vector<const Finding*> RoundsService::findings_of_zone_day(const Id& zone, std::int64_t day) const {
  refresh_caches();
  std::vector<const Finding*> out;
  auto rounds = rounds_by_zone_day_.find({zone, day});
  if (rounds == rounds_by_zone_day_.end()) return out;
  for (const Round* r : rounds->second) {
    auto f = findings_by_round_.find(r->id);
    if (f != findings_by_round_.end()) out.insert(out.end(), f->second.begin(), f->second.end());
  }
  std::sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
    return a->opened_ms != b->opened_ms ? a->opened_ms < b->opened_ms : a->id < b->id;
  });
  return out;
}

ZoneDayReport RoundsService::zone_day_report(const Id& zone, std::int64_t day) const {
  ZoneDayReport z;
  z.round = round_of_day(zone, RoundKind::zone, day);
  for (const Finding* f : findings_of_zone_day(zone, day)) (f->open() ? z.findings_open : z.findings_verified)++;
  if (!z.round) {
    z.checkpoints = static_cast<int>(route(zone, RoundKind::zone).size());
    return z;
  }
  const RoundProgress p = round_progress(z.round->id);
  z.checkpoints = p.checkpoints;
  z.checked = p.done;
  z.skipped = p.skipped;
  return z;
}

const Finding* RoundsService::finding_for(const Id& round_id, const Id& checkpoint, int item) const {
  refresh_caches();
  auto it = findings_by_round_.find(round_id);
  if (it == findings_by_round_.end()) return nullptr;
  for (const Finding* f : it->second) {
    if (f->checkpoint == checkpoint && f->item == item) return f;
  }
  return nullptr;
}

std::optional<std::int64_t> RoundsService::previous_reading(const Id& round_id, const Id& checkpoint, int item) const {
  const auto last = last_reading(round_id, checkpoint, item);
  return last ? std::optional<std::int64_t>(last->value) : std::nullopt;
}

ReadingFlag RoundsService::reading_flag(const Id& round_id, const Id& checkpoint, int item) const {
  const Answer* a = answer(round_id, checkpoint, item);
  if (!a || !a->has_reading) return ReadingFlag::none;
  return check_reading(last_reading(round_id, checkpoint, item), a->reading, a->at_ms);
}

std::optional<PastReading> RoundsService::last_reading(const Id& round_id, const Id& checkpoint, int item) const {
  // A year of answers is ~200,000: scanned once per change, not every frame.
  refresh_caches();
  const Id key = answer_id(round_id, checkpoint, item);
  if (auto hit = previous_readings_.find(key); hit != previous_readings_.end()) return hit->second;
  const Round* current = round(round_id);
  std::optional<PastReading> best;
  for (const auto& [id, a] : ctx_.data().rounds.answers) {
    if (a.checkpoint != checkpoint || a.item != item || !a.has_reading || a.round == round_id) continue;
    if (current && a.at_ms > current->started_ms) continue;
    if (!best || a.at_ms > best->at_ms) best = PastReading{a.reading, a.at_ms};
  }
  previous_readings_[key] = best;
  return best;
}

}  // namespace app
