#include "app/domain/command_context.hpp"

#include "app/core/sha256.hpp"
#include "app/domain/command_errors.hpp"

namespace app {

Payload CommandContext::photo_payload(const Id& parent, std::string_view sha256) const {
  Payload p;
  p.set(F::parent, parent.to_hex()).set(F::photo, std::string(sha256)).set(F::taken_ms, now_ms());
  return p;
}

Result<Id> CommandContext::add_photo(const Id& parent, std::string_view sha256) {
  if (!is_sha256_hex(sha256)) return command_detail::error("bad_photo", i18n::S::err_photo_bad);
  const Id id = new_id();
  if (Status s = commit({make_op(OpKind::photo_added, id, photo_payload(parent, sha256))}); !s.ok()) return s.error();
  return id;
}

}  // namespace app
