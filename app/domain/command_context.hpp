#pragma once
// app::CommandContext: what a workflow's service (app/<workflow>/*_service.*)
// is handed by the Session. The service owns its commands, queries and read
// models; the context owns what every workflow shares: the projection, who
// records, the clocks, and the one commit pipeline (memory at once, storage
// behind, "saved" only when storage says so).
//
// Services keep their read models keyed on version(): it changes with every
// change of the projection and never repeats, even across a reload from the
// whole log, so a cached pointer into a discarded projection is never reused.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/local_time.hpp"
#include "app/core/result.hpp"
#include "app/domain/master_data.hpp"
#include "app/domain/views.hpp"
#include "app/ops/op.hpp"

namespace app {

class CommandContext {
 public:
  virtual ~CommandContext() = default;

  // --- reading ---
  virtual const MasterData& data() const = 0;
  virtual std::uint64_t version() const = 0;
  // The archive rows (units with labels, zones), built on demand.
  virtual const Views& views() const = 0;

  // --- recording ---
  // Refused (with a reason) on a read-only tab.
  virtual Status writable() const = 0;
  virtual Id new_id() = 0;
  // An op by this tablet's actor, stamped on the hybrid clock.
  virtual Op make_op(OpKind kind, const Id& entity, Payload payload) = 0;
  // Applied to memory at once and handed to storage.
  virtual Status commit(std::vector<Op> ops) = 0;
  // A photo already stored here (named by its SHA-256) attached to `parent`,
  // taken now. The caller checks that the parent is known.
  Result<Id> add_photo(const Id& parent, std::string_view sha256);
  // The same photo as a payload, for a command that commits it together with
  // another op (a finding verified with its "after" photo).
  Payload photo_payload(const Id& parent, std::string_view sha256) const;

  // --- who and when ---
  virtual const Id& actor() const = 0;
  // The prefix this tablet numbers its `letter` records under ("T3"; the
  // rule is app/core/record_number.hpp).
  virtual std::string record_prefix(char letter) const = 0;
  virtual std::int64_t now_ms() const = 0;
  // "Now" for deadlines: never before the latest time this tablet has seen,
  // so a clock set back cannot make anything look less late.
  virtual std::int64_t lateness_now_ms() const = 0;
  virtual int utc_offset_minutes() const = 0;

  // Shared answers built on the above.
  LocalTime local(std::int64_t wall_ms) const { return local_time(wall_ms, utc_offset_minutes()); }
  std::int64_t today() const { return local(now_ms()).day; }
  // A named staff member (nullptr: unknown, or a device not enrolled).
  const Staff* staff(const Id& id) const {
    auto it = data().staff.find(id);
    return it == data().staff.end() || it->second.name.empty() ? nullptr : &it->second;
  }
  std::string staff_name(const Id& id) const {
    auto it = data().staff.find(id);
    return it == data().staff.end() ? std::string() : it->second.name;
  }
  // A head butler or manager is signed in: who may edit checklists, the price
  // list and the deadlines, record departures, approve and sign off.
  bool lead_signed_in() const {
    auto it = data().staff.find(actor());
    return it != data().staff.end() && (it->second.role == Role::head_butler || it->second.role == Role::manager);
  }
  // The zones this person walks (the head butler, who has none, sees all).
  std::vector<const ZoneRow*> my_zones() const {
    std::vector<const ZoneRow*> mine, all;
    for (const ZoneRow& z : views().zones) {
      all.push_back(&z);
      auto it = data().zones.find(z.id);
      if (it != data().zones.end() && it->second.butler == actor()) mine.push_back(&z);
    }
    return mine.empty() ? all : mine;
  }
  // The role of whoever records now (nullptr: not enrolled).
  const Staff* actor_staff() const {
    auto it = data().staff.find(actor());
    return it == data().staff.end() ? nullptr : &it->second;
  }
};

}  // namespace app
