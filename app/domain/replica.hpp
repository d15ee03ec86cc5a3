#pragma once
// The local replica: the op log in fold order and the projection it folds to.
// The same op set gives the same state whatever order the ops arrived in:
// an op that sorts after everything applied is folded on at once; a late op
// (from sync, or a tablet whose clock was behind) that sorts earlier makes the
// projection refold from the start. Refolding is O(ops) and only happens on
// late arrivals, which are rare and come in batches.
//
// The log is kept encoded (each op's own record, ~145 bytes) rather than as
// decoded Ops (~300 bytes with their payload vectors): at 200,000 ops that is
// the difference between fitting a tablet's memory budget or not. A refold
// decodes again; records in the log were validated when they came in.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/ops/op.hpp"
#include "app/domain/snapshot_state.hpp"

namespace app {

class Replica {
 public:
  struct Entry {
    Hlc hlc;
    Id device;
    Id op_id;
    std::string_view record;  // the op's encoded record, owned by the replica
  };

  // Adds ops (any order, duplicates ignored). Returns how many were new.
  std::size_t add(const std::vector<Op>& ops);
  std::size_t add(std::vector<Op>&& ops);

  // Start-up: records already validated by their caller, decoded as `ops`
  // (parallel), living in `arena`, which the replica keeps. Ops are folded
  // and then dropped; only the records stay.
  std::size_t add_loaded(std::vector<Op>&& ops, const std::vector<std::string_view>& records,
                         std::shared_ptr<const void> arena) {
    return fold_in(std::move(ops), records, std::move(arena), false);
  }

  // Starts from a snapshot's state; only on an empty replica.
  void install_base(Snapshot&& base);

  bool contains(const Id& op_id) const;
  const MasterData& data() const { return data_; }
  // The ops held with their records: all of them, or those after the base.
  const std::vector<Entry>& log() const { return log_; }
  std::size_t size() const { return base_ids_.size() + log_.size(); }
  bool has_base() const { return has_base_; }
  // A late op arrived that only a refold of the whole log can place.
  bool stale() const { return stale_; }
  // The ids of every op held (base first, then fold order), and the last
  // op's fold key: what a snapshot records.
  std::vector<Id> ids() const;
  // ids()[i] without building the vector (the background snapshot reads them
  // a few thousand per frame).
  const Id& id_at(std::size_t i) const { return i < base_ids_.size() ? base_ids_[i] : log_[i - base_ids_.size()].op_id; }
  FoldKey frontier() const;
  Op decode(const Entry& entry) const;       // the op of a log entry
  std::vector<Op> decoded_log() const;       // every op, in fold order (tests, tools)
  std::size_t refolds() const { return refolds_; }

  // Bumped on every change: views cache against it.
  std::uint64_t version() const { return version_; }

 private:
  std::string_view keep(std::string record);
  // `claimed`: add() has already taken the ops' ids into seen_.
  std::size_t fold_in(std::vector<Op>&& ops, const std::vector<std::string_view>& records,
                      std::shared_ptr<const void> arena, bool claimed);
  void refold();
  void reserve_for(std::size_t more);

  std::vector<Entry> log_;  // sorted by fold order
  bool has_base_ = false;
  bool stale_ = false;
  FoldKey base_frontier_;
  std::vector<Id> base_ids_;  // sorted
  std::unordered_set<Id, IdHash> seen_;
  std::vector<std::shared_ptr<const void>> arenas_;  // start-up buffers the log points into
  std::vector<std::unique_ptr<std::string[]>> blocks_;  // records added at run time
  std::size_t block_used_ = 0, block_size_ = 0;
  MasterData data_;
  std::uint64_t version_ = 0;
  std::size_t refolds_ = 0;
};

}  // namespace app
