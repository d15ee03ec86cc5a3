#include "app/rounds/rounds_data.hpp"

#include "app/ops/id_list.hpp"
#include "app/ops/payload_fold.hpp"
#include "app/rounds/checklist_codec.hpp"

namespace app {
namespace {


std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

bool is_item_result(std::int64_t v) { return v >= 0 && v <= 2; }
bool is_round_kind(std::int64_t v) { return v >= 0 && v <= 4; }

bool is_rounds_kind(OpKind kind) {
  switch (kind) {
    case OpKind::round_started: case OpKind::item_answered: case OpKind::round_finished:
    case OpKind::finding_opened: case OpKind::finding_verified: case OpKind::checklist_saved:
      return true;
    default:
      return false;
  }
}

Id answer_id(const Id& round, const Id& checkpoint, std::int64_t item) {
  const std::uint64_t i = static_cast<std::uint64_t>(item);
  Id id{mix(round.hi ^ mix(checkpoint.hi + i)), mix(round.lo ^ mix(checkpoint.lo ^ (i << 1 | 1)))};
  if (id.is_nil()) id.lo = 1;
  return id;
}

Id checklist_entity(std::string_view key, std::int64_t version) {
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a over the key, then mixed with the version
  for (unsigned char c : key) h = (h ^ c) * 0x100000001B3ull;
  Id id{mix(h ^ 0x636B6C73ull), mix(h + static_cast<std::uint64_t>(version))};
  if (id.is_nil()) id.lo = 1;
  return id;
}

void apply_rounds(RoundsData& d, const Op& op) {
  const Payload& p = op.payload;
  switch (op.kind) {
    case OpKind::round_started: {
      Round& r = d.rounds[op.entity];
      r.id = op.entity;
      r.butler = op.actor;
      set_id(p, F::zone, r.zone);
      set_number(p, F::day, r.day);
      set_number(p, F::at_ms, r.started_ms);
      if (auto k = p.number(F::kind); k && is_round_kind(*k)) r.kind = static_cast<RoundKind>(*k);
      set_text(p, F::pins, r.pins);
      if (auto route = p.text(F::route)) r.route = split_ids(*route);
      break;
    }
    case OpKind::round_finished: {
      Round& r = d.rounds[op.entity];
      r.id = op.entity;
      set_number(p, F::at_ms, r.finished_ms);
      set_text(p, F::note, r.finish_note);
      break;
    }
    case OpKind::item_answered: {
      Answer& a = d.answers[op.entity];
      a.id = op.entity;
      set_id(p, F::round, a.round);
      set_id(p, F::checkpoint, a.checkpoint);
      set_number(p, F::item, a.item);
      if (auto r = p.number(F::result); r && is_item_result(*r)) a.result = static_cast<ItemResult>(*r);
      a.note.clear();
      set_text(p, F::note, a.note);
      a.has_reading = p.has(F::reading);
      a.reading = a.has_reading ? *p.number(F::reading) : 0;
      set_text(p, F::checklist, a.checklist);
      set_number(p, F::version, a.version);
      set_number(p, F::at_ms, a.at_ms);
      break;
    }
    case OpKind::finding_opened: {
      Finding& f = d.findings[op.entity];
      f.id = op.entity;
      f.opened_by = op.actor;
      set_id(p, F::round, f.round);
      set_id(p, F::checkpoint, f.checkpoint);
      set_number(p, F::item, f.item);
      set_text(p, F::note, f.note);
      if (auto u = p.number(F::urgent)) f.urgent = *u != 0;
      set_text(p, F::told, f.told);
      set_text(p, F::department, f.department);
      if (auto o = p.number(F::owner_notice)) f.owner_notice = *o != 0;
      set_number(p, F::at_ms, f.opened_ms);
      break;
    }
    case OpKind::finding_verified: {
      Finding& f = d.findings[op.entity];
      f.id = op.entity;
      f.verified_by = op.actor;
      set_number(p, F::at_ms, f.verified_ms);
      set_text(p, F::note, f.verify_note);
      break;
    }
    case OpKind::checklist_saved: {
      auto items = decode_items(p.text(F::items).value_or(""));
      if (!items) break;  // validate_op refuses these; a stale one changes nothing
      SavedChecklist& c = d.checklists[op.entity];
      c.id = op.entity;
      c.saved_by = op.actor;
      set_text(p, F::checklist, c.checklist.key);
      set_number(p, F::version, c.checklist.version);
      set_text(p, F::name, c.checklist.zh);
      c.checklist.en = c.checklist.zh;
      c.checklist.items = std::move(*items);
      set_number(p, F::at_ms, c.saved_ms);
      break;
    }
    default:
      break;
  }
}

}  // namespace app
