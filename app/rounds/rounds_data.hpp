#pragma once
// Rounds as folded state: rounds started and finished, every answer given at
// a checkpoint, and the findings that failed items became. Part of the
// replica's state (MasterData::rounds) so it folds, snapshots and syncs like
// everything else.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/rounds/checklist_types.hpp"

namespace app {

enum class ItemResult : std::int64_t { pass = 0, fail = 1, not_applicable = 2 };
bool is_item_result(std::int64_t v);

// What a round walks. The manuals' daily duties each become one kind: the
// zone's public areas, its vacant and renovating units (巡楼), the model units'
// morning opening and evening closing, and the gate greeting (a sign-in with
// no checklist).
enum class RoundKind : std::int64_t { zone = 0, units = 1, model_open = 2, model_close = 3, gate = 4 };
bool is_round_kind(std::int64_t v);

struct Round {
  Id id, zone, butler;            // butler: who started it (the op's actor)
  RoundKind kind = RoundKind::zone;  // ops written before kinds existed are zone rounds
  std::int64_t day = 0;           // local date yyyymmdd
  std::int64_t started_ms = 0, finished_ms = 0;  // finished_ms 0: still open
  std::string pins;               // edited checklists' versions when it started ("lift:3"); others are built-in
  std::vector<Id> route;          // a zone round's checkpoints as they were when it started (empty: before routes were pinned)
  std::string finish_note;        // finished with checkpoints unchecked: the butler's reason
  bool operator==(const Round&) const = default;
};

// The latest answer to one item at one checkpoint of one round.
struct Answer {
  Id id, round, checkpoint;
  std::int64_t item = 0;
  ItemResult result = ItemResult::pass;
  std::string note;
  std::int64_t reading = 0;
  bool has_reading = false;
  std::string checklist;          // template key and version the answer was given against
  std::int64_t version = 0;
  std::int64_t at_ms = 0;
  bool operator==(const Answer&) const = default;
};

struct Finding {
  Id id, round, checkpoint, opened_by, verified_by;
  std::int64_t item = 0;
  std::string note;
  bool urgent = false;
  std::string told;               // urgent: whom the butler told by radio
  std::string department;         // not urgent: where the dispatch slip went
  std::int64_t opened_ms = 0;
  std::int64_t verified_ms = 0;   // 0: still open
  std::string verify_note;
  // A red meter display at a unit (000:569 "及时通知业主购电"): the owner is to
  // be told, not a department; done when the butler records having told them.
  bool owner_notice = false;
  bool open() const { return verified_ms == 0; }
  bool operator==(const Finding&) const = default;
};

// A head butler's edit of a checklist: a new version, never a change of an
// old one (rounds started on it keep it).
struct SavedChecklist {
  Id id;                          // checklist_entity(key, version)
  ChecklistTemplate checklist;
  Id saved_by;
  std::int64_t saved_ms = 0;
  bool operator==(const SavedChecklist&) const = default;
};

struct RoundsData {
  std::unordered_map<Id, Round, IdHash> rounds;
  std::unordered_map<Id, Answer, IdHash> answers;
  std::unordered_map<Id, Finding, IdHash> findings;
  std::unordered_map<Id, SavedChecklist, IdHash> checklists;
  bool operator==(const RoundsData&) const = default;
};

bool is_rounds_kind(OpKind kind);
void apply_rounds(RoundsData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData, not included here: it is the layer above).
template <class Projection>
void fold_rounds(Projection& d, const Op& op) {
  apply_rounds(d.rounds, op);
}

// The entity id of the answer to (round, checkpoint, item): the same on every
// tablet, so two answers to one item fold to the later one.
Id answer_id(const Id& round, const Id& checkpoint, std::int64_t item);
// The entity of a checklist's version: two head butlers saving the same
// version offline fold to one (the later in fold order), deterministically.
Id checklist_entity(std::string_view key, std::int64_t version);

}  // namespace app
