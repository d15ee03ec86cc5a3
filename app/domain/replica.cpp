#include "app/domain/replica.hpp"

#include <algorithm>

namespace app {

std::size_t Replica::add(const std::vector<Op>& ops) { return add(std::vector<Op>(ops)); }

std::size_t Replica::add(std::vector<Op>&& ops) {
  seen_.reserve(seen_.size() + ops.size());
  std::vector<Op> fresh;
  fresh.reserve(ops.size());
  for (Op& op : ops) {
    if (seen_.insert(op.op_id).second) fresh.push_back(std::move(op));
  }
  const std::size_t added = fresh.size();
  if (added == 0) return 0;
  // The stored log comes back in commit order, which is almost always fold
  // order already: check before paying for a sort.
  if (!std::is_sorted(fresh.begin(), fresh.end(), op_before)) std::sort(fresh.begin(), fresh.end(), op_before);

  const bool in_order = log_.empty() || op_before(log_.back(), fresh.front());
  if (in_order) {
    for (const Op& op : fresh) apply_master_data(data_, op);
    if (log_.empty()) log_ = std::move(fresh);
    else log_.insert(log_.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
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
  return added;
}

}  // namespace app
