// The renovation applications in a projection snapshot, with their papers,
// passes, violation notices and history (after the incidents). Each entity's
// fields are listed once, in stored order, for both the writer and the
// reader (snapshot_fields.hpp); a reader refuses any value its fold could not
// have produced.
#include <string_view>

#include "app/core/record_number.hpp"
#include "app/core/sha256.hpp"
#include "app/renovation/renovation_data.hpp"
#include "app/store/snapshot_sections.hpp"

namespace app {
namespace {

using namespace snapshot_fields;

// A notice issued before record numbers has none.
bool notice_number_text(std::string_view n) { return n.empty() || records::valid_record_number(n); }

bool is_step_refusal(std::int64_t v) { return v >= 0 && v <= static_cast<std::int64_t>(renovation::TransitionError::already_refunded); }

bool fields(auto& v, Of<RenovationPaper> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.kind, renovation::is_paper_kind) && v.text(x.sha256, is_sha256_hex) &&
         v.number(x.at_ms);
}

bool fields(auto& v, Of<RenovationPass> auto& x) {
  return v.id(x.id) && v.id(x.issued_by) && v.id(x.closed_by) && v.text(x.number) && v.text(x.worker) && v.number(x.issued_ms) &&
         v.number(x.returned_ms) && v.number(x.lost_ms);
}

bool fields(auto& v, Of<ViolationNotice> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.id(x.finding) && v.id(x.followed_by) && v.text(x.what) && v.text(x.follow_note) &&
         v.enumeration(x.action, renovation::is_action) && v.number(x.rectify_by) && v.number(x.deduct_cents) &&
         v.number(x.issued_ms) && v.number(x.followed_ms) && v.number(x.rectified_day) && v.text(x.number, notice_number_text) &&
         // The set of actions came in format 10; before, a notice ordered its one action.
         (v.version() >= 10 ? v.number(x.actions, renovation::is_action_set)
                            : v.derive(x, [](auto& n) { n.actions = renovation::action_bit(n.action); })) &&
         v.check(x, [](const ViolationNotice& n) { return n.orders(n.action); });
}

bool is_penalty(std::int64_t v) { return v >= renovation::kPenaltyNotSet && v <= renovation::kMaxCents; }

bool fields(auto& v, Of<renovation::Settings> auto& x) {
  return v.number(x.lost_pass_penalty_cents, is_penalty) && v.flag(x.penalty_from_deposit);
}

bool fields(auto& v, Of<RenovationStep> auto& x) {
  return v.id(x.id) && v.id(x.by) && v.enumeration(x.to, renovation::is_stage) && v.number(x.at_ms) && v.text(x.note) &&
         v.enumeration(x.refused, is_step_refusal);
}

bool fields(auto& v, Of<Renovation> auto& x) {
  auto each = [&](auto& e) { return fields(v, e); };
  return v.id(x.id) && v.id(x.unit) && v.id(x.applied_by) && v.text(x.owner) && v.text(x.contractor) && v.text(x.contractor_phone) &&
         v.text(x.scope) && v.text(x.refund_signature) && v.number(x.planned_start) && v.number(x.planned_end) &&
         v.number(x.applied_ms) && v.enumeration(x.stage, renovation::is_stage) && v.number(x.deposit_cents) &&
         v.number(x.waste_fee_cents) && v.number(x.completion_day) && v.number(x.completion_ms) && v.number(x.recheck_ms) &&
         v.number(x.refunded_ms) && v.number(x.refund_cents) && v.number(x.penalty_cents) && v.list(x.papers, 32, each) &&
         v.list(x.passes, 48, each) && v.list(x.notices, 64, each) && v.list(x.history, 32, each);
}

constexpr auto kFields = [](auto& v, auto& x) { return fields(v, x); };

}  // namespace

void add_renovation_sections(SnapshotSections& s) {
  s.map("renovations", 4, kFields, [](auto& d) -> auto& { return d.renovation.renovations; });
  s.value("renovation settings", 10, kFields, [](auto& d) -> auto& { return d.renovation.settings; });
}

}  // namespace app
