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
// aside as damaged | the sections: the community, buildings, units,
// residents, staff, zones, checkpoints, photos, moves, rounds, answers, findings,
// checklist versions, tickets, price list, visits, ticket settings, keys,
// loans, key events, departures, handovers, incidents, renovation
// applications | CRC-32 of all before it. The sections are one table
// (snapshot_sections.hpp): each area registers its own in its
// snapshot_<area>.cpp, where each entity type lists its fields once for both
// writing and reading (snapshot_fields.hpp), and snapshot.cpp lists the areas
// in order. A snapshot is a cache: one that fails its checksum or has a
// version this build does not know is dropped and rebuilt from the log, which
// is never touched by snapshotting.
//
// Writing is done in steps (SnapshotWriter::step) so the shell can spread it
// over frames; the state must not change between steps (the session aborts
// the writer when it does). Nothing in a step is proportional to the whole
// snapshot: the op ids are read where they live, not copied first, each
// section is walked in place by a cursor, and the bytes go into chunks of
// kChunkBytes, never one string that grows (a 15 MB string doubling copied
// itself in one step: 6 ms of a frame).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/result.hpp"
#include "app/domain/master_data.hpp"
#include "app/domain/snapshot_state.hpp"
#include "app/ops/op.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {

// 2: photos, then rounds, answers and findings were added after the checkpoints.
// 3: each round carries its kind (zone, units, model opening/closing, gate)
//    and its pinned checklist versions; the head butler's checklist versions
//    follow the findings, then the tickets with their histories, the price list and visits, the key cabinet
//    (keys, loans, lost-key events, departures), the shift handovers, the incidents and the renovation
//    applications. A format-2 snapshot still reads: its rounds are zone rounds on
//    the built-in checklists (each section and field says the version it came in).
// 5: a resident's relation (业主/家属/租户), a zone's and a checkpoint's retired
//    flag, and the households' moves in and out after the photos; a round's
//    pinned route; the office files imported (the set-up's section); retired
//    keys (a flag at the end of each key). A format-2
//    snapshot still reads (its residents' relation follows their owner flag).
// 7: a ticket's record number (T3-0042), after its history; a renovation
//    violation notice's (N3-0007), after its rectified day.
// 8: the looks at residents' whole phones (contact_views), after the moves; the
//    ticket settings end with the callback re-check's share and period.
// 9: a ticket's complaint record and acts (被投诉人/部门, escalation, the owner's
//    answer, a later date asked and approved) after its number; each history
//    entry ends with the role handed up to and the later date. A loan's
//    borrower signature and overnight approval (after its transfers); an
//    incident's filed reports (after its notes) and a step's call details
//    (the lift company's person and the arrival time they gave).
// 10: a unit's recorded status after its status (the status is derived: 装修中
//    while an application's works run); a renovation's violation notice
//    carries its actions as a set; a ticket ends with whether every service
//    event is called back for it and a night log's hand-over time, and the
//    ticket settings with the complaints' callback window.
// 11: a ticket ends with its lifecycle flag, its slip's signing at engineering
//    (when, by whom, the strokes), its acceptance (when, by whom) and its
//    slip's off-list review; a ticket step may be an off-list review.
//    The mail register (items with their notices and conflicts) and its
//    return-to-sender setting, after the renovations; the estate hours end
//    with the zone round's window and the closing grace.
// 12: a finding ends with whether it is a notice to the unit's owner.
// 13: the outage notices and the visitors register (接待来访: visits with their told, left and ticket), after the mail.
// A snapshot of any other version is dropped and rebuilt from the log (it is
// only a cache). Format 3 (tickets without slips, no key cabinet) is such a
// one: its sections no longer line up with 4's; and format 4, whose residents,
// zones and checkpoints are shorter than 5's; and format 5, whose rounds have
// no reason for finishing incomplete; and format 6, whose tickets and notices have no number; and format 7, which has no
// contact_views section and whose ticket settings stop before the re-check's; and format 8, whose tickets stop
// at their number and whose loans and incidents end earlier; and format 9, whose units have no recorded status and
// whose tickets and ticket settings end earlier; and format 10, whose tickets end earlier and which has no mail; and format 11, whose findings end earlier; and format 12, which has no outage notices or visitors.
inline constexpr unsigned char kSnapshotFormatVersion = 13;

Result<Snapshot> decode_snapshot(std::string_view bytes);

class SnapshotWriter {
 public:
  // The i-th covered op's id, for i < op_count, in the replica's order.
  using IdAt = std::function<Id(std::size_t)>;
  static constexpr std::size_t kChunkBytes = SnapshotChunks::kChunkBytes;

  // `data` and what `id_at` reads must stay unchanged until the writer is
  // done or dropped.
  SnapshotWriter(const MasterData& data, std::size_t op_count, IdAt id_at, std::uint64_t record_count, const FoldKey& frontier,
                 const std::vector<QuarantinedRecord>& quarantined);
  ~SnapshotWriter();
  // Writes up to `budget` more entities (or 16 times as many op ids); true
  // once the snapshot is complete.
  bool step(std::size_t budget);
  bool done() const { return phase_ == Phase::done; }
  std::uint64_t op_count() const { return op_count_; }
  // The finished bytes (once done()), in order, each chunk about kChunkBytes;
  // leaves the writer empty.
  std::vector<std::string> take() { return out_.take(); }

 private:
  enum class Phase { ids, set_aside, sections, done };
  void write_ids(std::size_t& budget);
  void write_set_aside();

  const MasterData& data_;
  IdAt id_at_;
  std::size_t ids_written_ = 0;
  std::vector<QuarantinedRecord> quarantined_;
  SnapshotChunks out_;
  std::uint64_t op_count_ = 0;
  Phase phase_ = Phase::ids;
  std::size_t section_ = 0;                // the next of snapshot_sections() to write
  std::unique_ptr<SectionCursor> cursor_;  // the one being written, if it is under way
};

// The whole snapshot at once (tests, tools).
std::string encode_snapshot(const MasterData& data, std::vector<Id> op_ids, std::uint64_t record_count, const FoldKey& frontier,
                            const std::vector<QuarantinedRecord>& quarantined);

}  // namespace app
