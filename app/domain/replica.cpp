#include "app/domain/replica.hpp"

#include <algorithm>

#include "app/ops/codec.hpp"

namespace app {
namespace {

bool entry_before(const Replica::Entry& a, const Replica::Entry& b) {
  if (a.hlc != b.hlc) return a.hlc < b.hlc;
  if (a.device != b.device) return a.device < b.device;
  return a.op_id < b.op_id;
}

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
    if (!seen_.insert(op.op_id).second) continue;
    records.push_back(keep(encode_op(op)));
    fresh.push_back(std::move(op));
  }
  return add_loaded(std::move(fresh), records, nullptr);
}

std::size_t Replica::add_loaded(std::vector<Op>&& ops, const std::vector<std::string_view>& records,
                                std::shared_ptr<const void> arena) {
  // Whether this is start-up, decided before `arena` is moved from: checking
  // `arena` itself below would always see null and skip the dedupe, leaving
  // loaded ops out of seen_ (so contains() forgot them after a restart).
  const bool loading = arena != nullptr;
  if (arena) arenas_.push_back(std::move(arena));
  std::size_t added = 0;
  bool late = false;
  reserve_for(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    // add() has already claimed its ops in seen_; start-up claims them here.
    if (loading && !seen_.insert(op.op_id).second) continue;
    Entry entry{op.hlc, op.device_id, op.op_id, records[i]};
    if (!late && (log_.empty() || entry_before(log_.back(), entry))) {
      apply_master_data(data_, op);  // the common case: in order, fold on
    } else {
      late = true;                   // sorts before what is applied: refold below
    }
    log_.push_back(entry);
    ++added;
  }
  if (added == 0) return 0;
  if (late) refold();
  ++version_;
  return added;
}

}  // namespace app
