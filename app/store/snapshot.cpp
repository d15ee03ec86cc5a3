#include "app/store/snapshot.hpp"

#include <algorithm>

#include "app/core/bytes.hpp"
#include "app/ops/codec.hpp"
#include "app/store/snapshot_fields.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using bytes::put_id;
using bytes::put_text;
using bytes::put_varint;

constexpr std::string_view kMagic = "BUTLERSN";

Error damaged(std::string_view what) { return Error{"snapshot_damaged", "damaged snapshot: " + std::string(what)}; }

}  // namespace

// The areas, in stored order: the estate, then each workflow's that has a
// snapshot_<workflow>.cpp, in the order of app/workflows.cmake.
const std::vector<SnapshotSection>& snapshot_sections() {
  static const SnapshotSections sections = [] {
    SnapshotSections s;
    add_estate_sections(s);
#define BUTLER_WORKFLOW_SNAPSHOT(name) add_##name##_sections(s);
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_SNAPSHOT
    return s;
  }();
  return sections.all();
}

std::string& SnapshotChunks::sink() {
  if (chunks_.empty() || chunks_.back().size() >= kChunkBytes) {
    checksum_written();
    chunks_.emplace_back();
    // Room for the last entity to run past the mark without a reallocation.
    chunks_.back().reserve(kChunkBytes + kChunkBytes / 8);
    crc_done_ = 0;
  }
  return chunks_.back();
}

void SnapshotChunks::checksum_written() {
  if (chunks_.empty()) return;
  crc_ = bytes::crc32_update(crc_, std::string_view(chunks_.back()).substr(crc_done_));
  crc_done_ = chunks_.back().size();
}

void SnapshotChunks::finish() {
  checksum_written();
  bytes::put_u32(sink(), bytes::crc32_finish(crc_));
}

SnapshotWriter::SnapshotWriter(const MasterData& data, std::size_t op_count, IdAt id_at, std::uint64_t record_count,
                               const FoldKey& frontier, const std::vector<QuarantinedRecord>& quarantined)
    : data_(data), id_at_(std::move(id_at)), quarantined_(quarantined), op_count_(op_count) {
  std::string& out = out_.sink();
  out += kMagic;
  out.push_back(static_cast<char>(kSnapshotFormatVersion));
  put_varint(out, op_count_);
  put_varint(out, record_count);
  put_varint(out, static_cast<std::uint64_t>(frontier.hlc.wall_ms));
  put_varint(out, frontier.hlc.logical);
  put_id(out, frontier.device);
  put_id(out, frontier.op_id);
  put_varint(out, op_count_);
}

SnapshotWriter::~SnapshotWriter() = default;

void SnapshotWriter::write_ids(std::size_t& budget) {
  // Ids are cheap to write: a unit of budget is 16 of them.
  const auto count = static_cast<std::size_t>(op_count_);
  const std::size_t n = std::min(count - ids_written_, budget * 16);
  for (std::size_t i = 0; i < n; ++i) put_id(out_.sink(), id_at_(ids_written_ + i));
  ids_written_ += n;
  budget -= std::min(budget, (n + 15) / 16);
  if (ids_written_ == count) {
    id_at_ = nullptr;
    phase_ = Phase::set_aside;
  }
}

void SnapshotWriter::write_set_aside() {
  std::string& out = out_.sink();
  put_varint(out, quarantined_.size());
  for (const QuarantinedRecord& q : quarantined_) {
    put_varint(out, q.index);
    put_text(out, q.reason);
  }
  phase_ = Phase::sections;
}

bool SnapshotWriter::step(std::size_t budget) {
  const std::vector<SnapshotSection>& sections = snapshot_sections();
  while (phase_ != Phase::done && budget > 0) {
    switch (phase_) {
      case Phase::ids: write_ids(budget); break;
      case Phase::set_aside: write_set_aside(); break;
      case Phase::sections:
        if (section_ < sections.size() && sections[section_].since <= kSnapshotFormatVersion) {
          if (!cursor_) cursor_ = sections[section_].cursor(data_, kSnapshotFormatVersion);
          if (!cursor_->write(out_, budget)) break;
          cursor_.reset();
        }
        if (++section_ >= sections.size()) phase_ = Phase::done;
        break;
      case Phase::done: break;
    }
  }
  // The checksum follows the bytes as they are written, so the last step
  // does not pay for all of them at once.
  out_.checksum_written();
  if (phase_ == Phase::done) out_.finish();
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
  // An older format has only the sections it had then.
  snapshot_fields::SnapshotIn in(r, version);
  for (const SnapshotSection& section : snapshot_sections()) {
    if (section.since > version) continue;
    if (!section.read(in, s.data)) return damaged(section.name);
  }
  if (!r.done()) return damaged("bytes after the last section");
  return s;
}

}  // namespace app
