#pragma once
// What the office does on the server itself (butler-server admin …): create
// a community, add staff with a PIN, reset a PIN, import units from CSV, and
// set up the demo estate. Everything that changes master data is written as
// ops from the server's own fixed device id, validated like a tablet's, so
// tablets pull it like any other change.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app/core/hlc.hpp"
#include "app/core/ports.hpp"
#include "app/core/result.hpp"
#include "app/demo/demo_community.hpp"
#include "app/ops/op.hpp"
#include "app/server/server_store.hpp"

namespace server {

inline constexpr app::Id kServerDevice{0x5345525645520000ull, 1};  // "SERVER": ops the server itself wrote

// Stores ops written by the server: validated, all in one transaction.
class ServerWriter {
 public:
  ServerWriter(ServerStore& store, app::ClockPort& clock, app::RandomPort& random);
  // `actor`: the lead an upload came from; nil for the office's own admin commands.
  app::Op make(app::OpKind kind, const app::Id& entity, app::Payload payload, const app::Id& actor = {});
  app::Status store(std::int64_t community, const std::vector<app::Op>& ops);
  app::RandomPort& random() { return random_; }
  // Stores from now on count towards `charge`'s day and are refused over its
  // limit (an import from the office page); the admin command line's are not.
  void charge_to(const QuotaCharge* charge) { charge_ = charge; }

 private:
  ServerStore& store_;
  const QuotaCharge* charge_ = nullptr;
  app::HybridClock hlc_;
  app::RandomPort& random_;
};

app::Result<CommunityRow> create_community(ServerWriter& w, ServerStore& store, std::string_view name,
                                           std::string_view city);
app::Status add_staff(ServerWriter& w, ServerStore& store, const CommunityRow& community, std::string_view code,
                      std::string_view name, std::int64_t role, std::string_view pin);
// A new PIN; the code's device tokens are revoked and a revoke-devices block
// lifted (ServerStore::set_pin). Returns how many tokens were revoked.
app::Result<std::size_t> reset_pin(ServerStore& store, std::string_view code, std::string_view pin);
bool parse_role(std::string_view text, std::int64_t* role);  // "butler", "head_butler", … or 0..7

struct DemoLogin {
  std::string code, name;
  std::int64_t role;
  std::string pin;
};
// The demo estate (app/demo) as a community with sign-ins for all its staff.
// PINs are derived from the staff code so every demo install has the same
// ones and scripts can show them; a demo server holds no real data.
// `demo_day_ms`: the demo's day (app::demo_day_of); the server passes the day
// it sets the demo up, tests the fixed one. Refuses (demo_may_serve) a
// database that holds any other community, as --demo does. `scale`,
// `history_days`: a larger estate and a longer log (app::DemoOptions), for
// benchmarks and load tests.
app::Result<std::vector<DemoLogin>> demo_init(ServerStore& store, app::RandomPort& random,
                                              std::int64_t demo_day_ms = app::kDemoDayMs, int scale = 1,
                                              int history_days = 0);
// The demo's sign-ins again, for a server restarted with --demo (unless an
// admin has reset one of their PINs since).
std::vector<DemoLogin> demo_logins();
void print_demo_logins(const std::vector<DemoLogin>& logins, std::FILE* out);
// Whether butler-server --demo may serve this database: only when it is empty
// or holds the demo community alone. The demo's PINs are public (derived from
// the staff codes in the source), so a demo server must never hold real data.
app::Status demo_may_serve(ServerStore& store);

// butler-server admin ARGS…; returns the process exit code.
int run_admin(const std::vector<std::string>& args, ServerStore& store, std::FILE* out, std::FILE* err);

}  // namespace server
