#pragma once
// app::EstateService: the estate every workflow stands on — units and their
// status, the residents on a unit's record, photos of units, zones and their
// checkpoints, the staff — read from the archive views, and the few commands
// that change the archive. Reached as session.estate().
//
// It lives in app/domain, not in a workflow's folder: the estate is no
// workflow's own data (MasterData holds it directly), and every workflow's
// screens read it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/id.hpp"
#include "app/core/result.hpp"
#include "app/domain/command_context.hpp"
#include "app/domain/views.hpp"

namespace app {

// A phone number as people write one: 7–20 digits, spaces, dashes, a leading
// "+" (a landline with its area code, a mobile, an extension). Residents' and
// borrowers' phones alike.
bool plausible_phone(std::string_view phone);

struct NewResident {
  std::string name, phone, occupation;
  bool owner = false;
  std::int64_t moved_in = 0;  // yyyymmdd
};

// 入住登记 / 迁出登记 (app/domain/estate_moves.cpp). A person moving in is
// either new to the record or already on it (the owner of a unit just handed
// over, a former resident coming back).
struct Mover {
  std::string name, phone, occupation;  // phone and occupation may be empty
  Relation relation = Relation::family;
};
struct MoveIn {
  std::int64_t day = 0;        // yyyymmdd
  std::vector<Mover> people;   // new on the unit's record
  std::vector<Id> on_record;   // on the record already, not living here yet
  std::string cards;           // 住户卡 number(s) issued, as written; may be empty
  std::int64_t keys = 0;       // keys handed over (交钥匙), 0–20
  std::string note;
};
struct MoveOut {
  std::int64_t day = 0;        // yyyymmdd
  std::vector<Id> people;      // who leaves; empty: everyone on the unit now
  std::int64_t keys = 0;       // keys returned, 0–20
  std::string note;
};
// One line of a unit's 历史: a move with the names behind its ids.
struct MoveRow {
  const HouseholdMove* move = nullptr;
  std::string names;        // "张伟、李娜"
  std::string recorded_by;  // the staff member's name ("" when unknown)
};

class EstateService {
 public:
  explicit EstateService(CommandContext& ctx) : ctx_(ctx) {}
  EstateService(const EstateService&) = delete;
  EstateService& operator=(const EstateService&) = delete;

  // --- commands ---
  // Refuses: unknown unit, no name, a phone that is not one.
  Result<Id> add_resident(const Id& unit, const NewResident& resident);
  // Refuses: unknown or removed resident, a phone that is not one.
  Status set_resident_phone(const Id& resident, std::string_view phone);
  Status set_unit_status(const Id& unit, UnitStatus status);
  // 显示号码 on the unit's record: records who looks (a contact_viewed op)
  // and only then gives the whole number; every other screen shows it
  // masked (mask_phone). Refuses: a role outside the office or a device not
  // enrolled (nobody to record), a read-only tab, an unknown or removed
  // resident, one with no phone.
  Result<std::string> view_contact(const Id& resident);
  // 入住登记: the move, each person with their moved_in date (new ones
  // added to the record), and the unit 已入住 if it was 空置. A tenant
  // household leaves the owner on the record as they are. Refuses: a role
  // outside the office, unknown unit, a bad date, nobody, no name, a bad
  // phone, someone not on this unit or already living here, keys outside 0–20.
  Result<Id> move_in(const Id& unit, const MoveIn& move);
  // 迁出登记: the move and each leaving person's moved_out date; they stay on
  // the record as former residents. Nobody left: the unit becomes 空置 (if it
  // was 已入住). Refuses: a role outside the office, unknown unit, a bad date,
  // nobody to move out, someone not living on this unit, a date before their
  // move in, keys outside 0–20.
  Result<Id> move_out(const Id& unit, const MoveOut& move);
  // A photo already stored on this tablet (as a blob named by its SHA-256)
  // attached to a unit's record.
  Result<Id> add_unit_photo(const Id& unit, std::string_view sha256);

  // --- queries (the archive views are built on demand) ---
  const std::vector<UnitRow>& unit_rows() const { return ctx_.views().units; }
  // unit_rows by building and floor (the unit picker).
  const std::vector<EstateBuilding>& buildings() const { return ctx_.views().estate; }
  const UnitRow* unit_row(const Id& unit) const;  // nullptr: not a unit here
  // Indexes into unit_rows() matching what a butler types.
  std::vector<std::size_t> search_units(std::string_view query) const;
  const std::vector<ZoneRow>& zone_rows() const { return ctx_.views().zones; }
  const std::vector<CheckpointRow>& checkpoints_of_zone(const Id& zone) const;
  // The people on a unit's record, owners first, then by name (the unit record).
  std::vector<const Resident*> residents_of(const Id& unit) const { return app::residents_of(ctx_.data(), unit); }
  // Those on the record who have moved out, latest first.
  std::vector<const Resident*> former_residents_of(const Id& unit) const { return app::former_residents_of(ctx_.data(), unit); }
  // Those on the record who may move in: never moved in, or moved out.
  std::vector<const Resident*> may_move_in(const Id& unit) const;
  // The unit's moves in and out, latest first (the record's 历史).
  std::vector<MoveRow> move_history(const Id& unit) const;
  // Photos attached to something, oldest first.
  std::vector<const Photo*> photos_of(const Id& subject) const { return app::photos_of(ctx_.data(), subject); }

  // --- the staff (the rules are the context's, shared with every service) ---
  // A staff member's name ("" when unknown: a device not enrolled).
  std::string staff_name(const Id& staff) const { return ctx_.staff_name(staff); }
  const Staff* staff(const Id& id) const { return ctx_.staff(id); }
  // Colleagues a ticket or key may be handed on to (everyone but the actor),
  // by role, then staff code.
  std::vector<const Staff*> colleagues() const;
  // A head butler or manager is signed in: who may edit checklists, the
  // price list and the deadlines, record departures, approve and sign off.
  bool lead_signed_in() const { return ctx_.lead_signed_in(); }
  // The zones this person walks (the head butler, who has none, sees all).
  std::vector<const ZoneRow*> my_zones() const { return ctx_.my_zones(); }

 private:
  CommandContext& ctx_;
};

}  // namespace app
