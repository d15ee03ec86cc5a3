#pragma once
// Whether a pushed op may be stored, judged against the token and the
// server's own tables, never against what the op says about itself:
//  - an op already stored is acked when it is the same record, and refused
//    as a conflict (409) when the same id holds different content;
//  - it is dated at most a day ahead of the server's clock (a tablet that
//    stamped year 2100 would drag every tablet's clock there and pin fields);
//  - it was recorded on this tablet, or on another tablet the same person
//    signed in on (a restored backup);
//  - its actor is the token's person, or someone who signed in on the tablet
//    that recorded it (a shared tablet's earlier user), or nobody on this very
//    tablet (recorded before it was enrolled) — so a community's ops
//    carry only its own people, and a demo or foreign tablet's ops are refused;
//  - the actor's role, from the server's staff table, may record it
//    (app::may_record: the same rule the tablet applied before committing).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/core/id.hpp"
#include "app/ops/op.hpp"
#include "app/server/server_store.hpp"

namespace server {

struct PushRefusal {
  PushRefusal(int status_, std::string code_, std::string message_)
      : status(status_), code(std::move(code_)), message(std::move(message_)) {}
  int status;
  std::string code;
  std::string message;
};

// What the gate decided for one op.
struct PushVerdict {
  bool stored_already = false;        // acked, nothing to store
  std::optional<PushRefusal> refusal;  // refused: the whole push is
};

class PushGate {
 public:
  // `token_staff`: the person the token was given to; `max_ahead_ms`: how far
  // ahead of `now_ms` an op may be dated.
  PushGate(ServerStore& store, std::int64_t community, const app::Id& device, const app::Id& token_staff,
           std::int64_t now_ms, std::int64_t max_ahead_ms);

  PushVerdict check(const app::Op& op, std::string_view record);

 private:
  bool signed_in_on(const app::Id& device, const app::Id& staff);
  std::optional<std::int64_t> role_of(const app::Id& staff);

  ServerStore& store_;
  std::int64_t community_;
  app::Id device_, token_staff_;
  std::int64_t latest_ms_;
  std::unordered_map<app::Id, std::optional<std::int64_t>, app::IdHash> roles_;  // per push: a few people at most
};

}  // namespace server
