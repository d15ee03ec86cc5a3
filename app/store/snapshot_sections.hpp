#pragma once
// The sections of a projection snapshot (app/store/snapshot.hpp), one table
// in stored order. Each area registers its own in its snapshot_<area>.cpp
// (add_rounds_sections, add_keys_sections, …: one line a map, naming it, the
// first format version that holds it and where it lives in MasterData), and
// snapshot.cpp calls them in order (snapshot_sections()). The
// writer walks the table in budgeted steps, the reader in one go; both take
// each entity's fields from its one `fields(v, x)` (snapshot_fields.hpp).
//
// Adding a map to an area: its fields(v, x) and one line in the area's
// add_*_sections. Adding a workflow's area: its snapshot_<workflow>.cpp with
// add_<workflow>_sections(), found by cmake/workflow_registry.cmake and called
// in the order of app/workflows.cmake. Either changes the
// bytes: a new format version (kSnapshotFormatVersion, snapshot.hpp) and a
// new pinned digest (tests/unit/snapshot_format_test.cpp).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/core/bytes.hpp"
#include "app/domain/master_data.hpp"
#include "app/store/snapshot_fields.hpp"

namespace app {

// The snapshot's bytes as they are written: chunks of about kChunkBytes
// (never one string that grows: a 15 MB string doubling copied itself in one
// step, 6 ms of a frame), checksummed as they fill.
class SnapshotChunks {
 public:
  static constexpr std::size_t kChunkBytes = 256 * 1024;
  // The chunk to append to: a new one once the current one is full.
  std::string& sink();
  // Takes what was appended since the last call into the checksum.
  void checksum_written();
  // Appends the CRC-32 of all the bytes before it.
  void finish();
  std::vector<std::string> take() { return std::move(chunks_); }

 private:
  std::vector<std::string> chunks_;
  std::uint32_t crc_ = bytes::crc32_start();
  std::size_t crc_done_ = 0;  // bytes of the last chunk already in crc_
};

// One section being written, resumable: each write() goes on where the last
// stopped. A unit of budget is one entity.
class SectionCursor {
 public:
  virtual ~SectionCursor() = default;
  // Writes up to `budget` more entities, taking one unit each; true once the
  // section is complete.
  virtual bool write(SnapshotChunks& out, std::size_t& budget) = 0;
};

struct SnapshotSection {
  std::string_view name;  // for the reader's "damaged snapshot: …"
  unsigned char since;    // the first format version that holds it; older ones are read without it
  // Starts writing it: the cursor reads `data` in place (nothing is copied).
  std::unique_ptr<SectionCursor> (*cursor)(const MasterData& data, unsigned char version);
  bool (*read)(snapshot_fields::SnapshotIn& in, MasterData& data);
};

namespace snapshot_sections_detail {

// A map of entities by id: the count (varint), then each entity.
template <class Map, class Fields>
class MapCursor final : public SectionCursor {
 public:
  MapCursor(const Map& map, unsigned char version) : map_(map), it_(map.begin()), version_(version) {}
  bool write(SnapshotChunks& out, std::size_t& budget) override {
    if (!started_) {
      bytes::put_varint(out.sink(), map_.size());
      started_ = true;
    }
    for (; it_ != map_.end() && budget > 0; ++it_, --budget) {
      snapshot_fields::SnapshotOut v(out.sink(), version_);
      Fields{}(v, it_->second);
    }
    return it_ == map_.end();
  }

 private:
  const Map& map_;
  typename Map::const_iterator it_;
  unsigned char version_;
  bool started_ = false;
};

// One value, no count (the community, the ticket settings): it takes no budget.
template <class T, class Fields>
class ValueCursor final : public SectionCursor {
 public:
  ValueCursor(const T& value, unsigned char version) : value_(value), version_(version) {}
  bool write(SnapshotChunks& out, std::size_t&) override {
    snapshot_fields::SnapshotOut v(out.sink(), version_);
    Fields{}(v, value_);
    return true;
  }

 private:
  const T& value_;
  unsigned char version_;
};

// The count bounds the reservation by what the bytes could hold (an entity
// is >= 16 bytes); a repeated id keeps the first.
template <class Map, class Fields>
bool read_map(snapshot_fields::SnapshotIn& in, Map& map) {
  std::uint64_t n = 0;
  if (!in.count(&n, 16)) return false;
  map.reserve(static_cast<std::size_t>(n));
  for (std::uint64_t i = 0; i < n; ++i) {
    typename Map::mapped_type item;
    if (!Fields{}(in, item)) return false;
    const Id id = item.id;
    map.emplace(id, std::move(item));
  }
  return true;
}

}  // namespace snapshot_sections_detail

class SnapshotSections {
 public:
  // `fields`: a captureless lambda calling the area's fields(v, x);
  // `access`: a captureless lambda from a MasterData (const or not) to the
  // section's map or value, e.g. [](auto& d) -> auto& { return d.keys.loans; }.
  template <class Fields, class Access>
  void map(std::string_view name, unsigned char since, Fields, Access) {
    using Map = std::remove_const_t<std::remove_reference_t<decltype(Access{}(std::declval<const MasterData&>()))>>;
    sections_.push_back({name, since,
                         [](const MasterData& d, unsigned char version) -> std::unique_ptr<SectionCursor> {
                           return std::make_unique<snapshot_sections_detail::MapCursor<Map, Fields>>(Access{}(d), version);
                         },
                         [](snapshot_fields::SnapshotIn& in, MasterData& d) {
                           return snapshot_sections_detail::read_map<Map, Fields>(in, Access{}(d));
                         }});
  }
  template <class Fields, class Access>
  void value(std::string_view name, unsigned char since, Fields, Access) {
    using T = std::remove_const_t<std::remove_reference_t<decltype(Access{}(std::declval<const MasterData&>()))>>;
    sections_.push_back({name, since,
                         [](const MasterData& d, unsigned char version) -> std::unique_ptr<SectionCursor> {
                           return std::make_unique<snapshot_sections_detail::ValueCursor<T, Fields>>(Access{}(d), version);
                         },
                         [](snapshot_fields::SnapshotIn& in, MasterData& d) { return Fields{}(in, Access{}(d)); }});
  }
  const std::vector<SnapshotSection>& all() const { return sections_; }

 private:
  std::vector<SnapshotSection> sections_;
};

// Every section, in stored order (snapshot.cpp).
const std::vector<SnapshotSection>& snapshot_sections();

// Each area's sections, in their stored order (snapshot_<area>.cpp).
void add_estate_sections(SnapshotSections& s);
// add_rounds_sections, add_tickets_sections, …: each workflow's snapshot_<workflow>.cpp.
#define BUTLER_WORKFLOW_SNAPSHOT(name) void add_##name##_sections(SnapshotSections& s);
#include "butler_workflows/list.inc"
#undef BUTLER_WORKFLOW_SNAPSHOT

}  // namespace app
