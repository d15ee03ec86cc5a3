#pragma once
// The local replica: the op log in fold order and the projection it folds to.
// The same op set gives the same state whatever order the ops arrived in:
// an op that sorts after everything applied is folded on at once; a late op
// (from sync, or a tablet whose clock was behind) that sorts earlier makes the
// projection refold from the start. Refolding is O(ops) and only happens on
// late arrivals, which are rare and come in batches.
#include <cstddef>
#include <unordered_set>
#include <vector>

#include "app/domain/master_data.hpp"
#include "app/ops/op.hpp"

namespace app {

class Replica {
 public:
  // Adds ops (any order, duplicates ignored). Returns how many were new.
  std::size_t add(const std::vector<Op>& ops);
  std::size_t add(std::vector<Op>&& ops);  // the same, without copying (start-up, import)
  bool contains(const Id& op_id) const { return seen_.count(op_id) != 0; }

  const MasterData& data() const { return data_; }
  const std::vector<Op>& log() const { return log_; }
  std::size_t refolds() const { return refolds_; }

  // Bumped on every change: views cache against it.
  std::uint64_t version() const { return version_; }

 private:
  std::vector<Op> log_;  // sorted by op_before
  std::unordered_set<Id, IdHash> seen_;
  MasterData data_;
  std::uint64_t version_ = 0;
  std::size_t refolds_ = 0;
};

}  // namespace app
