#include "app/domain/replica.hpp"

#include <algorithm>

namespace app {

std::size_t Replica::add(const std::vector<Op>& ops) {
  std::vector<Op> fresh;
  fresh.reserve(ops.size());
  for (const Op& op : ops) {
    if (seen_.insert(op.op_id).second) fresh.push_back(op);
  }
  if (fresh.empty()) return 0;
  std::sort(fresh.begin(), fresh.end(), op_before);

  const bool in_order = log_.empty() || op_before(log_.back(), fresh.front());
  if (in_order) {
    for (const Op& op : fresh) apply_master_data(data_, op);
    log_.insert(log_.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
  } else {
    // A late arrival: merge into the log and fold everything again.
    std::vector<Op> merged;
    merged.reserve(log_.size() + fresh.size());
    std::merge(std::make_move_iterator(log_.begin()), std::make_move_iterator(log_.end()),
               std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()), std::back_inserter(merged),
               op_before);
    log_ = std::move(merged);
    data_ = MasterData{};
    for (const Op& op : log_) apply_master_data(data_, op);
    ++refolds_;
  }
  ++version_;
  return fresh.size();
}

}  // namespace app
