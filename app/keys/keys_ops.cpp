#include "app/keys/keys_ops.hpp"

#include "app/keys/key_rules.hpp"

namespace app {
namespace {

// A key_set either files a key (its kind and label; a unit key its unit) or
// changes a filed one: its label, or its use (F::retired), and only those, so
// that a relabel and a retirement made on two tablets offline both hold.
Status check_key_set(const Op& op) {
  const Payload& p = op.payload;
  if (p.has(F::key_kind)) {
    if (!p.has(F::name)) return invalid_op("a key is filed with its label");
    if (p.number(F::key_kind) == static_cast<std::int64_t>(keys::KeyKind::unit) && !p.has(F::parent)) {
      return invalid_op("a unit key needs its unit");
    }
    return ok_status();
  }
  if (!p.has(F::name) && !p.has(F::retired)) return invalid_op("a change of a key relabels or retires it");
  for (F filing : {F::custody, F::parent, F::equipment_category, F::system}) {
    if (p.has(filing)) return invalid_op("a key's filing is set when it is filed");
  }
  return ok_status();
}

Status check_key_lent(const Op& op) {
  const Payload& p = op.payload;
  const bool staff = p.number(F::borrower_kind).value_or(0) == static_cast<std::int64_t>(keys::BorrowerKind::staff);
  const bool outsider_fields = p.has(F::name) || p.has(F::phone);
  if (staff ? (!p.has(F::borrower) || outsider_fields) : (!p.has(F::name) || p.has(F::borrower))) {
    return invalid_op("a loan goes to a staff member by id, or to a named outsider");
  }
  if (auto due = p.number(F::due_ms); due && *due <= *p.number(F::at_ms)) return invalid_op("a loan is due back after it went out");
  // 000:407 "所借钥匙均需当天借用,当天归还": a loan due more than a day after it
  // went out is past midnight on any calendar, so it must name its approver,
  // who is the one recording it (the role is checked in lent_rights). Within
  // the day the tablet's calendar decides (KeysService::lend).
  const auto approver = p.text(F::approved_by);
  if (auto due = p.number(F::due_ms); due && *due > *p.number(F::at_ms) + 24 * 3600000ll && !approver) {
    return invalid_op("a key kept overnight needs the manager's approval");
  }
  if (approver && *approver != op.actor.to_hex()) return invalid_op("an overnight loan is approved by whoever records it");
  return ok_status();
}

Status check_overnight(const Op& op) {
  if (*op.payload.number(F::due_ms) <= *op.payload.number(F::at_ms)) return invalid_op("a loan is due back after the approval");
  return ok_status();
}

// 000:407: keeping keys overnight is the manager's exception, not the head butler's.
Status lent_rights(const Op& op, std::int64_t role) {
  if (op.payload.has(F::approved_by) && !keys::may_approve_overnight(role)) return role_refusal(i18n::S::err_key_overnight_manager);
  return ok_status();
}

// 未经公司经理同意，任何人均不得私配钥匙: a new key is the manager's to record.
Status replaced_by_manager(const Op& op, std::int64_t role) {
  const bool replaced = op.payload.number(F::outcome) == static_cast<std::int64_t>(keys::FollowUp::replaced);
  if (replaced && role != static_cast<std::int64_t>(Role::manager)) return role_refusal(i18n::S::err_key_replace_manager);
  return ok_status();
}

const OpSpec kSpecs[] = {
    // The key keeper at the front desk files the cabinet, as do the leads:
    // adds keys, relabels them and retires them (F::retired).
    {OpKind::key_set, {F::key_kind, F::custody, F::parent, F::name, F::equipment_category, F::system, F::retired, F::at_ms},
     {}, kLeadRoles | RoleSet{Role::front_desk}, check_key_set},
    // F::signature: the borrower's (000:425 使用人须签收); required of new loans by
    // KeysService::lend, not here, so that loans recorded before it still load.
    {OpKind::key_lent, {F::keys, F::borrower, F::borrower_kind, F::name, F::phone, F::note, F::due_ms, F::signature, F::approved_by, F::at_ms},
     {F::keys, F::note, F::at_ms}, kOfficeRoles, check_key_lent, lent_rights},
    {OpKind::key_returned, {F::parent, F::keys, F::note, F::at_ms}, {F::parent, F::keys, F::at_ms}, kOfficeRoles},
    {OpKind::key_lost, {F::parent, F::note, F::at_ms}, {F::parent, F::at_ms}, kOfficeRoles},
    {OpKind::key_followed_up, {F::parent, F::outcome, F::note, F::at_ms}, {F::parent, F::outcome, F::at_ms}, kOfficeRoles,
     nullptr, replaced_by_manager},
    // A personnel change, signed off by a lead once the keys are back.
    // 000:407: the manager alone lets a loan run past its day.
    {OpKind::key_overnight_approved, {F::parent, F::due_ms, F::note, F::at_ms}, {F::parent, F::due_ms, F::at_ms}, RoleSet{Role::manager},
     check_overnight},
    {OpKind::staff_departed, {F::parent, F::departure, F::note, F::at_ms}, {F::parent, F::departure, F::at_ms}, kLeadRoles},
};

const FieldRule kRules[] = {
    {F::key_kind, [](const Payload::Field& f) { return keys::is_key_kind(f.number); }, "unknown key kind"},
    {F::custody, [](const Payload::Field& f) { return keys::is_custody(f.number); }, "unknown key custody"},
    {F::borrower_kind, [](const Payload::Field& f) { return keys::is_borrower_kind(f.number); }, "unknown borrower kind"},
    {F::outcome, [](const Payload::Field& f) { return keys::is_follow_up(f.number); }, "unknown follow-up"},
    {F::departure, [](const Payload::Field& f) { return keys::is_departure_kind(f.number); }, "unknown departure"},
    {F::due_ms, is_sane_time, "time out of range"},
    {F::keys, is_not_empty, "a key list names at least one key"},
};

}  // namespace

OpTable keys_ops() { return {kSpecs, kRules}; }

}  // namespace app
