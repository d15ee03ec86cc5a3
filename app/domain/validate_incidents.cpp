#include "app/domain/validate_incidents.hpp"

#include <algorithm>
#include <initializer_list>

#include "app/core/sha256.hpp"
#include "app/core/signature.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/incidents/incident_checklists.hpp"
#include "app/renovation/renovation_rules.hpp"

namespace app {
namespace {

constexpr std::size_t kMaxTextBytes = 4096;
constexpr std::size_t kMaxSignatureBytes = 65536;  // a long signature's strokes, base64
constexpr std::int64_t kMinMs = 946684800000, kMaxMs = 7258118400000;  // 2000 .. 2200, as validate_op

Error invalid(const std::string& detail) {
  return Error{"invalid_op", std::string(i18n::tr(i18n::S::err_op_invalid)) + " (" + detail + ")"};
}

// The fields each kind may carry, as a 128-bit set over field keys.
struct Keys {
  std::uint64_t lo = 0, hi = 0;
  bool has(std::uint16_t k) const { return k < 64 ? (lo >> k) & 1 : k < 128 && ((hi >> (k - 64)) & 1); }
};
constexpr Keys bits(std::initializer_list<F> keys) {
  Keys b;
  for (F k : keys) {
    const auto n = static_cast<unsigned>(k);
    if (n < 64) b.lo |= std::uint64_t{1} << n;
    else b.hi |= std::uint64_t{1} << (n - 64);
  }
  return b;
}

Keys allowed(OpKind kind) {
  switch (kind) {
    case OpKind::incident_started:
      return bits({F::incident_kind, F::at_ms, F::happened_ms, F::unit, F::building, F::place, F::lift_number, F::lift_location, F::floor, F::note});
    case OpKind::incident_step: return bits({F::parent, F::step, F::at_ms, F::happened_ms, F::corrects, F::note});
    case OpKind::incident_noted:
      return bits({F::parent, F::person, F::note, F::unit, F::building, F::place, F::lift_number, F::lift_location, F::floor, F::at_ms});
    case OpKind::incident_closed: return bits({F::parent, F::incident_outcome, F::at_ms});
    case OpKind::renovation_applied:
      return bits({F::unit, F::name, F::contractor, F::phone, F::note, F::planned_start, F::planned_end, F::at_ms});
    case OpKind::renovation_paper: return bits({F::parent, F::paper_kind, F::photo, F::at_ms});
    case OpKind::renovation_stepped:
      return bits({F::parent, F::reno_stage, F::at_ms, F::note, F::deposit_cents, F::waste_fee_cents, F::day, F::refund_cents,
              F::penalty_cents, F::refund_signature});
    case OpKind::renovation_pass: return bits({F::parent, F::pass_state, F::number, F::name, F::at_ms});
    case OpKind::renovation_violation: return bits({F::parent, F::note, F::action, F::rectify_by, F::deduct_cents, F::finding, F::at_ms});
    case OpKind::renovation_followed_up: return bits({F::parent, F::notice, F::rectified_day, F::note, F::at_ms});
    default: return {};
  }
}

bool is_text(F k) {
  switch (k) {
    case F::parent: case F::note: case F::step: case F::lift_number: case F::lift_location: case F::place: case F::unit:
    case F::building: case F::person: case F::incident_outcome: case F::contractor: case F::name: case F::phone: case F::number:
    case F::photo: case F::notice: case F::refund_signature: case F::finding:
      return true;
    default:
      return false;
  }
}

bool is_id(F k) { return k == F::parent || k == F::unit || k == F::building || k == F::notice || k == F::finding; }

bool calendar_day(std::int64_t d) {
  const std::int64_t y = d / 10000, m = d / 100 % 100, day = d % 100;
  return y >= 2000 && y <= 2200 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

Status check_value(F key, const Payload::Field& f) {
  const std::string name = "field " + std::to_string(f.key);
  if (is_text(key) != f.is_text) return invalid(name + " has the wrong type");
  if (f.is_text) {
    if (f.text.size() > (key == F::refund_signature ? kMaxSignatureBytes : kMaxTextBytes)) return invalid(name + " is too long");
    if (is_id(key)) {
      Id id;
      if (!Id::from_hex(f.text, &id)) return invalid(name + " is not an id");
    }
    if (key == F::photo && !is_sha256_hex(f.text)) return invalid("a photo is named by its SHA-256 (64 hex digits)");
    if (key == F::refund_signature && !decode_signature(f.text)) return invalid("unreadable signature");
    if (key == F::step && (f.text.empty() || f.text.size() > 64)) return invalid("bad step key");
    return ok_status();
  }
  const std::int64_t v = f.number;
  switch (key) {
    case F::at_ms: case F::happened_ms: if (v < kMinMs || v > kMaxMs) return invalid("time out of range"); break;
    case F::incident_kind: if (!incidents::is_kind(v)) return invalid("unknown incident kind " + std::to_string(v)); break;
    case F::corrects: if (v != 0 && v != 1) return invalid("a flag must be 0 or 1"); break;
    case F::floor: if (v < -10 || v > 300) return invalid("floor out of range"); break;
    case F::planned_start: case F::planned_end: case F::rectify_by: case F::rectified_day: case F::day:
      if (!calendar_day(v)) return invalid("bad date " + std::to_string(v));
      break;
    case F::paper_kind: if (!renovation::is_paper_kind(v)) return invalid("unknown paper kind " + std::to_string(v)); break;
    case F::reno_stage: if (!renovation::is_stage(v)) return invalid("unknown renovation stage " + std::to_string(v)); break;
    case F::pass_state: if (!renovation::is_pass_state(v)) return invalid("unknown pass state " + std::to_string(v)); break;
    case F::action: if (!renovation::is_action(v)) return invalid("unknown notice action " + std::to_string(v)); break;
    case F::deposit_cents: case F::waste_fee_cents: case F::deduct_cents: case F::penalty_cents: case F::refund_cents:
      if (v < 0 || v > renovation::kMaxCents) return invalid("amount out of range");
      break;
    default: break;
  }
  return ok_status();
}

Status check_required(const Op& op) {
  const Payload& p = op.payload;
  auto text_of = [&p](F k) { return p.text(k).value_or(""); };
  switch (op.kind) {
    case OpKind::incident_started:
      if (!p.has(F::incident_kind) || !p.has(F::at_ms)) return invalid("an incident needs its kind and when it started");
      break;
    case OpKind::incident_step:
      if (!p.has(F::parent) || !p.has(F::step) || !p.has(F::at_ms)) return invalid("a step needs its incident, its key and its time");
      break;
    case OpKind::incident_noted:
      if (!p.has(F::parent) || !p.has(F::at_ms) || p.fields().size() < 3) return invalid("a note needs its incident, its time and what it says");
      if (p.has(F::person) && text_of(F::person).empty()) return invalid("empty person");
      break;
    case OpKind::incident_closed:
      if (!p.has(F::parent) || !p.has(F::at_ms) || text_of(F::incident_outcome).empty()) return invalid("a close needs its incident, time and outcome");
      break;
    case OpKind::renovation_applied:
      if (!p.has(F::unit) || text_of(F::contractor).empty() || !p.has(F::at_ms)) return invalid("an application needs its unit, contractor and time");
      if (p.has(F::planned_start) && p.has(F::planned_end) && *p.number(F::planned_end) < *p.number(F::planned_start)) {
        return invalid("planned end before start");
      }
      break;
    case OpKind::renovation_paper:
      if (!p.has(F::parent) || !p.has(F::paper_kind) || !p.has(F::photo) || !p.has(F::at_ms)) return invalid("a paper needs its application, kind and photo");
      break;
    case OpKind::renovation_stepped: {
      if (!p.has(F::parent) || !p.has(F::reno_stage) || !p.has(F::at_ms)) return invalid("a stage needs its application, stage and time");
      const auto stage = static_cast<renovation::Stage>(*p.number(F::reno_stage));
      if (stage == renovation::Stage::applied) return invalid("applying is its own record");
      if (stage == renovation::Stage::fees_paid && (!p.has(F::deposit_cents) || !p.has(F::waste_fee_cents))) return invalid("fees need both amounts");
      if (stage == renovation::Stage::completion_checked && !p.has(F::day)) return invalid("a completion check needs its day");
      if (stage == renovation::Stage::refunded && (!p.has(F::refund_signature) || !p.has(F::refund_cents))) return invalid("a refund needs its amount and a signature");
      break;
    }
    case OpKind::renovation_pass:
      if (!p.has(F::parent) || !p.has(F::pass_state) || !p.has(F::at_ms)) return invalid("a pass needs its application, state and time");
      if (*p.number(F::pass_state) == 0 && (text_of(F::number).empty() || text_of(F::name).empty())) return invalid("an issued pass needs its number and worker");
      break;
    case OpKind::renovation_violation: {
      if (!p.has(F::parent) || text_of(F::note).empty() || !p.has(F::action) || !p.has(F::at_ms)) return invalid("a notice needs its application, what was found and the action");
      const auto action = static_cast<renovation::Action>(*p.number(F::action));
      if (action == renovation::Action::rectify_by && !p.has(F::rectify_by)) return invalid("rectify-by needs its date");
      if (action == renovation::Action::deduct_deposit && p.number(F::deduct_cents).value_or(0) <= 0) return invalid("a deduction needs its amount");
      break;
    }
    case OpKind::renovation_followed_up:
      if (!p.has(F::parent) || !p.has(F::notice) || !p.has(F::rectified_day) || !p.has(F::at_ms)) return invalid("a follow-up needs its notice and date");
      break;
    default:
      break;
  }
  return ok_status();
}

}  // namespace

bool is_incident_or_renovation_kind(OpKind kind) {
  const auto k = static_cast<std::uint16_t>(kind);
  return k >= 40 && k <= 49;
}

Status validate_incident_or_renovation_op(const Op& op) {
  const Keys keys = allowed(op.kind);
  for (const Payload::Field& f : op.payload.fields()) {
    const F key = static_cast<F>(f.key);
    if (!keys.has(f.key)) return invalid("field " + std::to_string(f.key) + " does not belong to this kind");
    if (Status s = check_value(key, f); !s.ok()) return s;
  }
  return check_required(op);
}

}  // namespace app
