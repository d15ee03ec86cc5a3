#include "app/store/snapshot.hpp"

#include <algorithm>

#include "app/core/bytes.hpp"
#include "app/ops/codec.hpp"
#include "app/rounds/checklist_codec.hpp"
#include "app/store/snapshot_tickets.hpp"
#include "app/store/snapshot_keys.hpp"
#include "app/store/snapshot_fields.hpp"
#include "app/store/snapshot_incidents.hpp"
#include "app/store/snapshot_renovation.hpp"

namespace app {
namespace {

using bytes::put_id;
using bytes::put_text;
using bytes::put_varint;
using snapshot_io::read;
using snapshot_io::write;

constexpr std::string_view kMagic = "BUTLERSN";

using snapshot_fields::put_number;

// One writer and one reader per entity; the two must mirror each other.
void write(std::string& o, const Building& b) {
  put_id(o, b.id);
  put_text(o, b.name);
  put_number(o, b.floors);
  put_number(o, b.position);
}
void write(std::string& o, const Unit& u) {
  put_id(o, u.id);
  put_id(o, u.building);
  put_number(o, u.floor);
  put_text(o, u.stairwell);
  put_text(o, u.number);
  put_number(o, static_cast<std::int64_t>(u.status));
}
void write(std::string& o, const Resident& r) {
  put_id(o, r.id);
  put_id(o, r.unit);
  put_text(o, r.name);
  put_text(o, r.phone);
  put_text(o, r.occupation);
  put_varint(o, (r.owner ? 1u : 0u) | (r.removed ? 2u : 0u));
  put_number(o, r.moved_in);
  put_number(o, r.moved_out);
}
void write(std::string& o, const Staff& s) {
  put_id(o, s.id);
  put_text(o, s.name);
  put_text(o, s.code);
  put_text(o, s.phone);
  put_text(o, s.pin_hash);
  put_number(o, static_cast<std::int64_t>(s.role));
}
void write(std::string& o, const Zone& z) {
  put_id(o, z.id);
  put_text(o, z.name);
  put_id(o, z.butler);
  put_varint(o, z.buildings.size());
  for (const Id& b : z.buildings) put_id(o, b);
  put_number(o, z.position);
}
void write(std::string& o, const Checkpoint& c) {
  put_id(o, c.id);
  put_id(o, c.building);
  put_id(o, c.zone);
  put_text(o, c.name);
  put_number(o, static_cast<std::int64_t>(c.kind));
  put_number(o, c.position);
}

void write(std::string& o, const Photo& ph) {
  put_id(o, ph.id);
  put_id(o, ph.subject);
  put_text(o, ph.sha256);
  put_number(o, ph.taken_ms);
}

void write(std::string& o, const Round& x) {
  put_id(o, x.id);
  put_id(o, x.zone);
  put_id(o, x.butler);
  put_number(o, x.day);
  put_number(o, x.started_ms);
  put_number(o, x.finished_ms);
  put_number(o, static_cast<std::int64_t>(x.kind));
  put_text(o, x.pins);
}
// Format 2 had no round kinds (every round walked a zone); format 3 adds one.
bool read(bytes::Reader& r, Round& x, unsigned char format) {
  std::int64_t kind = 0;
  if (!(r.id(&x.id) && r.id(&x.zone) && r.id(&x.butler) && r.number(&x.day) && r.number(&x.started_ms) && r.number(&x.finished_ms))) {
    return false;
  }
  if (format >= 3 && (!r.number(&kind) || !is_round_kind(kind) || !r.text(&x.pins))) return false;
  x.kind = static_cast<RoundKind>(kind);
  return true;
}

void write(std::string& o, const Answer& x) {
  put_id(o, x.id);
  put_id(o, x.round);
  put_id(o, x.checkpoint);
  put_number(o, x.item);
  put_number(o, static_cast<std::int64_t>(x.result) | (x.has_reading ? 4 : 0));
  put_text(o, x.note);
  put_number(o, x.reading);
  put_text(o, x.checklist);
  put_number(o, x.version);
  put_number(o, x.at_ms);
}
bool read(bytes::Reader& r, Answer& x) {
  std::int64_t flags = 0;
  if (!(r.id(&x.id) && r.id(&x.round) && r.id(&x.checkpoint) && r.number(&x.item) && r.number(&flags) && r.text(&x.note) &&
        r.number(&x.reading) && r.text(&x.checklist) && r.number(&x.version) && r.number(&x.at_ms))) {
    return false;
  }
  if (!is_item_result(flags & 3)) return false;
  x.result = static_cast<ItemResult>(flags & 3);
  x.has_reading = (flags & 4) != 0;
  return true;
}

void write(std::string& o, const Finding& x) {
  put_id(o, x.id);
  put_id(o, x.round);
  put_id(o, x.checkpoint);
  put_id(o, x.opened_by);
  put_id(o, x.verified_by);
  put_number(o, x.item);
  put_text(o, x.note);
  put_number(o, x.urgent ? 1 : 0);
  put_text(o, x.told);
  put_text(o, x.department);
  put_number(o, x.opened_ms);
  put_number(o, x.verified_ms);
  put_text(o, x.verify_note);
}
bool read(bytes::Reader& r, Finding& x) {
  std::int64_t urgent = 0;
  if (!(r.id(&x.id) && r.id(&x.round) && r.id(&x.checkpoint) && r.id(&x.opened_by) && r.id(&x.verified_by) && r.number(&x.item) &&
        r.text(&x.note) && r.number(&urgent) && r.text(&x.told) && r.text(&x.department) && r.number(&x.opened_ms) &&
        r.number(&x.verified_ms) && r.text(&x.verify_note))) {
    return false;
  }
  x.urgent = urgent != 0;
  return true;
}

// A checklist version as its op carries it: key, version, name, items text.
void write(std::string& o, const SavedChecklist& x) {
  put_id(o, x.id);
  put_id(o, x.saved_by);
  put_number(o, x.saved_ms);
  put_text(o, x.checklist.key);
  put_number(o, x.checklist.version);
  put_text(o, x.checklist.zh);
  put_text(o, encode_items(x.checklist.items));
}
bool read(bytes::Reader& r, SavedChecklist& x) {
  std::string items;
  if (!(r.id(&x.id) && r.id(&x.saved_by) && r.number(&x.saved_ms) && r.text(&x.checklist.key) && r.number(&x.checklist.version) &&
        r.text(&x.checklist.zh) && r.text(&items))) {
    return false;
  }
  auto decoded = decode_items(items);
  if (!decoded) return false;
  x.checklist.en = x.checklist.zh;
  x.checklist.items = std::move(*decoded);
  return true;
}

bool read(bytes::Reader& r, Photo& ph) {
  return r.id(&ph.id) && r.id(&ph.subject) && r.text(&ph.sha256) && is_sha256_hex(ph.sha256) && r.number(&ph.taken_ms);
}

bool read(bytes::Reader& r, Building& b) { return r.id(&b.id) && r.text(&b.name) && r.number(&b.floors) && r.number(&b.position); }
bool read(bytes::Reader& r, Unit& u) {
  std::int64_t status = 0;
  if (!(r.id(&u.id) && r.id(&u.building) && r.number(&u.floor) && r.text(&u.stairwell) && r.text(&u.number) && r.number(&status))) return false;
  if (!is_unit_status(status)) return false;
  u.status = static_cast<UnitStatus>(status);
  return true;
}
bool read(bytes::Reader& r, Resident& x) {
  std::uint64_t flags = 0;
  if (!(r.id(&x.id) && r.id(&x.unit) && r.text(&x.name) && r.text(&x.phone) && r.text(&x.occupation) && r.varint(&flags) &&
        r.number(&x.moved_in) && r.number(&x.moved_out))) {
    return false;
  }
  x.owner = (flags & 1) != 0;
  x.removed = (flags & 2) != 0;
  return true;
}
bool read(bytes::Reader& r, Staff& s) {
  std::int64_t role = 0;
  if (!(r.id(&s.id) && r.text(&s.name) && r.text(&s.code) && r.text(&s.phone) && r.text(&s.pin_hash) && r.number(&role))) return false;
  if (!is_role(role)) return false;
  s.role = static_cast<Role>(role);
  return true;
}
bool read(bytes::Reader& r, Zone& z) {
  std::uint64_t n = 0;
  if (!(r.id(&z.id) && r.text(&z.name) && r.id(&z.butler) && r.varint(&n)) || n > r.remaining() / 16) return false;
  z.buildings.resize(static_cast<std::size_t>(n));
  for (Id& b : z.buildings) {
    if (!r.id(&b)) return false;
  }
  return r.number(&z.position);
}
bool read(bytes::Reader& r, Checkpoint& c) {
  std::int64_t kind = 0;
  if (!(r.id(&c.id) && r.id(&c.building) && r.id(&c.zone) && r.text(&c.name) && r.number(&kind) && r.number(&c.position))) return false;
  if (kind < 0 || kind > 13) return false;
  c.kind = static_cast<CheckpointKind>(kind);
  return true;
}

// Every section is "count, then that many entities"; the count bounds the
// reservation by what the bytes could possibly hold (an entity is >= 16 bytes).
template <typename T, typename ReadOne>
bool read_section(bytes::Reader& r, std::unordered_map<Id, T, IdHash>& map, ReadOne read_one) {
  std::uint64_t n = 0;
  if (!r.varint(&n) || n > r.remaining() / 16) return false;
  map.reserve(static_cast<std::size_t>(n));
  for (std::uint64_t i = 0; i < n; ++i) {
    T item;
    if (!read_one(r, item)) return false;
    const Id id = item.id;
    map.emplace(id, std::move(item));
  }
  return true;
}

template <class T>
bool read_section(bytes::Reader& r, std::unordered_map<Id, T, IdHash>& map) {
  return read_section(r, map, [](bytes::Reader& rr, T& item) { return read(rr, item); });
}

Error damaged(const char* what) { return Error{"snapshot_damaged", std::string("damaged snapshot: ") + what}; }

}  // namespace

SnapshotWriter::SnapshotWriter(const MasterData& data, std::size_t op_count, IdAt id_at, std::uint64_t record_count,
                               const FoldKey& frontier, const std::vector<QuarantinedRecord>& quarantined)
    : data_(data), id_at_(std::move(id_at)), quarantined_(quarantined), op_count_(op_count) {
  std::string& out = sink();
  out += kMagic;
  out.push_back(static_cast<char>(kSnapshotFormatVersion));
  put_varint(out, op_count_);
  put_varint(out, record_count);
  put_varint(out, static_cast<std::uint64_t>(frontier.hlc.wall_ms));
  put_varint(out, frontier.hlc.logical);
  put_id(out, frontier.device);
  put_id(out, frontier.op_id);
  put_varint(out, op_count_);
  crc_ = bytes::crc32_start();
}

std::string& SnapshotWriter::sink() {
  if (chunks_.empty() || chunks_.back().size() >= kChunkBytes) {
    checksum_written();
    chunks_.emplace_back();
    // Room for the last entity to run past the mark without a reallocation.
    chunks_.back().reserve(kChunkBytes + kChunkBytes / 8);
    crc_done_ = 0;
  }
  return chunks_.back();
}

void SnapshotWriter::checksum_written() {
  if (chunks_.empty()) return;
  crc_ = bytes::crc32_update(crc_, std::string_view(chunks_.back()).substr(crc_done_));
  crc_done_ = chunks_.back().size();
}

void SnapshotWriter::write_ids(std::size_t& budget) {
  // Ids are cheap to write: a unit of budget is 16 of them.
  const auto count = static_cast<std::size_t>(op_count_);
  const std::size_t n = std::min(count - ids_written_, budget * 16);
  for (std::size_t i = 0; i < n; ++i) put_id(sink(), id_at_(ids_written_ + i));
  ids_written_ += n;
  budget -= std::min(budget, (n + 15) / 16);
  if (ids_written_ == count) {
    id_at_ = nullptr;
    phase_ = Phase::tail;
  }
}

void SnapshotWriter::write_tail() {
  std::string& out = sink();
  put_varint(out, quarantined_.size());
  for (const QuarantinedRecord& q : quarantined_) {
    put_varint(out, q.index);
    put_text(out, q.reason);
  }
  put_id(out, data_.community.id);
  put_text(out, data_.community.name);
  put_text(out, data_.community.city);
  phase_ = Phase::buildings;
}

template <typename Map, typename Write>
bool SnapshotWriter::write_section(const Map& map, typename Map::const_iterator& it, bool& started, std::size_t& budget,
                                   Write write_one) {
  if (!started) {
    put_varint(sink(), map.size());
    it = map.begin();
    started = true;
  }
  for (; it != map.end() && budget > 0; ++it, --budget) write_one(sink(), it->second);
  if (it != map.end()) return false;
  started = false;
  return true;
}

bool SnapshotWriter::step(std::size_t budget) {
  auto w = [](std::string& o, const auto& e) { write(o, e); };
  auto write_snapshot_entity_fn = [](std::string& o, const auto& e) { write_snapshot_entity(o, e); };
  while (phase_ != Phase::done && budget > 0) {
    bool finished = false;
    switch (phase_) {
      case Phase::ids: write_ids(budget); continue;
      case Phase::tail: write_tail(); continue;
      case Phase::buildings: finished = write_section(data_.buildings, building_it_, section_started_, budget, w); break;
      case Phase::units: finished = write_section(data_.units, unit_it_, section_started_, budget, w); break;
      case Phase::residents: finished = write_section(data_.residents, resident_it_, section_started_, budget, w); break;
      case Phase::staff: finished = write_section(data_.staff, staff_it_, section_started_, budget, w); break;
      case Phase::zones: finished = write_section(data_.zones, zone_it_, section_started_, budget, w); break;
      case Phase::checkpoints: finished = write_section(data_.checkpoints, checkpoint_it_, section_started_, budget, w); break;
      case Phase::photos: finished = write_section(data_.photos, photo_it_, section_started_, budget, w); break;
      case Phase::rounds: finished = write_section(data_.rounds.rounds, round_it_, section_started_, budget, w); break;
      case Phase::answers: finished = write_section(data_.rounds.answers, answer_it_, section_started_, budget, w); break;
      case Phase::findings: finished = write_section(data_.rounds.findings, finding_it_, section_started_, budget, w); break;
      case Phase::checklists: finished = write_section(data_.rounds.checklists, checklist_it_, section_started_, budget, w); break;
      case Phase::tickets: finished = write_section(data_.tickets.tickets, ticket_it_, section_started_, budget, w); break;
      case Phase::prices: finished = write_section(data_.tickets.prices, price_it_, section_started_, budget, w); break;
      case Phase::visits: finished = write_section(data_.tickets.visits, visit_it_, section_started_, budget, w); break;
      case Phase::ticket_settings:
        write(sink(), data_.tickets.settings);
        finished = true;
        break;
      case Phase::keys: finished = write_section(data_.keys.keys, key_it_, section_started_, budget, w); break;
      case Phase::loans: finished = write_section(data_.keys.loans, loan_it_, section_started_, budget, w); break;
      case Phase::key_events: finished = write_section(data_.keys.events, key_event_it_, section_started_, budget, w); break;
      case Phase::departures: finished = write_section(data_.keys.departures, departure_it_, section_started_, budget, w); break;
      case Phase::handovers: finished = write_section(data_.handovers.handovers, handover_it_, section_started_, budget, w); break;
      case Phase::incidents:
        finished = write_section(data_.incidents.incidents, incident_it_, section_started_, budget, write_snapshot_entity_fn);
        break;
      case Phase::renovations:
        finished = write_section(data_.renovation.renovations, renovation_it_, section_started_, budget, write_snapshot_entity_fn);
        break;
      case Phase::done: break;
    }
    if (finished) phase_ = static_cast<Phase>(static_cast<int>(phase_) + 1);
  }
  // The checksum follows the bytes as they are written, so the last step
  // does not pay for all of them at once.
  checksum_written();
  if (phase_ == Phase::done) bytes::put_u32(sink(), bytes::crc32_finish(crc_));
  return phase_ == Phase::done;
}

std::string encode_snapshot(const MasterData& data, std::vector<Id> op_ids, std::uint64_t record_count, const FoldKey& frontier,
                            const std::vector<QuarantinedRecord>& quarantined) {
  const std::size_t count = op_ids.size();
  SnapshotWriter writer(data, count, [&op_ids](std::size_t i) { return op_ids[i]; }, record_count, frontier, quarantined);
  while (!writer.step(1 << 20)) {
  }
  std::string bytes;
  for (const std::string& chunk : writer.take()) bytes += chunk;
  return bytes;
}

Result<Snapshot> decode_snapshot(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + 1 + 4 || bytes.substr(0, kMagic.size()) != kMagic) return damaged("not a snapshot");
  const auto version = static_cast<unsigned char>(bytes[kMagic.size()]);
  if (version != kSnapshotFormatVersion && version != 2) {
    return Error{"snapshot_unknown_version", "snapshot of unknown format version " + std::to_string(version)};
  }
  const std::string_view body = bytes.substr(0, bytes.size() - 4);
  if (crc32(body) != bytes::get_u32(bytes, bytes.size() - 4)) return damaged("checksum mismatch");

  bytes::Reader r(body.substr(kMagic.size() + 1));
  Snapshot s;
  std::uint64_t wall = 0, logical = 0, ids = 0, quarantined = 0;
  if (!r.varint(&s.op_count) || !r.varint(&s.record_count) || s.record_count < s.op_count || !r.varint(&wall) || !r.varint(&logical) || !r.id(&s.frontier.device) ||
      !r.id(&s.frontier.op_id) || !r.varint(&ids) || ids != s.op_count || ids > r.remaining() / 16) {
    return damaged("header");
  }
  s.frontier.hlc = {static_cast<std::int64_t>(wall), static_cast<std::uint32_t>(logical)};
  s.op_ids.resize(static_cast<std::size_t>(ids));
  for (Id& id : s.op_ids) {
    if (!r.id(&id)) return damaged("op ids");
  }
  // Written in the replica's order (the writer never sorts: it runs between
  // frames); sorted here, at start-up, where the time is budgeted.
  if (!std::is_sorted(s.op_ids.begin(), s.op_ids.end())) std::sort(s.op_ids.begin(), s.op_ids.end());
  if (std::adjacent_find(s.op_ids.begin(), s.op_ids.end()) != s.op_ids.end()) return damaged("op ids repeated");
  if (!r.varint(&quarantined) || quarantined > r.remaining()) return damaged("set-aside records");
  for (std::uint64_t i = 0; i < quarantined; ++i) {
    std::uint64_t index = 0;
    std::string reason;
    if (!r.varint(&index) || !r.text(&reason)) return damaged("set-aside records");
    s.quarantined.push_back({static_cast<std::size_t>(index), std::move(reason)});
  }
  MasterData& d = s.data;
  auto read_entity = [](bytes::Reader& rr, auto& x) { return read_snapshot_entity(rr, x); };
  if (!r.id(&d.community.id) || !r.text(&d.community.name) || !r.text(&d.community.city)) return damaged("community");
  if (!read_section(r, d.buildings) || !read_section(r, d.units) || !read_section(r, d.residents) || !read_section(r, d.staff) ||
      !read_section(r, d.zones) || !read_section(r, d.checkpoints) || !read_section(r, d.photos) ||
      !read_section(r, d.rounds.rounds, [version](bytes::Reader& rr, Round& x) { return read(rr, x, version); }) || !read_section(r, d.rounds.answers) || !read_section(r, d.rounds.findings) ||
      (version >= 4 && (!read_section(r, d.rounds.checklists) || !read_section(r, d.tickets.tickets) ||
                        !read_section(r, d.tickets.prices) || !read_section(r, d.tickets.visits) || !read(r, d.tickets.settings) ||
                        !read_section(r, d.keys.keys) ||
                        !read_section(r, d.keys.loans) || !read_section(r, d.keys.events) || !read_section(r, d.keys.departures) ||
                        !read_section(r, d.handovers.handovers) || !read_section(r, d.incidents.incidents, read_entity) ||
                        !read_section(r, d.renovation.renovations, read_entity))) ||
      !r.done()) {
    return damaged("entities");
  }
  return s;
}

}  // namespace app
