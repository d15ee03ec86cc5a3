// RenovationService's commands and queries (renovation_service.hpp).
#include <algorithm>
#include <map>
#include <tuple>

#include "app/core/local_time.hpp"
#include "app/core/sha256.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/renovation/notice_number.hpp"
#include "app/renovation/renovation_service.hpp"
#include "app/domain/command_errors.hpp"
#include "app/tickets/ticket_rules.hpp"

namespace app {
namespace {

using i18n::S;
using command_detail::error;
using renovation::Stage;

S refusal_message(renovation::TransitionError e) {
  switch (e) {
    case renovation::TransitionError::skips_a_step: return S::err_renovation_skips_step;
    case renovation::TransitionError::goes_backwards: return S::err_renovation_backwards;
    case renovation::TransitionError::already_refunded: return S::err_renovation_finished;
    case renovation::TransitionError::none: break;
  }
  return S::err_renovation_skips_step;
}

// A real calendar day (not 02-30), in the years the app deals with.
bool valid_day(std::int64_t d) { return d >= 20000101 && d <= 21001231 && add_days(d, 0) == d; }

bool role_is(const MasterData& d, const Id& actor, std::initializer_list<Role> roles) {
  auto it = d.staff.find(actor);
  return it != d.staff.end() && std::find(roles.begin(), roles.end(), it->second.role) != roles.end();
}

// The payload of a stage step, or why the stage does not follow.
Result<Payload> stage_payload(const Renovation* r, Stage to, std::int64_t now, std::string_view note) {
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  if (auto e = renovation::check_transition(r->stage, to); e != renovation::TransitionError::none) {
    return error("bad_step", refusal_message(e));
  }
  Payload p;
  p.set(F::parent, r->id.to_hex()).set(F::reno_stage, static_cast<std::int64_t>(to));
  if (!note.empty()) p.set(F::note, std::string(note));
  p.set(F::at_ms, std::max(now, r->applied_ms));
  return p;
}

std::string day_text(std::int64_t d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d / 10000), static_cast<int>(d / 100 % 100), static_cast<int>(d % 100));
  return buf;
}

}  // namespace

Result<Id> RenovationService::apply_renovation(const NewRenovation& a) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  if (!ctx_.data().units.count(a.unit)) return error("unknown_unit", S::err_unknown_unit);
  if (a.contractor.empty()) return error("contractor_required", S::err_renovation_contractor);
  if ((a.planned_start && !valid_day(a.planned_start)) || (a.planned_end && !valid_day(a.planned_end))) {
    return error("bad_date", S::err_renovation_bad_date);
  }
  if (a.planned_start && a.planned_end && a.planned_end < a.planned_start) return error("bad_dates", S::err_renovation_dates);
  for (const auto& [id, r] : ctx_.data().renovation.renovations) {
    if (r.known() && r.unit == a.unit && r.open()) return error("open_exists", S::err_renovation_open_exists);
  }
  std::string owner = a.owner;
  if (owner.empty()) {
    for (const Resident* res : residents_of(ctx_.data(), a.unit)) {
      if (res->owner) {
        owner = res->name;
        break;
      }
    }
  }
  const Id id = ctx_.new_id();
  Payload p;
  p.set(F::unit, a.unit.to_hex());
  if (!owner.empty()) p.set(F::name, owner);
  p.set(F::contractor, a.contractor);
  if (!a.contractor_phone.empty()) p.set(F::phone, a.contractor_phone);
  if (!a.scope.empty()) p.set(F::note, a.scope);
  if (a.planned_start) p.set(F::planned_start, a.planned_start);
  if (a.planned_end) p.set(F::planned_end, a.planned_end);
  p.set(F::at_ms, ctx_.now_ms());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::renovation_applied, id, std::move(p))}); !s.ok()) return s.error();
  return id;
}

Result<Id> RenovationService::add_renovation_paper(const Id& id, renovation::PaperKind kind, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  if (!r->open()) return error("finished", S::err_renovation_finished);
  if (!is_sha256_hex(sha256)) return error("bad_photo", S::err_photo_bad);
  const Id paper = ctx_.new_id();
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::paper_kind, static_cast<std::int64_t>(kind)).set(F::photo, std::string(sha256));
  p.set(F::at_ms, ctx_.now_ms());
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::renovation_paper, paper, std::move(p))}); !s.ok()) return s.error();
  return paper;
}

Status RenovationService::pre_review_renovation(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  auto p = stage_payload(r, Stage::pre_reviewed, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  // 2.4.2.1: the contractor's licence and qualification and the workers' papers
  // are checked before anything else; insurance only where it is required.
  // 000:461 "客服中心预审装修内容、装修图纸及有关装修施工队资料": the drawings too.
  if (!r->has_paper(renovation::PaperKind::licence) || !r->has_paper(renovation::PaperKind::worker_id) ||
      !r->has_paper(renovation::PaperKind::drawings)) {
    return error("papers_required", S::err_renovation_papers);
  }
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::review_renovation_works(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  auto p = stage_payload(renovation(id), Stage::works_reviewed, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  // 000:463 "2.4.1.3 工程维修部经理对有关装修项目进行审批" (renovation::may_take_stage; the op table checks it too).
  if (!role_is(ctx_.data(), ctx_.actor(), {Role::engineering})) return error("not_allowed", S::err_renovation_review_role);
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::approve_renovation(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  auto p = stage_payload(renovation(id), Stage::approved, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  // 000:453 "2.3.5 物业经理负责装修申请的审批" (the 物业经理 is the product's manager, docs/glossary.md).
  if (!role_is(ctx_.data(), ctx_.actor(), {Role::manager})) return error("not_allowed", S::err_renovation_approve_role);
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::record_renovation_fees(const Id& id, std::int64_t deposit_cents, std::int64_t waste_fee_cents) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  auto p = stage_payload(renovation(id), Stage::fees_paid, ctx_.now_ms(), {});
  if (!p.ok()) return p.error();
  if (deposit_cents < 0 || waste_fee_cents < 0 || deposit_cents > renovation::kMaxCents || waste_fee_cents > renovation::kMaxCents) {
    return error("bad_amount", S::err_renovation_amount);
  }
  p.value().set(F::deposit_cents, deposit_cents).set(F::waste_fee_cents, waste_fee_cents);
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Result<Id> RenovationService::issue_renovation_pass(const Id& id, std::string_view number, std::string_view worker) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  if (!renovation::passes_may_be_issued(r->stage)) return error("bad_step", S::err_renovation_pass_stage);
  if (number.empty() || worker.empty()) return error("pass_fields", S::err_renovation_pass_fields);
  for (const RenovationPass& x : r->passes) {
    if (x.issued_ms != 0 && x.out() && x.number == number) return error("pass_duplicate", S::err_renovation_pass_duplicate);
  }
  const std::int64_t now = std::max(ctx_.now_ms(), r->applied_ms);
  const Id pass = ctx_.new_id();
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::pass_state, static_cast<std::int64_t>(renovation::PassState::issued));
  p.set(F::number, std::string(number)).set(F::name, std::string(worker)).set(F::at_ms, now);
  std::vector<Op> ops{ctx_.make_op(OpKind::renovation_pass, pass, std::move(p))};
  // The first pass is the stage: 客服中心办理装修人员《出入证》.
  if (r->stage == Stage::fees_paid) {
    auto step = stage_payload(r, Stage::passes_issued, now, {});
    if (!step.ok()) return step.error();
    ops.push_back(ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(step).value()));
  }
  if (Status s = ctx_.commit(std::move(ops)); !s.ok()) return s.error();
  return pass;
}

Status RenovationService::return_renovation_pass(const Id& id, const Id& pass) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  const RenovationPass* x = r->pass(pass);
  if (!x || x->issued_ms == 0) return error("unknown_pass", S::err_unknown_pass);
  // A pass declared lost and then found may still come back (no penalty then).
  if (x->state() == renovation::PassState::returned) return error("pass_returned", S::err_renovation_pass_returned);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::pass_state, static_cast<std::int64_t>(renovation::PassState::returned));
  p.set(F::at_ms, std::max(ctx_.now_ms(), x->issued_ms));
  return ctx_.commit({ctx_.make_op(OpKind::renovation_pass, pass, std::move(p))});
}

Status RenovationService::declare_renovation_pass_lost(const Id& id, const Id& pass) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  const RenovationPass* x = r->pass(pass);
  if (!x || x->issued_ms == 0) return error("unknown_pass", S::err_unknown_pass);
  if (x->state() == renovation::PassState::returned) return error("pass_returned", S::err_renovation_pass_returned);
  if (x->state() == renovation::PassState::lost) return error("pass_lost", S::err_renovation_pass_lost);
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::pass_state, static_cast<std::int64_t>(renovation::PassState::lost));
  p.set(F::at_ms, std::max(ctx_.now_ms(), x->issued_ms));
  return ctx_.commit({ctx_.make_op(OpKind::renovation_pass, pass, std::move(p))});
}

Status RenovationService::start_renovation_works(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  if (r && r->stage == Stage::fees_paid) return error("passes_first", S::err_renovation_passes_first);
  auto p = stage_payload(r, Stage::in_progress, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::check_renovation_completion(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  auto p = stage_payload(renovation(id), Stage::completion_checked, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  // The local day of the check: the re-check falls due a calendar month after it, the same on every tablet.
  p.value().set(F::day, ctx_.today());
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::recheck_renovation(const Id& id, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  auto p = stage_payload(r, Stage::rechecked, ctx_.now_ms(), note);
  if (!p.ok()) return p.error();
  // 经1个月再复验: not before the due day.
  if (const auto due = renovation_recheck_due(*r); due && ctx_.today() < *due) {
    return Error{"recheck_early", std::string(i18n::tr(S::err_renovation_recheck_early)) + day_text(*due)};
  }
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Status RenovationService::refund_renovation_deposit(const Id& id, const Signature& signed_by) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  auto p = stage_payload(r, Stage::refunded, ctx_.now_ms(), {});
  if (!p.ok()) return p.error();
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_renovation_refund_role);
  if (!looks_signed(signed_by)) return error("not_signed", S::err_renovation_unsigned);
  if (r->passes_out() > 0) return error("passes_out", S::err_renovation_passes_out);
  if (r->open_notices() > 0) return error("violations_open", S::err_renovation_violations_open);
  // 000:487 "对丢失《出入证》的应按章处罚": no amount of our own making; the office sets it first.
  const renovation::Settings& settings = renovation_settings();
  if (r->lost_passes() > 0 && settings.penalty_from_deposit && !settings.penalty_set()) {
    return error("penalty_unset", S::err_renovation_penalty_unset);
  }
  const renovation::Refund refund = renovation_refund(*r);
  p.value().set(F::refund_cents, refund.refund).set(F::penalty_cents, refund.penalty_each);
  p.value().set(F::refund_signature, encode_signature(signed_by));
  return ctx_.commit({ctx_.make_op(OpKind::renovation_stepped, ctx_.new_id(), std::move(p).value())});
}

Result<Id> RenovationService::issue_violation_notice(const Id& id, const NewViolation& n) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  if (!r->open()) return error("finished", S::err_renovation_finished);
  if (n.what.empty()) return error("what_required", S::err_violation_what);
  // 004:167 "停止施工、限期整改并恢复、扣裝修保證金、驅逐其施工單位離場": one notice may order several.
  const std::int64_t actions = n.actions();
  if (!renovation::is_action_set(actions)) return error("no_action", S::err_violation_no_action);
  const bool rectify = actions & renovation::action_bit(renovation::Action::rectify_by);
  const bool deduct = actions & renovation::action_bit(renovation::Action::deduct_deposit);
  if (rectify && (!valid_day(n.rectify_by) || n.rectify_by < ctx_.today())) return error("bad_date", S::err_violation_date);
  if (deduct && (n.deduct_cents <= 0 || n.deduct_cents > renovation::kMaxCents)) return error("bad_amount", S::err_violation_amount);
  if (renovation::actions_need_lead(actions) && !ctx_.lead_signed_in()) return error("not_allowed", S::err_violation_role);
  if (!n.finding.is_nil() && !ctx_.data().rounds.findings.count(n.finding)) return error("unknown_finding", S::err_unknown_finding);
  const Id notice = ctx_.new_id();
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::note, n.what).set(F::action, static_cast<std::int64_t>(renovation::first_action(actions)));
  // One action: the op as it always was (a server that knows no set reads it whole).
  if (actions != renovation::action_bit(renovation::first_action(actions))) p.set(F::actions, actions);
  if (rectify) p.set(F::rectify_by, n.rectify_by);
  if (deduct) p.set(F::deduct_cents, n.deduct_cents);
  if (!n.finding.is_nil()) p.set(F::finding, n.finding.to_hex());
  // Numbered here, when issued: unique without asking the server (app/core/record_number.hpp).
  p.set(F::record_no, renovation::next_notice_number(ctx_.data().renovation, ctx_.record_prefix(records::kNoticeLetter)));
  p.set(F::at_ms, std::max(ctx_.now_ms(), r->applied_ms));
  if (Status s = ctx_.commit({ctx_.make_op(OpKind::renovation_violation, notice, std::move(p))}); !s.ok()) return s.error();
  return notice;
}

Result<Id> RenovationService::add_violation_photo(const Id& id, const Id& notice, std::string_view sha256) {
  if (Status s = ctx_.writable(); !s.ok()) return s.error();
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  const ViolationNotice* n = r->notice(notice);
  if (!n || !n->known()) return error("unknown_notice", S::err_unknown_violation);
  return ctx_.add_photo(notice, sha256);
}

Status RenovationService::follow_up_violation(const Id& id, const Id& notice, std::int64_t rectified_day, std::string_view note) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  const Renovation* r = renovation(id);
  if (!r) return error("unknown_renovation", S::err_unknown_renovation);
  const ViolationNotice* n = r->notice(notice);
  if (!n || !n->known()) return error("unknown_notice", S::err_unknown_violation);
  if (n->followed_up()) return error("followed_up", S::err_violation_followed);
  if (!valid_day(rectified_day) || rectified_day > ctx_.today() || rectified_day < ctx_.local(n->issued_ms).day) {
    return error("bad_date", S::err_violation_rectified_day);
  }
  Payload p;
  p.set(F::parent, id.to_hex()).set(F::notice, notice.to_hex()).set(F::rectified_day, rectified_day);
  if (!note.empty()) p.set(F::note, std::string(note));
  p.set(F::at_ms, std::max(ctx_.now_ms(), n->issued_ms));
  return ctx_.commit({ctx_.make_op(OpKind::renovation_followed_up, ctx_.new_id(), std::move(p))});
}

const Renovation* RenovationService::renovation(const Id& id) const {
  auto it = ctx_.data().renovation.renovations.find(id);
  return it == ctx_.data().renovation.renovations.end() || !it->second.known() ? nullptr : &it->second;
}

const Renovation* RenovationService::renovation_of_unit(const Id& unit) const {
  const Renovation* best = nullptr;
  for (const auto& [id, r] : ctx_.data().renovation.renovations) {
    if (!r.known() || r.unit != unit) continue;
    auto key = [](const Renovation* x) { return std::make_tuple(x->open(), x->applied_ms, x->id); };
    if (!best || key(best) < key(&r)) best = &r;
  }
  return best;
}

bool RenovationService::unit_status_follows_renovation(const Id& unit) const { return unit_under_works(ctx_.data().renovation, unit); }

std::vector<const Renovation*> RenovationService::renovations_in_progress() const {
  std::vector<const Renovation*> out;
  for (const auto& [id, r] : ctx_.data().renovation.renovations) {
    if (r.known() && r.open()) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Renovation* a, const Renovation* b) {
    return a->applied_ms != b->applied_ms ? a->applied_ms < b->applied_ms : a->id < b->id;
  });
  return out;
}

std::optional<std::int64_t> RenovationService::renovation_recheck_due(const Renovation& r) const {
  if (r.completion_day == 0) return std::nullopt;
  return renovation::one_month_after(r.completion_day);
}

bool RenovationService::renovation_recheck_overdue(const Renovation& r) const {
  const auto due = renovation_recheck_due(r);
  if (!due || r.stage != Stage::completion_checked) return false;
  const std::int64_t day = ctx_.local(ctx_.lateness_now_ms()).day;
  return renovation::recheck_overdue(*due, day);
}

renovation::Refund RenovationService::renovation_refund(const Renovation& r) const {
  // Once refunded, the penalty that applied then stands, whatever the setting is now.
  const std::int64_t penalty = r.stage == Stage::refunded ? r.penalty_cents : renovation::deposit_penalty_each(renovation_settings());
  return renovation::refund_for(r.deposit_cents, r.deductions_cents(), r.lost_passes(), penalty);
}

const renovation::Settings& RenovationService::renovation_settings() const { return ctx_.data().renovation.settings; }

Status RenovationService::save_renovation_settings(const renovation::Settings& settings) {
  if (Status s = ctx_.writable(); !s.ok()) return s;
  if (!ctx_.lead_signed_in()) return error("not_allowed", S::err_renovation_settings_role);
  if (settings.lost_pass_penalty_cents < renovation::kPenaltyNotSet || settings.lost_pass_penalty_cents > renovation::kMaxCents) {
    return error("bad_amount", S::err_renovation_penalty_range);
  }
  Payload p;
  p.set(F::pass_penalty_cents, settings.lost_pass_penalty_cents).set(F::penalty_from_deposit, std::int64_t{settings.penalty_from_deposit ? 1 : 0});
  return ctx_.commit({ctx_.make_op(OpKind::renovation_settings_set, kRenovationSettingsEntity, std::move(p))});
}

bool RenovationService::rectify_overdue(const ViolationNotice& n) const {
  if (!n.known() || n.followed_up() || !n.orders(renovation::Action::rectify_by) || n.rectify_by == 0) return false;
  // Overdue from the day after the date (as the re-check), on a clock that cannot go back.
  return renovation::recheck_overdue(n.rectify_by, ctx_.local(ctx_.lateness_now_ms()).day);
}

std::vector<OverdueRectification> RenovationService::overdue_rectifications() const {
  std::vector<OverdueRectification> out;
  for (const auto& [id, r] : ctx_.data().renovation.renovations) {
    if (!r.known()) continue;
    for (const ViolationNotice& n : r.notices) {
      if (!rectify_overdue(n)) continue;
      OverdueRectification o{r.id, n.id, r.unit, {}, n.what, n.number, n.rectify_by};
      if (auto row = ctx_.views().unit_index.find(r.unit); row != ctx_.views().unit_index.end()) o.unit_label = ctx_.views().units[row->second].label;
      out.push_back(std::move(o));
    }
  }
  std::sort(out.begin(), out.end(), [](const OverdueRectification& a, const OverdueRectification& b) {
    return std::tie(a.rectify_by, a.unit_label, a.notice) < std::tie(b.rectify_by, b.unit_label, b.notice);
  });
  return out;
}

std::vector<RenovationOpenItems> RenovationService::renovation_open_items() const {
  std::map<Id, const Renovation*> open;
  for (const Renovation* r : renovations_in_progress()) open.emplace(r->unit, r);
  std::vector<RenovationOpenItems> out;
  for (const UnitRow& row : ctx_.views().units) {  // in archive order: building, stairwell, floor, room
    auto it = open.find(row.id);
    if (it == open.end() && row.status != UnitStatus::renovating) continue;
    RenovationOpenItems item;
    item.unit = row.id;
    item.unit_label = row.label;
    item.application = it != open.end() ? it->second : renovation_of_unit(row.id);
    if (const Renovation* r = item.application) {
      if (r->open()) item.next_stage = static_cast<Stage>(static_cast<int>(r->stage) + 1);
      item.open_notices = r->open_notices();
      item.passes_out = r->passes_out();
      item.recheck_due = renovation_recheck_due(*r);
      item.recheck_overdue = renovation_recheck_overdue(*r);
      for (const ViolationNotice& n : r->notices) item.rectify_overdue += rectify_overdue(n);
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<std::pair<const Renovation*, const RenovationStep*>> RenovationService::renovation_conflicts() const {
  std::vector<std::pair<const Renovation*, const RenovationStep*>> out;
  for (const auto& [id, r] : ctx_.data().renovation.renovations) {
    for (const RenovationStep& s : r.history) {
      if (s.refused != renovation::TransitionError::none) out.emplace_back(&r, &s);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second->at_ms != b.second->at_ms ? a.second->at_ms < b.second->at_ms : a.second->id < b.second->id;
  });
  return out;
}

}  // namespace app
