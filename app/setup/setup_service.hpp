#pragma once
// app::SetupService: a head butler or manager sets the community up on the
// tablet — zones (their buildings and butler), the checkpoints of each
// zone's route in walking order — and sees what the community still lacks
// before butlers can work (setup_index.hpp). Reached as session.setup().
// Imports of the office's files are planned by import_service.hpp, on the
// server or here, and land as the same ops.
#include <cstddef>
#include <string>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/setup/setup_data.hpp"
#include "app/setup/setup_index.hpp"

namespace app {

struct ZoneDraft {
  std::string name;
  Id butler;                  // nil: none yet (a gap the set-up list shows)
  std::vector<Id> buildings;  // in the order the butler takes them
};

struct CheckpointDraft {
  std::string name;
  Id building;  // nil: estate-wide (the gate, the pump room)
  CheckpointKind kind = CheckpointKind::lobby;
};

class SetupService {
 public:
  explicit SetupService(CommandContext& ctx) : ctx_(ctx) {}
  SetupService(const SetupService&) = delete;
  SetupService& operator=(const SetupService&) = delete;

  // --- commands (a head butler or manager; refused for anyone else) ---
  Result<Id> add_zone(const ZoneDraft& zone);
  Status edit_zone(const Id& zone, const ZoneDraft& draft);
  // Refused while checkpoints are still on its route: move or retire them first.
  Status retire_zone(const Id& zone);
  // Added at the end of the zone's route.
  Result<Id> add_checkpoint(const Id& zone, const CheckpointDraft& checkpoint);
  Status edit_checkpoint(const Id& checkpoint, const CheckpointDraft& draft);
  // To place `to` (0-based) of its zone's route; the route is renumbered 1…n
  // and only the checkpoints whose place changed get an op.
  Status move_checkpoint(const Id& checkpoint, std::size_t to);
  Status retire_checkpoint(const Id& checkpoint);
  // The model units' opening hours, the morning greeting's hours and its gate
  // (estate_hours.hpp): checked to hold together; only what changed is written.
  Status set_hours(const EstateHours& hours);

  // --- queries ---
  bool may_edit() const { return ctx_.lead_signed_in(); }
  std::vector<SetupGap> gaps() const { return setup_gaps(ctx_.data(), ctx_.views()); }
  // The office files imported, newest first.
  std::vector<const ImportRecord*> imports() const;
  // The buildings, in the estate's order.
  std::vector<const Building*> buildings() const;
  const EstateHours& hours() const { return ctx_.data().setup.hours; }
  // The gate the greeting stands at, by name; empty when none is named.
  std::string greeting_gate() const;
  // The gate checkpoints in use, where the greeting may stand, by name.
  std::vector<const Checkpoint*> gates() const;
  // Who may walk a zone: butlers and head butlers, by code.
  std::vector<const Staff*> butlers() const;

 private:
  Status check_lead() const;
  Result<Payload> zone_payload(const ZoneDraft& draft, const Id& self) const;
  Status check_checkpoint(const CheckpointDraft& draft) const;

  CommandContext& ctx_;
};

}  // namespace app
