#include "app/domain/validate_op.hpp"

#include <algorithm>

#include "app/core/safe_text.hpp"
#include "app/domain/op_registry.hpp"
#include "app/ops/id_list.hpp"

namespace app {
namespace {

std::string field_label(const Payload::Field& f, const FieldSpec* spec) {
  return "field " + std::to_string(f.key) + (spec ? " (" + std::string(spec->name) + ")" : std::string());
}

// A comma list of distinct ids, at most kMaxIdsPerField of them.
bool valid_id_list(std::string_view text) {
  if (text.empty()) return true;
  const std::vector<Id> ids = split_ids(text);
  const std::size_t parts = static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1;
  if (ids.size() != parts || ids.size() > kMaxIdsPerField) return false;
  std::vector<Id> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

// One field against its declaration (type, bound, form) and its value rule.
Status check_field(const Payload::Field& f) {
  const FieldSpec* spec = field_spec(f.key);
  if (!spec) return invalid_op(field_label(f, spec) + " is unknown");
  if (spec->is_text() != f.is_text) return invalid_op(field_label(f, spec) + " has the wrong type");
  if (f.is_text) {
    if (f.text.size() > spec->max_bytes) return invalid_op(field_label(f, spec) + " is too long");
    if (spec->type == FieldType::text && !is_safe_text(f.text)) {
      return invalid_op(field_label(f, spec) + " holds invalid UTF-8, a control character or a bidi override");
    }
    Id id;
    if (spec->type == FieldType::id && !Id::from_hex(f.text, &id)) return invalid_op(field_label(f, spec) + " is not an id");
    if (spec->type == FieldType::ids && !valid_id_list(f.text)) {
      return invalid_op(field_label(f, spec) + " must list distinct ids, at most " + std::to_string(kMaxIdsPerField));
    }
  }
  if (const FieldRule* rule = find_field_rule(spec->key); rule && !rule->ok(f)) {
    return invalid_op(f.is_text ? std::string(rule->what) : std::string(rule->what) + " " + std::to_string(f.number));
  }
  return ok_status();
}

}  // namespace

bool role_may_write(std::int64_t role, OpKind kind) {
  const OpSpec* spec = find_op_spec(kind);
  return spec && spec->writers.has(role);
}

Status may_record(const Op& op, std::int64_t role) {
  const OpSpec* spec = find_op_spec(op.kind);
  if (!spec || !spec->writers.has(role)) return role_refusal(i18n::S::err_sync_role);
  if (spec->rights) return spec->rights(op, role);
  return ok_status();
}

Status validate_op(const Op& op) {
  const OpSpec* spec = find_op_spec(op.kind);
  if (!spec) return invalid_op("unknown kind");
  if (op.op_id.is_nil() || op.device_id.is_nil() || op.entity.is_nil()) return invalid_op("missing id");
  if (!is_sane_time_ms(op.hlc.wall_ms)) return invalid_op("timestamp out of range");
  for (const Payload::Field& f : op.payload.fields()) {
    if (!spec->allowed.has(f.key)) {
      return invalid_op("field " + std::to_string(f.key) + " does not belong to " + std::string(op_kind_name(op.kind)));
    }
    if (Status s = check_field(f); !s.ok()) return s;
  }
  for (F key : spec->required.keys()) {
    if (!op.payload.has(key)) {
      const FieldSpec* fs = field_spec(static_cast<std::uint16_t>(key));
      return invalid_op(std::string(op_kind_name(op.kind)) + " needs " + std::string(fs ? fs->name : "a field"));
    }
  }
  if (spec->check) return spec->check(op);
  return ok_status();
}

}  // namespace app
