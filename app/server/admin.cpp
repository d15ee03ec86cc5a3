#include "app/server/admin.hpp"

#include <fstream>
#include <sstream>

#include "app/core/sha256.hpp"
#include "app/demo/demo_community.hpp"
#include "app/domain/master_data.hpp"
#include "app/domain/validate_op.hpp"
#include "app/ops/codec.hpp"
#include "app/server/office_import.hpp"
#include "app/server/office_page.hpp"
#include "app/server/server_ports.hpp"

namespace server {
namespace {

constexpr const char* kRoles[] = {"butler", "head_butler", "front_desk", "manager",
                                  "engineering", "security", "cleaning", "greening"};

app::Error bad(const std::string& code, const std::string& message) { return app::Error{code, message}; }

std::string demo_pin(std::string_view code) {
  const std::string h = app::sha256_hex("butler-demo-pin:" + std::string(code));
  std::string pin;
  for (char c : h) {
    if (c >= '0' && c <= '9') pin += c;
    if (pin.size() == 6) break;
  }
  while (pin.size() < 6) pin += '0';
  return pin;
}

// The demo estate's community id: the same on every install (ids come from
// the demo's seed, not its day).
app::Id demo_community_uid() {
  static const app::Id uid = [] {
    for (const app::Op& op : app::generate_demo({}).ops) {
      if (op.kind == app::OpKind::community_set) return op.entity;
    }
    return app::Id{};
  }();
  return uid;
}

}  // namespace

ServerWriter::ServerWriter(ServerStore& store, app::ClockPort& clock, app::RandomPort& random)
    : store_(store), hlc_(clock), random_(random) {}

app::Op ServerWriter::make(app::OpKind kind, const app::Id& entity, app::Payload payload, const app::Id& actor) {
  app::Op op;
  op.op_id = app::Id::random(random_);
  op.device_id = kServerDevice;
  op.actor = actor;
  op.hlc = hlc_.tick();
  op.entity = entity;
  op.kind = kind;
  op.payload = std::move(payload);
  return op;
}

app::Status ServerWriter::store(std::int64_t community, const std::vector<app::Op>& ops) {
  std::vector<std::string> records;
  records.reserve(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (auto v = app::validate_op(ops[i]); !v.ok()) return v.error();
    hlc_.observe(ops[i].hlc);
    records.push_back(app::encode_op(ops[i]));
  }
  std::vector<std::pair<app::Id, std::string_view>> rows;
  rows.reserve(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) rows.emplace_back(ops[i].op_id, records[i]);
  auto r = store_.insert_ops(community, rows, charge_);
  if (!r.ok()) return r.error();
  return app::ok_status();
}

bool parse_role(std::string_view text, std::int64_t* role) {
  for (std::int64_t i = 0; i < 8; ++i) {
    if (text == kRoles[i] || text == std::to_string(i)) {
      *role = i;
      return true;
    }
  }
  return false;
}

app::Result<CommunityRow> create_community(ServerWriter& w, ServerStore& store, std::string_view name,
                                           std::string_view city) {
  if (name.empty()) return bad("name_required", "a community needs a name");
  if (store.find_community(name)) return bad("exists", "a community named " + std::string(name) + " exists already");
  const app::Id uid = app::Id::random(w.random());
  auto row = store.create_community(uid, name, city);
  if (!row.ok()) return row.error();
  app::Payload p;
  p.set(app::F::name, std::string(name)).set(app::F::city, std::string(city));
  if (auto s = w.store(row.value().id, {w.make(app::OpKind::community_set, uid, std::move(p))}); !s.ok()) return s.error();
  return row;
}

app::Status add_staff(ServerWriter& w, ServerStore& store, const CommunityRow& community, std::string_view code,
                      std::string_view name, std::int64_t role, std::string_view pin) {
  if (code.empty() || name.empty()) return bad("bad_staff", "staff need a code and a name");
  if (code.size() > 32) return bad("bad_staff", "a staff code is at most 32 bytes");
  if (!app::is_role(role)) return bad("bad_role", "unknown role");
  if (!plausible_pin(pin)) return bad("bad_pin", "a PIN is 4 to 12 digits");
  if (store.find_staff(code)) return bad("exists", "staff code " + std::string(code) + " is taken");
  const app::Id id = app::Id::random(w.random());
  app::Payload p;
  p.set(app::F::name, std::string(name)).set(app::F::code, std::string(code)).set(app::F::role, role);
  auto hash = hash_pin(pin);
  if (!hash.ok()) return hash.error();
  if (auto s = w.store(community.id, {w.make(app::OpKind::staff_set, id, std::move(p))}); !s.ok()) return s;
  return store.put_staff({community.id, std::string(code), id, role, "", hash.value()});
}

app::Result<std::size_t> reset_pin(ServerStore& store, std::string_view code, std::string_view pin) {
  if (!plausible_pin(pin)) return bad("bad_pin", "a PIN is 4 to 12 digits");
  auto hash = hash_pin(pin);
  if (!hash.ok()) return hash.error();
  return store.set_pin(code, "", hash.value());
}

app::Status demo_may_serve(ServerStore& store) {
  const app::Id demo = demo_community_uid();
  std::string others;
  for (const CommunityRow& c : store.communities()) {
    if (c.uid != demo) others += (others.empty() ? "" : ", ") + c.name;
  }
  if (others.empty()) return app::ok_status();
  return bad("not_demo", "--demo and demo-init refuse this database: it holds " + others +
                             ", and the demo's PINs can be read from the source code, so a demo server must never "
                             "hold real data. Start without --demo, or give the demo an empty --data directory.");
}

app::Result<std::vector<DemoLogin>> demo_init(ServerStore& store, app::RandomPort& /*random: argon2id salts come from libsodium*/,
                                              std::int64_t demo_day_ms, int scale, int history_days) {
  // demo-init as --demo: the demo's public PINs never go in beside real data.
  if (auto s = demo_may_serve(store); !s.ok()) return s.error();
  app::DemoOptions options;
  options.day_ms = demo_day_ms;
  options.scale = scale;
  options.history_days = history_days;
  const app::DemoCommunity demo = app::generate_demo(options);
  const app::Op* community_op = nullptr;
  for (const app::Op& op : demo.ops) if (op.kind == app::OpKind::community_set) community_op = &op;
  if (!community_op) return bad("demo", "the demo has no community");
  if (auto existing = store.find_community(community_op->entity.to_hex())) {
    return bad("exists", "the demo community is set up already");
  }
  auto row = store.create_community(community_op->entity, *community_op->payload.text(app::F::name),
                                    *community_op->payload.text(app::F::city));
  if (!row.ok()) return row.error();
  // The same op ids as the tablets' "Try the demo" (ids come from the seed,
  // not the day), which is how the server recognises the demo's records.
  std::vector<std::string> records;
  std::vector<std::pair<app::Id, std::string_view>> rows;
  records.reserve(demo.ops.size());
  for (const app::Op& op : demo.ops) records.push_back(app::encode_op(op));
  for (std::size_t i = 0; i < demo.ops.size(); ++i) rows.emplace_back(demo.ops[i].op_id, records[i]);
  if (auto r = store.insert_ops(row.value().id, rows); !r.ok()) return r.error();
  std::vector<DemoLogin> logins;
  for (const app::Op& op : demo.ops) {
    if (op.kind != app::OpKind::staff_set) continue;
    DemoLogin l{std::string(*op.payload.text(app::F::code)), std::string(*op.payload.text(app::F::name)),
                *op.payload.number(app::F::role), ""};
    l.pin = demo_pin(l.code);
    // Hashed at argon2id's least cost: the demo's PINs are public (derived
    // from the code above), and 18 hashes at full cost would hold up the
    // demo's start by seconds. A sign-in stores its PIN at full cost.
    auto hash = hash_pin(l.pin, PinCost::cheapest());
    if (!hash.ok()) return hash.error();
    if (auto s = store.put_staff({row.value().id, l.code, op.entity, l.role, "", hash.value()}); !s.ok()) return s.error();
    logins.push_back(std::move(l));
  }
  return logins;
}

std::vector<DemoLogin> demo_logins() {
  std::vector<DemoLogin> out;
  for (const app::Op& op : app::generate_demo({}).ops) {
    if (op.kind != app::OpKind::staff_set) continue;
    const std::string code(*op.payload.text(app::F::code));
    out.push_back({code, std::string(*op.payload.text(app::F::name)), *op.payload.number(app::F::role), demo_pin(code)});
  }
  return out;
}

void print_demo_logins(const std::vector<DemoLogin>& logins, std::FILE* out) {
  std::fprintf(out, "Demo sign-ins (staff code / PIN):\n");
  int butlers = 0;
  for (const DemoLogin& l : logins) {
    // The roles a demo is tried with; every other staff member has a PIN too.
    const bool show = l.role == 1 || l.role == 3 || (l.role == 0 && butlers++ < 2) || l.code == "QT001";
    if (show) std::fprintf(out, "  %-7s %-12s %s  %s\n", l.code.c_str(), kRoles[l.role], l.pin.c_str(), l.name.c_str());
  }
  std::fflush(out);
}

int run_admin(const std::vector<std::string>& a, ServerStore& store, std::FILE* out, std::FILE* err) {
  SystemClock clock;
  OsRandom random;
  ServerWriter w(store, clock, random);
  auto fail = [&](const app::Error& e) {
    std::fprintf(err, "butler-server admin: %s\n", e.message.c_str());
    return 1;
  };
  auto community_of = [&](const std::string& key) -> app::Result<CommunityRow> {
    if (auto c = store.find_community(key)) return *c;
    return bad("unknown_community", "no community named or with id " + key);
  };
  const std::string cmd = a.empty() ? "" : a[0];
  if (cmd == "create-community" && a.size() == 3) {
    auto c = create_community(w, store, a[1], a[2]);
    if (!c.ok()) return fail(c.error());
    std::fprintf(out, "community %s  %s\n", c.value().uid.to_hex().c_str(), c.value().name.c_str());
    return 0;
  }
  if (cmd == "add-staff" && a.size() == 6) {
    auto c = community_of(a[1]);
    std::int64_t role = 0;
    if (!c.ok()) return fail(c.error());
    if (!parse_role(a[4], &role)) return fail(bad("bad_role", "unknown role " + a[4] + " (butler, head_butler, front_desk, manager, …)"));
    if (auto s = add_staff(w, store, c.value(), a[2], a[3], role, a[5]); !s.ok()) return fail(s.error());
    std::fprintf(out, "staff %s added to %s\n", a[2].c_str(), c.value().name.c_str());
    return 0;
  }
  if (cmd == "reset-pin" && a.size() == 3) {
    auto n = reset_pin(store, a[1], a[2]);
    if (!n.ok()) return fail(n.error());
    std::fprintf(out, "PIN of %s reset; %zu device token(s) revoked: each device enrols again with the new PIN\n",
                 a[1].c_str(), n.value());
    return 0;
  }
  if (cmd == "revoke-devices" && a.size() == 2) {
    auto n = store.revoke_devices(a[1], clock.now_ms());
    if (!n.ok()) return fail(n.error());
    std::fprintf(out, "%zu device(s) of %s revoked; %s cannot enrol again until reset-pin sets a new PIN; "
                 "each tablet wipes its data at its next contact\n",
                 n.value(), a[1].c_str(), a[1].c_str());
    return 0;
  }
  // import COMMUNITY KIND FILE [--dry-run]; import-units COMMUNITY FILE is the older spelling of "import … units".
  const bool units_alias = cmd == "import-units" && a.size() == 3;
  const bool dry_run = a.size() == 5 && a[4] == "--dry-run";
  if (units_alias || (cmd == "import" && (a.size() == 4 || dry_run))) {
    auto c = community_of(a[1]);
    if (!c.ok()) return fail(c.error());
    const auto kind = units_alias ? std::optional(app::ImportKind::units) : app::import_kind_named(a[2]);
    if (!kind) return fail(bad("bad_kind", "unknown kind " + a[2] + " (units, residents, staff, keys, zones, checkpoints, prices)"));
    const std::string& path = units_alias ? a[2] : a[3];
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(bad("unreadable", "cannot read " + path));
    std::stringstream ss;
    ss << in.rdbuf();
    auto plan = import_file(w, store, c.value(), ImportRequest{*kind, path, {}, dry_run}, ss.str());
    if (!plan.ok()) return fail(plan.error());
    std::fprintf(out, "%s: %s", c.value().name.c_str(), import_report_text(plan.value(), dry_run).c_str());
    return 0;
  }
  if (cmd == "import-template" && (a.size() == 2 || (a.size() == 4 && a[2] == "--xlsx"))) {
    const auto kind = app::import_kind_named(a[1]);
    if (!kind) return fail(bad("bad_kind", "unknown kind " + a[1]));
    if (a.size() == 2) {
      std::fputs(app::import_template_csv(*kind).c_str(), out);
      return 0;
    }
    auto book = import_template_xlsx(*kind);
    if (!book.ok()) return fail(book.error());
    std::ofstream file(a[3], std::ios::binary | std::ios::trunc);
    file.write(book.value().data(), static_cast<std::streamsize>(book.value().size()));
    file.close();
    if (!file) return fail(bad("write_failed", "cannot write " + a[3]));
    std::fprintf(out, "%s: %zu bytes\n", a[3].c_str(), book.value().size());
    return 0;
  }
  if (cmd == "gc-blobs" && a.size() == 1) {
    // What the server's own sweep does every few minutes, all of it at once.
    BlobSweep total;
    for (;;) {
      auto swept = store.collect_blobs(clock.now_ms(), Quotas{}.blob_grace_ms);
      if (!swept.ok()) return fail(swept.error());
      total.blobs += swept.value().blobs;
      total.bytes += swept.value().bytes;
      if (swept.value().blobs == 0) break;
    }
    std::fprintf(out, "%lld photo(s) no record names removed, %lld bytes (each is kept a day after its upload)\n",
                 static_cast<long long>(total.blobs), static_cast<long long>(total.bytes));
    return 0;
  }
  if (cmd == "list-communities" && a.size() == 1) {
    for (const auto& c : store.communities()) {
      std::fprintf(out, "%s  %s  %s  %lld ops\n", c.uid.to_hex().c_str(), c.name.c_str(), c.city.c_str(),
                   static_cast<long long>(store.op_count(c.id)));
    }
    return 0;
  }
  std::fprintf(err,
               "usage: butler-server admin --data DIR COMMAND\n"
               "  create-community NAME CITY\n"
               "  add-staff COMMUNITY CODE NAME ROLE PIN   (ROLE: butler, head_butler, front_desk, manager,\n"
               "                                            engineering, security, cleaning, greening)\n"
               "  reset-pin CODE PIN                       (also revokes the code's device tokens)\n"
               "  revoke-devices CODE                      (a lost tablet: its tokens stop working and the code\n"
               "                                            cannot enrol again until reset-pin)\n"
               "  import COMMUNITY KIND FILE [--dry-run]   (KIND: units, residents, staff, keys, zones,\n"
               "                                            checkpoints, prices; FILE: .xlsx or CSV; all or nothing)\n"
               "  import-template KIND [--xlsx FILE]       (the template of a kind: CSV to stdout, or .xlsx to FILE)\n"
               "  gc-blobs                                 (removes photos no record names, a day after upload)\n"
               "  list-communities\n");
  return 2;
}

}  // namespace server
