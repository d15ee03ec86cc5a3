#include "app/domain/replica.hpp"

#include <algorithm>

#include "app/ops/codec.hpp"

namespace app {
namespace {

FoldKey key_of(const Replica::Entry& e) { return {e.hlc, e.device, e.op_id}; }
bool entry_before(const Replica::Entry& a, const Replica::Entry& b) { return key_of(a) < key_of(b); }

}  // namespace

std::string_view Replica::keep(std::string record) {
  // Records live in fixed blocks of strings so the views into them never move.
  if (block_used_ == block_size_) {
    block_size_ = 1024;
    blocks_.push_back(std::make_unique<std::string[]>(block_size_));
    block_used_ = 0;
  }
  std::string& slot = blocks_.back()[block_used_++];
  slot = std::move(record);
  return slot;
}

void Replica::install_base(Snapshot&& base) {
  data_ = std::move(base.data);
  base_ids_ = std::move(base.op_ids);
  base_frontier_ = base.frontier;
  has_base_ = true;
  ++version_;
}

bool Replica::contains(const Id& op_id) const {
  return seen_.count(op_id) != 0 || (has_base_ && std::binary_search(base_ids_.begin(), base_ids_.end(), op_id));
}

std::vector<Id> Replica::ids() const {
  std::vector<Id> ids;
  ids.reserve(size());
  ids.insert(ids.end(), base_ids_.begin(), base_ids_.end());
  for (const Entry& e : log_) ids.push_back(e.op_id);
  return ids;
}

FoldKey Replica::frontier() const {
  if (!log_.empty()) return key_of(log_.back());
  return base_frontier_;
}

Op Replica::decode(const Entry& entry) const {
  Result<Op> op = decode_op(entry.record);
  return op.ok() ? std::move(op).value() : Op{};  // cannot fail: validated on the way in
}

std::vector<Op> Replica::decoded_log() const {
  std::vector<Op> out;
  out.reserve(log_.size());
  for (const Entry& e : log_) out.push_back(decode(e));
  return out;
}

void Replica::refold() {
  std::sort(log_.begin(), log_.end(), entry_before);
  data_ = MasterData{};
  for (const Entry& e : log_) apply_master_data(data_, decode(e));
  ++refolds_;
}

void Replica::reserve_for(std::size_t more) {
  // Only for bulk additions: reserving one more for every single save would
  // reallocate the log and rehash the id set each time (O(log size) per save).
  if (more < 1024) return;
  log_.reserve(log_.size() + more);
  seen_.reserve(seen_.size() + more);
}

std::size_t Replica::add(const std::vector<Op>& ops) { return add(std::vector<Op>(ops)); }

std::size_t Replica::add(std::vector<Op>&& ops) {
  std::vector<std::string_view> records;
  records.reserve(ops.size());
  std::vector<Op> fresh;
  fresh.reserve(ops.size());
  reserve_for(ops.size());
  for (Op& op : ops) {
    if (contains(op.op_id) || !seen_.insert(op.op_id).second) continue;
    records.push_back(keep(encode_op(op)));
    fresh.push_back(std::move(op));
  }
  return fold_in(std::move(fresh), records, nullptr, true);
}

std::size_t Replica::fold_in(std::vector<Op>&& ops, const std::vector<std::string_view>& records,
                             std::shared_ptr<const void> arena, bool claimed) {
  if (arena) arenas_.push_back(std::move(arena));
  std::size_t added = 0;
  bool late = false;
  reserve_for(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    if (!claimed && (contains(op.op_id) || !seen_.insert(op.op_id).second)) continue;
    Entry entry{op.hlc, op.device_id, op.op_id, records[i]};
    if (stale_) {
      // Already waiting for a whole-log reload: keep the record, fold nothing.
    } else if (has_base_ && !(base_frontier_ < key_of(entry))) {
      stale_ = true;                 // sorts inside the snapshot: only the whole log can place it
    } else if (!late && (log_.empty() || entry_before(log_.back(), entry))) {
      apply_master_data(data_, op);  // the common case: in order, fold on
    } else {
      late = true;                   // sorts before what is applied: refold below
    }
    log_.push_back(entry);
    ++added;
  }
  if (added == 0) return 0;
  if (late && has_base_) stale_ = true;  // a refold would need the ops inside the base
  else if (late) refold();
  ++version_;
  return added;
}

}  // namespace app
