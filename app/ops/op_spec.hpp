#pragma once
// What a workflow declares about each of its op kinds, in one row: the fields
// it may and must carry, who may write it, and any rule beyond that (a value
// that depends on another field, an entity that must follow from a key). And
// the value rule of each field a workflow owns. app/domain/op_registry.hpp
// gathers every workflow's table; validation, the role check and the fold are
// lookups there.
#include <span>

#include "app/core/result.hpp"
#include "app/core/roles.hpp"
#include "app/i18n/catalogue.hpp"
#include "app/ops/op.hpp"

namespace app {

struct OpSpec {
  OpKind kind;
  FieldSet allowed;   // the fields it may carry; any other is refused
  FieldSet required;  // the fields that make the record mean something on its own
  RoleSet writers;    // who may record it (the server checks the actor's role in its own staff table)
  Status (*check)(const Op& op) = nullptr;  // rules beyond single fields; may be null
  // Who may record particular values, beyond `writers` (a key written off as
  // replaced: the manager). The same rule on the tablet before a commit and
  // on the server before storing; may be null.
  Status (*rights)(const Op& op, std::int64_t role) = nullptr;
};

// A refusal of `rights`: the code the server answers with and the sync
// client reads back ("forbidden_role"), with the user's message.
Error role_refusal(i18n::S message);

// A field's own value rule, checked wherever the field appears: `ok` says
// whether the value is sane; `what` says why not ("unknown unit status").
struct FieldRule {
  F key;
  bool (*ok)(const Payload::Field& field);
  const char* what;
};

// One workflow's declarations.
struct OpTable {
  std::span<const OpSpec> specs;
  std::span<const FieldRule> rules;
};

// The message of a refused op: "invalid record (detail)", in the user's language.
Error invalid_op(const std::string& detail);

// Common value rules.
bool is_flag(const Payload::Field& f);             // 0 or 1
bool is_sane_time(const Payload::Field& f);        // wall ms in 2000 .. 2100, as an op's own clock
bool is_calendar_day(const Payload::Field& f);     // yyyymmdd in 2000 .. 2100
bool is_not_empty(const Payload::Field& f);        // text with something in it
bool is_sane_time_ms(std::int64_t ms);
bool is_calendar_day_number(std::int64_t yyyymmdd);

}  // namespace app
