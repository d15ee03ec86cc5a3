#pragma once
// A projection snapshot: the folded state as of a point in the log, so that
// start-up decodes one compact value and folds only the ops recorded after it
// instead of every op ever recorded (216,000 ops: ~0.9 s of folding, 31 MB of
// records in memory; the snapshot is a third of that and decodes without
// parsing a single op).
//
// Layout: "BUTLERSN" | format version (1 byte) | op count | stored record
// count (the position the records after it start at) | frontier (the last
// covered op's fold key) | the covered op ids (for telling a known op from a
// new one; sorted when read, so taking a snapshot never sorts) | records set
// aside as damaged | the community, buildings, units, residents, staff,
// zones, checkpoints, photos, rounds, answers, findings, checklist versions,
// tickets, price list, visits, ticket settings, keys, loans, key events,
// departures, handovers, incidents, renovation applications | CRC-32 of all
// before it. The estate's and the rounds' entities are encoded in
// snapshot.cpp, the other areas' in snapshot_tickets, snapshot_keys (with the
// handovers), snapshot_incidents and snapshot_renovation. A snapshot is a
// cache: one that fails its checksum or has a version this build does not
// know is dropped and rebuilt from the log, which is never touched by
// snapshotting.
//
// Writing is done in steps (SnapshotWriter::step) so the shell can spread it
// over frames; the state must not change between steps (the session aborts
// the writer when it does). Nothing in a step is proportional to the whole
// snapshot: the op ids are read where they live, not copied first, and the
// bytes go into chunks of kChunkBytes, never one string that grows (a 15 MB
// string doubling copied itself in one step: 6 ms of a frame).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/domain/master_data.hpp"
#include "app/domain/snapshot_state.hpp"
#include "app/ops/op.hpp"

namespace app {

// 2: photos, then rounds, answers and findings were added after the checkpoints.
// 3: each round carries its kind (zone, units, model opening/closing, gate)
//    and its pinned checklist versions; the head butler's checklist versions
//    follow the findings, then the tickets with their histories, the price list and visits, the key cabinet
//    (keys, loans, lost-key events, departures), the shift handovers, the incidents and the renovation
//    applications (app/store/snapshot_incidents.hpp, snapshot_renovation.hpp). A format-2 snapshot still reads: its rounds are
//    zone rounds on the built-in checklists.
// A snapshot of any other version is dropped and rebuilt from the log (it is
// only a cache). Format 3 (tickets without slips, no key cabinet) is such a
// one: its sections no longer line up with 4's.
inline constexpr unsigned char kSnapshotFormatVersion = 4;

Result<Snapshot> decode_snapshot(std::string_view bytes);

class SnapshotWriter {
 public:
  // The i-th covered op's id, for i < op_count, in the replica's order.
  using IdAt = std::function<Id(std::size_t)>;
  static constexpr std::size_t kChunkBytes = 256 * 1024;

  // `data` and what `id_at` reads must stay unchanged until the writer is
  // done or dropped.
  SnapshotWriter(const MasterData& data, std::size_t op_count, IdAt id_at, std::uint64_t record_count, const FoldKey& frontier,
                 const std::vector<QuarantinedRecord>& quarantined);
  // Writes up to `budget` more entities; true once the snapshot is complete.
  bool step(std::size_t budget);
  bool done() const { return phase_ == Phase::done; }
  std::uint64_t op_count() const { return op_count_; }
  // The finished bytes (once done()), in order, each chunk about kChunkBytes;
  // leaves the writer empty.
  std::vector<std::string> take() { return std::move(chunks_); }

 private:
  enum class Phase { ids, tail, buildings, units, residents, staff, zones, checkpoints, photos, rounds, answers, findings, checklists, tickets,
                     prices, visits, ticket_settings, keys, loans, key_events, departures, handovers, incidents, renovations, done };
  // The chunk to append to: a new one once the current one is full.
  std::string& sink();
  void checksum_written();
  void write_ids(std::size_t& budget);
  void write_tail();
  template <typename Map, typename Write>
  bool write_section(const Map& map, typename Map::const_iterator& it, bool& started, std::size_t& budget, Write write);

  const MasterData& data_;
  IdAt id_at_;
  std::size_t ids_written_ = 0;
  std::vector<QuarantinedRecord> quarantined_;
  std::vector<std::string> chunks_;
  std::uint64_t op_count_ = 0;
  Phase phase_ = Phase::ids;
  bool section_started_ = false;
  std::unordered_map<Id, Building, IdHash>::const_iterator building_it_;
  std::unordered_map<Id, Unit, IdHash>::const_iterator unit_it_;
  std::unordered_map<Id, Resident, IdHash>::const_iterator resident_it_;
  std::unordered_map<Id, Staff, IdHash>::const_iterator staff_it_;
  std::unordered_map<Id, Zone, IdHash>::const_iterator zone_it_;
  std::unordered_map<Id, Checkpoint, IdHash>::const_iterator checkpoint_it_;
  std::unordered_map<Id, Photo, IdHash>::const_iterator photo_it_;
  std::unordered_map<Id, Round, IdHash>::const_iterator round_it_;
  std::unordered_map<Id, Answer, IdHash>::const_iterator answer_it_;
  std::unordered_map<Id, Finding, IdHash>::const_iterator finding_it_;
  std::unordered_map<Id, SavedChecklist, IdHash>::const_iterator checklist_it_;
  std::unordered_map<Id, Ticket, IdHash>::const_iterator ticket_it_;
  std::unordered_map<Id, PriceItem, IdHash>::const_iterator price_it_;
  std::unordered_map<Id, Visit, IdHash>::const_iterator visit_it_;
  std::unordered_map<Id, KeyRecord, IdHash>::const_iterator key_it_;
  std::unordered_map<Id, Loan, IdHash>::const_iterator loan_it_;
  std::unordered_map<Id, KeyEvent, IdHash>::const_iterator key_event_it_;
  std::unordered_map<Id, Departure, IdHash>::const_iterator departure_it_;
  std::unordered_map<Id, Handover, IdHash>::const_iterator handover_it_;
  std::unordered_map<Id, Incident, IdHash>::const_iterator incident_it_;
  std::unordered_map<Id, Renovation, IdHash>::const_iterator renovation_it_;
  std::uint32_t crc_ = 0;
  std::size_t crc_done_ = 0;  // bytes of the last chunk already in crc_
};

// The whole snapshot at once (tests, tools).
std::string encode_snapshot(const MasterData& data, std::vector<Id> op_ids, std::uint64_t record_count, const FoldKey& frontier,
                            const std::vector<QuarantinedRecord>& quarantined);

}  // namespace app
