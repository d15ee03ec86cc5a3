#include "app/rounds/rounds_ops.hpp"

#include "app/rounds/checklist_codec.hpp"
#include "app/rounds/rounds_data.hpp"

namespace app {
namespace {

Status check_round_started(const Op& op) {
  if (auto k = op.payload.number(F::kind); k && !is_round_kind(*k)) return invalid_op("unknown round kind " + std::to_string(*k));
  return ok_status();
}

Status check_checklist_saved(const Op& op) {
  const Payload& p = op.payload;
  const auto key = p.text(F::checklist);
  const auto version = p.number(F::version);
  if (!key || key->empty() || !version || *version < 2) return invalid_op("a checklist edit needs its key and a version after the built-in one");
  if (op.entity != checklist_entity(*key, *version)) return invalid_op("a checklist version's entity must follow from its key and version");
  if (!decode_items(p.text(F::items).value_or(""))) return invalid_op("unreadable checklist items");
  return ok_status();
}

const OpSpec kSpecs[] = {
    {OpKind::round_started, {F::zone, F::day, F::at_ms, F::kind, F::pins, F::route}, {F::zone, F::day}, kOfficeRoles, check_round_started},
    {OpKind::item_answered,
     {F::round, F::checkpoint, F::item, F::result, F::note, F::reading, F::checklist, F::version, F::at_ms},
     {F::round, F::checkpoint, F::item, F::result}, kOfficeRoles},
    {OpKind::round_finished, {F::at_ms, F::note}, {}, kOfficeRoles},  // note: why checkpoints were left unchecked
    {OpKind::finding_opened, {F::round, F::checkpoint, F::item, F::note, F::urgent, F::told, F::department, F::owner_notice, F::at_ms},
     {F::round, F::checkpoint, F::item}, kOfficeRoles},
    {OpKind::finding_verified, {F::note, F::at_ms}, {}, kOfficeRoles},
    {OpKind::checklist_saved, {F::checklist, F::version, F::name, F::items, F::at_ms}, {F::checklist, F::version}, kLeadRoles,
     check_checklist_saved},
};

const FieldRule kRules[] = {
    {F::result, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 2; }, "unknown item result"},
    {F::urgent, is_flag, "urgent flag must be 0 or 1"},
    {F::owner_notice, is_flag, "owner notice flag must be 0 or 1"},
    {F::item, [](const Payload::Field& f) { return f.number >= 0 && f.number <= 500; }, "item index out of range"},
    {F::pins, [](const Payload::Field& f) { return decode_pins(f.text).has_value(); }, "unreadable checklist versions"},
};

}  // namespace

OpTable rounds_ops() { return {kSpecs, kRules}; }

}  // namespace app
