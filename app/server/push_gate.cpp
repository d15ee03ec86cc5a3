#include "app/server/push_gate.hpp"

#include "app/domain/validate_op.hpp"
#include "app/i18n/catalogue.hpp"

namespace server {
namespace {

using app::i18n::S;

PushVerdict refused(int status, std::string code, S message) {
  PushVerdict v;
  v.refusal.emplace(status, std::move(code), app::i18n::tr(message));
  return v;
}

}  // namespace

PushGate::PushGate(ServerStore& store, std::int64_t community, const app::Id& device, const app::Id& token_staff,
                   std::int64_t now_ms, std::int64_t max_ahead_ms)
    : store_(store), community_(community), device_(device), token_staff_(token_staff), latest_ms_(now_ms + max_ahead_ms) {}

bool PushGate::signed_in_on(const app::Id& device, const app::Id& staff) {
  return store_.used_device(community_, device, staff);
}

std::optional<std::int64_t> PushGate::role_of(const app::Id& staff) {
  auto it = roles_.find(staff);
  if (it != roles_.end()) return it->second;
  std::optional<std::int64_t> role;
  if (auto row = store_.find_staff_by_id(community_, staff)) role = row->role;
  roles_.emplace(staff, role);
  return role;
}

PushVerdict PushGate::check(const app::Op& op, std::string_view record) {
  // A record sent again (an ack lost on the way) is acked whoever sends it:
  // a tablet that loaded the demo holds the head butler's records too.
  if (auto stored = store_.stored_record(community_, op.op_id)) {
    if (*stored != record) return refused(409, "conflict", S::err_sync_conflict);
    PushVerdict v;
    v.stored_already = true;
    return v;
  }
  if (op.hlc.wall_ms > latest_ms_) return refused(400, "clock_ahead", S::err_sync_clock_ahead);
  const bool own_tablet = op.device_id == device_ || signed_in_on(op.device_id, token_staff_);
  // Nobody: recorded on this very tablet before anyone enrolled it (the app
  // works before enrolment); the person who enrols it answers for it.
  const bool before_enrolment = op.actor.is_nil() && op.device_id == device_;
  const bool own_person = op.actor == token_staff_ || before_enrolment || signed_in_on(op.device_id, op.actor);
  if (!own_tablet || !own_person) return refused(403, "forbidden_actor", S::err_sync_actor);
  const auto role = role_of(before_enrolment ? token_staff_ : op.actor);
  if (!role) return refused(403, "forbidden_actor", S::err_sync_actor);
  if (app::Status s = app::may_record(op, *role); !s.ok()) {
    PushVerdict v;
    v.refusal.emplace(403, "forbidden_role", s.error().message);
    return v;
  }
  return {};
}

}  // namespace server
