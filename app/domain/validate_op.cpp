#include "app/domain/validate_op.hpp"

#include <algorithm>
#include <initializer_list>

#include "app/core/signature.hpp"
#include "app/domain/master_data.hpp"
#include "app/handover/handover_codec.hpp"
#include "app/domain/validate_incidents.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/keys/key_rules.hpp"
#include "app/rounds/checklist_codec.hpp"
#include "app/tickets/repair_slip.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {
namespace {

constexpr std::size_t kMaxTextBytes = 4096;  // names, phones, id lists: generous, not unbounded
constexpr std::size_t kMaxItemsBytes = 32768;  // a whole checklist (≤ 60 items in two languages), a handover's items, a slip's lines
constexpr std::size_t kMaxSignatureBytes = 65536;  // a signature's strokes (a few thousand points)
constexpr std::size_t kMaxKeysPerOp = 100;      // a loan is a bunch of keys, not the cabinet

Error invalid(const std::string& detail) {
  return Error{"invalid_op", std::string(i18n::tr(i18n::S::err_op_invalid)) + " (" + detail + ")"};
}

bool is_text_key(F k) {
  switch (k) {
    case F::name: case F::parent: case F::stairwell: case F::number: case F::phone: case F::occupation:
    case F::code: case F::pin_hash: case F::butler: case F::buildings: case F::city: case F::zone: case F::photo:
    case F::round: case F::checkpoint: case F::note: case F::checklist: case F::told: case F::department:
    case F::items: case F::pins: case F::wants: case F::assignee: case F::lines: case F::materials:
    case F::signature: case F::unit_label: case F::follow_ups:
    case F::equipment_category: case F::system: case F::keys: case F::borrower: case F::handover_items: case F::incoming:
      return true;
    default:
      return false;
  }
}

bool is_id_key(F k) {
  return k == F::parent || k == F::butler || k == F::zone || k == F::round || k == F::checkpoint || k == F::assignee ||
         k == F::borrower || k == F::incoming;
}

// Field keys are reserved in ranges by area (tickets to 69, keys and handover
// 70–89, incidents and renovation 90–119): the set of a kind's fields spans 256.
constexpr unsigned kFieldBits = 256;
struct FieldSet {
  std::uint64_t w[4] = {0, 0, 0, 0};
  constexpr bool has(unsigned key) const { return key < kFieldBits && (w[key / 64] >> (key % 64) & 1) != 0; }
};

// The same span as an op's own clock (2000 .. 2200).
bool sane_time(std::int64_t ms) { return ms >= 946684800000 && ms <= 7258118400000; }

bool plausible_date(std::int64_t d) {
  if (d == 0) return true;  // unknown / still here
  const std::int64_t y = d / 10000, m = d / 100 % 100, day = d % 100;
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

// The fields each kind may carry, as a bit set over field keys.
constexpr FieldSet bits(std::initializer_list<F> keys) {
  FieldSet b;
  for (F k : keys) {
    const auto i = static_cast<unsigned>(k);
    b.w[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  return b;
}

FieldSet allowed(OpKind kind) {
  switch (kind) {
    case OpKind::community_set: return bits({F::name, F::city});
    case OpKind::building_set: return bits({F::name, F::floors, F::position});
    case OpKind::unit_set: return bits({F::parent, F::floor, F::stairwell, F::number, F::status});
    case OpKind::resident_set:
      return bits({F::parent, F::name, F::phone, F::occupation, F::is_owner, F::moved_in, F::moved_out});
    case OpKind::resident_removed: return {};
    case OpKind::staff_set: return bits({F::name, F::code, F::phone, F::pin_hash, F::role});
    case OpKind::zone_set: return bits({F::name, F::butler, F::buildings, F::position});
    case OpKind::checkpoint_set: return bits({F::parent, F::zone, F::name, F::kind, F::position});
    case OpKind::photo_added: return bits({F::parent, F::photo, F::taken_ms});
    case OpKind::round_started: return bits({F::zone, F::day, F::at_ms, F::kind, F::pins});
    case OpKind::checklist_saved: return bits({F::checklist, F::version, F::name, F::items, F::at_ms});
    case OpKind::ticket_opened:
      return bits({F::parent, F::name, F::phone, F::channel, F::kind, F::severity, F::note, F::wants, F::requested_ms, F::at_ms});
    case OpKind::ticket_stepped:
      return bits({F::parent, F::stage, F::note, F::department, F::kind, F::severity, F::approved, F::failed, F::signature,
                   F::method, F::result, F::at_ms});
    case OpKind::ticket_handed_on: return bits({F::parent, F::assignee, F::note, F::at_ms});
    case OpKind::repair_slip_set: return bits({F::parent, F::appointment_ms, F::category, F::lines, F::materials, F::at_ms});
    case OpKind::leak_tested: return bits({F::parent, F::note, F::at_ms});
    case OpKind::callback_rechecked: return bits({F::parent, F::method, F::result, F::note, F::at_ms});
    case OpKind::price_item_set: return bits({F::name, F::unit_label, F::price_cents, F::removed});
    case OpKind::visit_recorded: return bits({F::parent, F::method, F::note, F::follow_ups, F::at_ms});
    case OpKind::ticket_settings_set:
      return bits({F::major_resolve_days, F::major_answer_days, F::important_escalate_minutes, F::important_resolve_days, F::minor_resolve_days,
                   F::repair_dispatch_minutes, F::onsite_minutes, F::callback_days, F::leak_callback_days, F::at_ms});
    case OpKind::item_answered:
      return bits({F::round, F::checkpoint, F::item, F::result, F::note, F::reading, F::checklist, F::version, F::at_ms});
    case OpKind::round_finished: return bits({F::at_ms});
    case OpKind::finding_opened:
      return bits({F::round, F::checkpoint, F::item, F::note, F::urgent, F::told, F::department, F::at_ms});
    case OpKind::finding_verified: return bits({F::note, F::at_ms});
    case OpKind::key_set: return bits({F::key_kind, F::custody, F::parent, F::name, F::equipment_category, F::system, F::at_ms});
    case OpKind::key_lent:
      return bits({F::keys, F::borrower, F::borrower_kind, F::name, F::phone, F::note, F::due_ms, F::at_ms});
    case OpKind::key_returned: return bits({F::parent, F::keys, F::note, F::at_ms});
    case OpKind::key_lost: return bits({F::parent, F::note, F::at_ms});
    case OpKind::key_followed_up: return bits({F::parent, F::outcome, F::note, F::at_ms});
    case OpKind::staff_departed: return bits({F::parent, F::departure, F::note, F::at_ms});
    case OpKind::handover_written: return bits({F::handover_items, F::item_count, F::note, F::keys, F::signature, F::at_ms});
    case OpKind::handover_confirmed: return bits({F::parent, F::incoming, F::signature, F::at_ms});
    default: return {};  // incidents and renovation: validate_incidents.cpp
  }
  return {};
}

// A list of key ids: each an id, none twice, a bunch and not the cabinet.
Status check_key_list(std::string_view text) {
  const std::vector<Id> ids = split_ids(text);
  std::size_t commas = 0;
  for (char c : text) commas += c == ',';
  if (text.empty() || ids.size() != commas + 1) return invalid("key list holds a bad id");
  if (ids.size() > kMaxKeysPerOp) return invalid("too many keys in one record");
  std::vector<Id> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return invalid("a key is listed twice");
  return ok_status();
}

bool signed_text(std::string_view text) {
  const auto s = decode_signature(text);
  return s && looks_signed(*s);
}

Status check_value(F key, const Payload::Field& f) {
  const std::string name = "field " + std::to_string(f.key);
  if (is_text_key(key) != f.is_text) return invalid(name + " has the wrong type");
  if (f.is_text) {
    const bool long_text = key == F::items || key == F::handover_items || key == F::lines;
    const std::size_t limit = key == F::signature ? kMaxSignatureBytes : long_text ? kMaxItemsBytes : kMaxTextBytes;
    if (f.text.size() > limit) return invalid(name + " is too long");
    if (is_id_key(key)) {
      Id id;
      if (!Id::from_hex(f.text, &id)) return invalid(name + " is not an id");
    }
    if (key == F::photo && !is_sha256_hex(f.text)) return invalid("a photo is named by its SHA-256 (64 hex digits)");
    if (key == F::keys) return check_key_list(f.text);
    if (key == F::signature && !signed_text(f.text)) return invalid("a signature must be strokes that look signed");
    if (key == F::handover_items && !decode_handover_items(f.text)) return invalid("unreadable handover items");
    if (key == F::buildings) {
      for (std::string_view rest = f.text; !rest.empty();) {
        const auto comma = rest.find(',');
        Id id;
        if (!Id::from_hex(rest.substr(0, comma), &id)) return invalid("building list holds a bad id");
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    return ok_status();
  }
  const std::int64_t v = f.number;
  switch (key) {
    case F::status: if (!is_unit_status(v)) return invalid("unknown unit status " + std::to_string(v)); break;
    case F::role: if (!is_role(v)) return invalid("unknown role " + std::to_string(v)); break;
    case F::kind: if (v < 0 || v > 13) return invalid("unknown checkpoint kind " + std::to_string(v)); break;
    case F::is_owner: if (v != 0 && v != 1) return invalid("owner flag must be 0 or 1"); break;
    case F::floor: if (v < -10 || v > 300) return invalid("floor out of range"); break;
    case F::floors: if (v < 1 || v > 300) return invalid("floor count out of range"); break;
    case F::moved_in: case F::moved_out: if (!plausible_date(v)) return invalid("bad date " + std::to_string(v)); break;
    case F::position: if (v < 0 || v > 1000000) return invalid("position out of range"); break;
    case F::result: if (v < 0 || v > 2) return invalid("unknown item result " + std::to_string(v)); break;
    case F::urgent: if (v != 0 && v != 1) return invalid("urgent flag must be 0 or 1"); break;
    case F::item: if (v < 0 || v > 500) return invalid("item index out of range"); break;
    case F::channel: if (v < 0 || v > 4) return invalid("unknown channel " + std::to_string(v)); break;
    case F::severity: if (!tickets::is_severity(v)) return invalid("unknown severity " + std::to_string(v)); break;
    case F::stage: if (!tickets::is_status(v)) return invalid("unknown ticket stage " + std::to_string(v)); break;
    case F::approved: case F::failed: case F::removed: if (v != 0 && v != 1) return invalid("a flag must be 0 or 1"); break;
    case F::category: if (v < 0 || v > 2) return invalid("unknown repair category " + std::to_string(v)); break;
    case F::method: if (v != 0 && v != 1) return invalid("a callback or visit is in person (0) or by phone (1)"); break;
    case F::price_cents: if (v < 0 || v > 100000000) return invalid("price out of range"); break;
    case F::major_resolve_days: case F::major_answer_days: case F::important_resolve_days: case F::minor_resolve_days:
    case F::callback_days: case F::leak_callback_days:
      if (!tickets::plausible_days(v)) return invalid("a deadline of 1 to 60 days");
      break;
    case F::important_escalate_minutes: case F::repair_dispatch_minutes: case F::onsite_minutes:
      if (!tickets::plausible_minutes(v)) return invalid("a deadline of 1 to 1440 minutes");
      break;
    case F::day: if (v == 0 || !plausible_date(v)) return invalid("bad day " + std::to_string(v)); break;
    case F::key_kind: if (!keys::is_key_kind(v)) return invalid("unknown key kind " + std::to_string(v)); break;
    case F::custody: if (!keys::is_custody(v)) return invalid("unknown key custody " + std::to_string(v)); break;
    case F::borrower_kind: if (!keys::is_borrower_kind(v)) return invalid("unknown borrower kind " + std::to_string(v)); break;
    case F::outcome: if (!keys::is_follow_up(v)) return invalid("unknown follow-up " + std::to_string(v)); break;
    case F::departure: if (!keys::is_departure_kind(v)) return invalid("unknown departure " + std::to_string(v)); break;
    case F::item_count: if (v < 0 || v > 100000) return invalid("item count out of range"); break;
    case F::due_ms: if (!sane_time(v)) return invalid("time out of range"); break;
    default: break;
  }
  return ok_status();
}

}  // namespace

bool role_may_write(std::int64_t role, OpKind kind) {
  const auto r = static_cast<Role>(role);
  const bool office = r == Role::butler || r == Role::head_butler || r == Role::front_desk || r == Role::manager;
  const bool lead = r == Role::head_butler || r == Role::manager;
  switch (kind) {
    case OpKind::unit_set:
    case OpKind::resident_set:
    case OpKind::resident_removed:
    case OpKind::photo_added:
    case OpKind::round_started:
    case OpKind::item_answered:
    case OpKind::round_finished:
    case OpKind::finding_opened:
    case OpKind::finding_verified:
      return office;
    case OpKind::community_set:
    case OpKind::building_set:
    case OpKind::staff_set:
    case OpKind::zone_set:
    case OpKind::checkpoint_set:
    case OpKind::checklist_saved:
      return lead;
    case OpKind::ticket_opened:
      return office;
    case OpKind::ticket_stepped:
    case OpKind::repair_slip_set:
    case OpKind::leak_tested:
      return office || r == Role::engineering;  // engineering accepts the slip, is on site, prices it, finishes
    case OpKind::ticket_handed_on:
    case OpKind::visit_recorded:
      return office;
    case OpKind::callback_rechecked:
    case OpKind::price_item_set:
    case OpKind::ticket_settings_set:
      return lead;
    case OpKind::key_set:
      return lead || r == Role::front_desk;  // the key keeper files the cabinet
    case OpKind::key_lent:
    case OpKind::key_returned:
    case OpKind::key_lost:
    case OpKind::key_followed_up:
    case OpKind::handover_written:
    case OpKind::handover_confirmed:
      return office;
    case OpKind::staff_departed:
      return lead;  // a personnel change, signed off once the keys are back
    case OpKind::incident_started:
    case OpKind::incident_step:
    case OpKind::incident_noted:
    case OpKind::incident_closed:
      // Whoever is on duty meets an emergency: security and engineering record it too.
      return office || r == Role::security || r == Role::engineering;
    case OpKind::renovation_stepped:
      return office || r == Role::engineering;  // engineering approves (the session checks which stage)
    case OpKind::renovation_applied:
    case OpKind::renovation_paper:
    case OpKind::renovation_pass:
    case OpKind::renovation_violation:
    case OpKind::renovation_followed_up:
      return office;  // the service centre runs the application and issues the notices
  }
  return false;
}

Status validate_op(const Op& op) {
  if (!is_known_kind(static_cast<std::uint16_t>(op.kind))) return invalid("unknown kind");
  if (op.op_id.is_nil() || op.device_id.is_nil() || op.entity.is_nil()) return invalid("missing id");
  // 2000-01-01 .. 2200-01-01: a clock far outside means a broken tablet, and
  // an op from year 9999 would sort after everything forever.
  if (op.hlc.wall_ms < 946684800000 || op.hlc.wall_ms > 7258118400000) return invalid("timestamp out of range");
  if (is_incident_or_renovation_kind(op.kind)) return validate_incident_or_renovation_op(op);
  const auto permitted = allowed(op.kind);
  for (const Payload::Field& f : op.payload.fields()) {
    const F key = static_cast<F>(f.key);
    if (!permitted.has(f.key)) return invalid("field " + std::to_string(f.key) + " does not belong to this kind");
    if (Status s = check_value(key, f); !s.ok()) return s;
  }
  // Required fields: what makes the record mean something on its own.
  const Payload& p = op.payload;
  if (is_keys_kind(op.kind) || is_handover_kind(op.kind)) {
    // Their times are read as the register's (out, back, written, confirmed).
    if (auto at = p.number(F::at_ms); at && !sane_time(*at)) return invalid("time out of range");
  }
  switch (op.kind) {
    case OpKind::community_set:
      if (!p.has(F::name)) return invalid("a community needs a name");
      break;
    case OpKind::resident_removed:
      break;
    case OpKind::photo_added:
      if (!p.has(F::parent) || !p.has(F::photo)) return invalid("a photo needs what it shows and its SHA-256");
      break;
    case OpKind::round_started:
      if (!p.has(F::zone) || !p.has(F::day)) return invalid("a round needs its zone and day");
      if (auto k = p.number(F::kind); k && !is_round_kind(*k)) return invalid("unknown round kind " + std::to_string(*k));
      if (auto pins = p.text(F::pins); pins && !decode_pins(*pins)) return invalid("unreadable checklist versions");
      break;
    case OpKind::ticket_opened:
      if (!p.has(F::kind) || !p.has(F::note) || !p.has(F::at_ms)) return invalid("a ticket needs its kind, what happened and when");
      if (auto k = p.number(F::kind); k && !tickets::is_kind(*k)) return invalid("unknown ticket kind " + std::to_string(*k));
      break;
    case OpKind::ticket_stepped:
      if (!p.has(F::parent) || !p.has(F::stage) || !p.has(F::at_ms)) return invalid("a ticket step needs its ticket, stage and time");
      if (auto k = p.number(F::kind); k && !tickets::is_kind(*k)) return invalid("unknown ticket kind " + std::to_string(*k));
      break;
    case OpKind::ticket_handed_on:
      if (!p.has(F::parent) || !p.has(F::assignee)) return invalid("a hand-on needs its ticket and whom it goes to");
      break;
    case OpKind::repair_slip_set:
      if (!p.has(F::parent)) return invalid("a repair slip needs its ticket");
      if (auto l = p.text(F::lines); l && !decode_slip_lines(*l)) return invalid("unreadable repair slip lines");
      break;
    case OpKind::leak_tested:
    case OpKind::callback_rechecked:
      if (!p.has(F::parent) || !p.has(F::at_ms)) return invalid("needs its ticket and when");
      if (op.kind == OpKind::callback_rechecked && !p.has(F::result)) return invalid("a recheck needs its result");
      break;
    case OpKind::price_item_set:
      break;
    case OpKind::ticket_settings_set:
      if (op.entity != kTicketSettingsEntity) return invalid("deadline settings are one record");
      if (p.fields().size() < 2) return invalid("an update must change something");
      break;
    case OpKind::visit_recorded:
      if (!p.has(F::parent) || !p.has(F::at_ms)) return invalid("a visit needs its unit and when");
      break;
    case OpKind::checklist_saved: {
      const auto key = p.text(F::checklist);
      const auto version = p.number(F::version);
      if (!key || key->empty() || !version || *version < 2) return invalid("a checklist edit needs its key and a version after the built-in one");
      if (op.entity != checklist_entity(*key, *version)) return invalid("a checklist version's entity must follow from its key and version");
      if (!decode_items(p.text(F::items).value_or(""))) return invalid("unreadable checklist items");
      break;
    }
    case OpKind::item_answered:
      if (!p.has(F::round) || !p.has(F::checkpoint) || !p.has(F::item) || !p.has(F::result)) {
        return invalid("an answer needs its round, checkpoint, item and result");
      }
      break;
    case OpKind::finding_opened:
      if (!p.has(F::round) || !p.has(F::checkpoint) || !p.has(F::item)) return invalid("a finding needs where it was found");
      break;
    case OpKind::round_finished:
    case OpKind::finding_verified:
      break;
    case OpKind::key_set:
      if (!p.has(F::key_kind) || !p.has(F::name)) return invalid("a key needs its kind and its label");
      if (p.number(F::key_kind) == static_cast<std::int64_t>(keys::KeyKind::unit) && !p.has(F::parent)) {
        return invalid("a unit key needs its unit");
      }
      break;
    case OpKind::key_lent: {
      if (!p.has(F::keys) || !p.has(F::note) || !p.has(F::at_ms)) return invalid("a loan needs its keys, reason and time");
      const bool staff = p.number(F::borrower_kind).value_or(0) == static_cast<std::int64_t>(keys::BorrowerKind::staff);
      const bool outsider_fields = p.has(F::name) || p.has(F::phone);
      if (staff ? (!p.has(F::borrower) || outsider_fields) : (!p.has(F::name) || p.has(F::borrower))) {
        return invalid("a loan goes to a staff member by id, or to a named outsider");
      }
      if (auto due = p.number(F::due_ms); due && *due <= *p.number(F::at_ms)) return invalid("a loan is due back after it went out");
      break;
    }
    case OpKind::key_returned:
      if (!p.has(F::parent) || !p.has(F::keys) || !p.has(F::at_ms)) return invalid("a return needs its loan, keys and time");
      break;
    case OpKind::key_lost:
      if (!p.has(F::parent) || !p.has(F::at_ms)) return invalid("a lost report needs its key and time");
      break;
    case OpKind::key_followed_up:
      if (!p.has(F::parent) || !p.has(F::outcome) || !p.has(F::at_ms)) return invalid("a follow-up needs its key, outcome and time");
      break;
    case OpKind::staff_departed:
      if (!p.has(F::parent) || !p.has(F::departure) || !p.has(F::at_ms)) return invalid("a departure needs the staff member, kind and time");
      break;
    case OpKind::handover_written:
      if (!p.has(F::signature) || !p.has(F::at_ms)) return invalid("a handover needs the outgoing signature and time");
      break;
    case OpKind::handover_confirmed:
      if (!p.has(F::parent) || !p.has(F::incoming) || !p.has(F::signature) || !p.has(F::at_ms)) {
        return invalid("a confirmation needs its handover, the incoming staff, their signature and time");
      }
      break;
    default:
      if (p.fields().empty()) return invalid("an update must change something");
      break;
  }
  if (auto name = p.text(F::name); name && name->empty() && op.kind != OpKind::resident_removed) {
    return invalid("empty name");
  }
  return ok_status();
}

}  // namespace app
