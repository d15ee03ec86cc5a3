#pragma once
// Renovation applications as folded state. The stages are a state machine
// replayed in fold order, like a ticket's lifecycle: a stage that no longer
// follows (two tablets recorded it offline) is kept in the history as a
// conflict, never dropped. Papers, passes and violation notices only grow; a
// pass's state is decided by what happened to it, whatever order the ops came
// in (returned beats lost: a pass handed back is not lost).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/renovation/renovation_rules.hpp"

namespace app {

struct RenovationPaper {
  Id id, by;
  renovation::PaperKind kind = renovation::PaperKind::licence;
  std::string sha256;  // the photo's blob
  std::int64_t at_ms = 0;
  bool operator==(const RenovationPaper&) const = default;
};

struct RenovationPass {
  Id id, issued_by, closed_by;  // closed_by: who took it back or declared it lost
  std::string number, worker;
  std::int64_t issued_ms = 0, returned_ms = 0, lost_ms = 0;
  renovation::PassState state() const {
    if (returned_ms != 0) return renovation::PassState::returned;
    return lost_ms != 0 ? renovation::PassState::lost : renovation::PassState::issued;
  }
  bool out() const { return state() == renovation::PassState::issued; }
  bool operator==(const RenovationPass&) const = default;
};

struct ViolationNotice {
  Id id, by, finding, followed_by;
  std::string what, follow_note;
  renovation::Action action = renovation::Action::stop_work;  // the first of `actions`
  std::int64_t rectify_by = 0;     // yyyymmdd (限期整改)
  std::int64_t deduct_cents = 0;   // 扣除押金
  std::int64_t issued_ms = 0, followed_ms = 0, rectified_day = 0;
  std::string number;  // N3-0007 (app/core/record_number.hpp); empty: issued before numbers
  std::int64_t actions = 0;  // every action ordered (renovation::action_bit); a notice from before the set: its one action
  bool orders(renovation::Action a) const { return (actions & renovation::action_bit(a)) != 0; }
  bool known() const { return issued_ms != 0; }
  bool followed_up() const { return followed_ms != 0; }
  bool operator==(const ViolationNotice&) const = default;
};

struct RenovationStep {
  Id id, by;
  renovation::Stage to = renovation::Stage::applied;
  std::int64_t at_ms = 0;
  std::string note;
  renovation::TransitionError refused = renovation::TransitionError::none;  // none: applied
  bool operator==(const RenovationStep&) const = default;
};

struct Renovation {
  Id id, unit, applied_by;
  std::string owner, contractor, contractor_phone, scope;
  std::int64_t planned_start = 0, planned_end = 0;  // yyyymmdd
  std::int64_t applied_ms = 0;
  renovation::Stage stage = renovation::Stage::applied;
  std::int64_t deposit_cents = 0, waste_fee_cents = 0;
  std::int64_t completion_day = 0;   // local yyyymmdd of the completion check (the re-check follows a month later)
  std::int64_t completion_ms = 0, recheck_ms = 0, refunded_ms = 0;
  std::int64_t refund_cents = 0, penalty_cents = 0;  // as recorded when refunded
  std::string refund_signature;      // the strokes of whoever signed the refund
  std::vector<RenovationPaper> papers;
  std::vector<RenovationPass> passes;
  std::vector<ViolationNotice> notices;
  std::vector<RenovationStep> history;  // in fold order, refused steps included
  bool known() const { return applied_ms != 0; }
  bool open() const { return stage != renovation::Stage::refunded; }
  const RenovationPass* pass(const Id& id) const;
  const ViolationNotice* notice(const Id& id) const;
  bool has_paper(renovation::PaperKind kind) const;
  std::int64_t deductions_cents() const;  // every notice's deduction
  int lost_passes() const;
  int passes_out() const;
  int open_notices() const;
  bool operator==(const Renovation&) const = default;
};

// The one record the penalty settings are kept on (renovation_settings_set's entity).
inline constexpr Id kRenovationSettingsEntity{0x52454e4f56534554ull, 0x54494e4753000001ull};

struct RenovationData {
  std::unordered_map<Id, Renovation, IdHash> renovations;
  renovation::Settings settings;  // the office's, field by field in fold order
  bool operator==(const RenovationData&) const = default;
};

void apply_renovation(RenovationData& d, const Op& op);
// Whether any application of the unit has its works under way (renovation::works_under_way).
bool unit_under_works(const RenovationData& d, const Id& unit);
// The unit of the application an op applies or steps (nil for any other op).
Id unit_whose_status_may_change(const RenovationData& d, const Op& op);
// The fold as the registry calls it (app/domain/workflows.cpp), with the
// projection (MasterData, not included here: it is the layer above). The
// unit's status follows its application (000:469; renovation_rules.hpp
// works_under_way): derived here, in the fold, so every reader — the unit
// record, the 巡楼 route, the registers — sees 装修中 without anyone editing it.
template <class Projection>
void fold_renovation(Projection& d, const Op& op) {
  apply_renovation(d.renovation, op);
  const Id unit = unit_whose_status_may_change(d.renovation, op);
  if (auto it = d.units.find(unit); !unit.is_nil() && it != d.units.end()) {
    it->second.status = renovation::unit_status_during_works(it->second.recorded_status, unit_under_works(d.renovation, unit));
  }
}

}  // namespace app
