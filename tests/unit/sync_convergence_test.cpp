// Three tablets, the real server logic in-process, and a network that drops,
// duplicates, delays and reorders; tablets die between a local commit and
// the server's ack and restart from their durable log. Whatever happens, once
// the network heals everyone holds the same ops and the same state, every op
// a tablet reported saved is on the server, and nothing is applied twice.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "app/ops/codec.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sync_service.hpp"
#include "app/session/session.hpp"
#include "app/sync/sync_client.hpp"
#include "app/sync/wire.hpp"
#include "device_fixture.hpp"

using namespace app;

namespace {

struct Device : fixture::Ports {
  Id id;
  Id staff;  // who records on it
  std::string token;
  std::string persisted_state;  // the sync state record the shell keeps next to the log
  std::unique_ptr<Session> session;
  std::unique_ptr<sync::SyncClient> client;
  std::set<Id> saved;  // ops the device reported durable (must reach the server)

  Device(Id device, std::string tok, std::uint64_t seed) : Ports(seed), id(device), token(std::move(tok)) {}

  void boot() {
    storage.dead = false;
    storage.records_until_death = -1;
    session = std::make_unique<Session>(clock, random, storage, id);
    session->set_actor(staff);
    acknowledge_to(*session);
    session->load(storage.durable);
    // Small batches, so pushes span several requests as a big outbox would.
    sync::ClientOptions options;
    options.batch = 5;
    client = std::make_unique<sync::SyncClient>(clock, random, id, options);
    auto st = sync::decode_state(persisted_state);
    std::vector<std::string_view> views(storage.durable.begin(), storage.durable.end());
    client->restore(st.ok() ? st.value() : sync::SyncState{}, views);
    session->set_durable_listener([this](const std::vector<std::string>& records, bool from_server) {
      for (const auto& r : records) saved.insert(decode_op(r).value().op_id);
      client->on_durable(records, from_server);
    });
  }
  void persist() {
    if (session->pending_count() == 0) persisted_state = sync::encode_state(client->state());
  }
};

struct Flight {
  std::size_t device;
  std::uint64_t id;
  std::string body;
  enum Stage { request, response, lost } stage = request;
  server::Reply reply;
  int deliver_at = 0, timeout_at = 0;
  bool timed_out = false;
};

std::string digest(const MasterData& d) {
  std::map<Id, std::string> units, residents;
  for (const auto& [id, u] : d.units) units[id] = u.number + "/" + std::to_string(static_cast<int>(u.status));
  for (const auto& [id, r] : d.residents) residents[id] = r.name + "/" + r.phone + (r.removed ? "/x" : "");
  std::string out = d.community.name;
  for (const auto& [id, s] : units) out += "|" + id.to_hex() + "=" + s;
  for (const auto& [id, s] : residents) out += "|" + id.to_hex() + "=" + s;
  return out;
}

std::vector<Op> base_ops(const Id& community) {
  std::vector<Op> ops;
  fakes::Random r(7);
  auto make = [&](OpKind kind, const Id& entity) -> Payload& {
    Op op;
    op.op_id = Id::random(r);
    op.device_id = Id{0x5e, 0x5e};
    op.hlc = {1780000000000, static_cast<std::uint32_t>(ops.size())};
    op.entity = entity;
    op.kind = kind;
    ops.push_back(op);
    return ops.back().payload;
  };
  make(OpKind::community_set, community).set(F::name, std::string("锦绣花园")).set(F::city, std::string("杭州市"));
  const Id building = Id::random(r);
  make(OpKind::building_set, building).set(F::name, std::string("1栋")).set(F::floors, std::int64_t{18});
  for (int i = 1; i <= 4; ++i) {
    const Id unit = Id::random(r);
    make(OpKind::unit_set, unit).set(F::parent, building.to_hex()).set(F::floor, std::int64_t{i}).set(F::number, std::to_string(i) + "01");
    make(OpKind::resident_set, Id::random(r)).set(F::parent, unit.to_hex()).set(F::name, "业主" + std::to_string(i));
  }
  return ops;
}

template <typename Map>
std::vector<Id> keys(const Map& m) {
  std::vector<Id> out;
  for (const auto& [id, v] : m) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

// What the chaos did over all seeds: the test must not pass by doing nothing.
struct Tally {
  long crashes = 0, imports = 0, torn = 0, lost = 0, duplicated = 0, timeouts = 0, stale = 0, server_ops = 0;
};

void run_seed(std::uint64_t seed, Tally& tally) {
  fakes::Random rng(seed * 7919 + 1);
  auto roll = [&](int n) { return static_cast<int>(rng.next_u64() % static_cast<std::uint64_t>(n)); };
  fakes::Clock server_clock;
  fakes::Random server_random(seed);
  auto opened = server::ServerStore::open(":memory:");
  REQUIRE(opened.ok());
  server::ServerStore& store = *opened.value();
  // Small pages, so pulls run through "more" and cursors mid-log under chaos.
  server::Limits limits;
  limits.page_ops = 7;
  server::SyncService service(store, server_clock, server_random, limits);
  const Id community_uid{0xC0, seed + 1};
  auto community = store.create_community(community_uid, "锦绣花园", "杭州市");
  REQUIRE(community.ok());
  std::vector<std::pair<Id, std::string>> base;
  for (const Op& op : base_ops(community_uid)) base.emplace_back(op.op_id, encode_op(op));
  std::vector<std::pair<Id, std::string_view>> rows(base.begin(), base.end());
  REQUIRE(store.insert_ops(community.value().id, rows).ok());

  std::vector<std::unique_ptr<Device>> devices;
  for (std::uint64_t i = 0; i < 3; ++i) {
    auto d = std::make_unique<Device>(Id{0xD0 + i, seed}, "token-" + std::to_string(i), seed * 31 + i);
    d->clock.now += static_cast<std::int64_t>(i) * 1500 - 1500;  // skewed tablet clocks
    d->staff = Id{0x57, seed * 8 + i};
    const std::string code = "GJ00" + std::to_string(i);
    REQUIRE(store.put_staff({community.value().id, code, d->staff, 0, "-", "-"}).ok());
    REQUIRE(store.add_device(server::hash_token(d->token), {community.value().id, code, d->id, 0}, server_clock.now).ok());
    d->boot();
    devices.push_back(std::move(d));
  }
  // The three share the three tablets (each has signed in on each): so one
  // may restore another's backup and send what it holds (app/server/push_gate.hpp).
  for (const auto& tablet : devices) {
    for (const auto& person : devices) {
      REQUIRE(store.record_device_user(community.value().id, tablet->id, person->staff, 0).ok());
    }
  }

  std::vector<Flight> flights;
  int step = 0;
  auto deliver = [&](Flight& f) {
    Device& d = *devices[f.device];
    auto pulled = d.client->on_response(f.id, f.reply.status, f.reply.body);
    if (pulled.ok() && !pulled.value().empty()) REQUIRE(d.session->merge_remote(std::move(pulled).value()).ok());
  };
  auto command = [&](Device& d) {
    const auto& data = d.session->master_data();
    const auto units = keys(data.units);
    if (units.empty()) return;
    const Id unit = units[static_cast<std::size_t>(roll(static_cast<int>(units.size())))];
    switch (roll(3)) {
      case 0: (void)d.session->estate().set_unit_status(unit, static_cast<UnitStatus>(roll(4))); break;
      case 1: (void)d.session->estate().add_resident(unit, {"住户" + std::to_string(roll(1000)), "1380000" + std::to_string(1000 + roll(9000)), ""}); break;
      default: {
        const auto people = keys(data.residents);
        if (!people.empty()) {
          (void)d.session->estate().set_resident_phone(people[static_cast<std::size_t>(roll(static_cast<int>(people.size())))],
                                              "1390000" + std::to_string(1000 + roll(9000)));
        }
      }
    }
  };

  // Chaos: commands, syncs, a lossy network, crashes.
  for (step = 0; step < 60; ++step) {
    for (auto& d : devices) d->clock.now += 200 + roll(20000);
    for (std::size_t i = 0; i < devices.size(); ++i) {
      Device& d = *devices[i];
      const int what = roll(10);
      if (what < 4) {
        if (roll(12) == 0) {
          d.storage.records_until_death = roll(2);  // the battery dies mid-write
          ++tally.torn;
        }
        command(d);
      } else if (what < 7 && d.client->due()) {
        auto req = d.client->next_request();
        Flight f{i, req.id, std::move(req.body), Flight::request, {}, 0, 0, false};
        f.stage = roll(8) == 0 ? Flight::lost : Flight::request;
        if (f.stage == Flight::lost) ++tally.lost;
        f.deliver_at = step + roll(3);
        f.timeout_at = step + 2 + roll(4);
        flights.push_back(std::move(f));
      } else if (what == 8 && roll(4) == 0) {
        // A backup from another tablet restored here: its ops are stored like
        // local ones and pushed again, which the server must take in its stride.
        const std::size_t other = (i + 1 + static_cast<std::size_t>(roll(2))) % devices.size();
        REQUIRE(d.session->import_backup(devices[other]->session->export_backup()).ok());
        ++tally.imports;
      } else if (what == 7 && roll(3) == 0) {
        ++tally.crashes;
        // Killed between local commit and server ack: whatever is in flight for it is gone.
        flights.erase(std::remove_if(flights.begin(), flights.end(), [&](const Flight& f) { return f.device == i; }),
                      flights.end());
        d.boot();
      }
      if (d.storage.dead && roll(2) == 0) {
        flights.erase(std::remove_if(flights.begin(), flights.end(), [&](const Flight& f) { return f.device == i; }),
                      flights.end());
        d.boot();
      }
    }
    // The network, in a shuffled order (reordering), with duplicates and delays.
    for (std::size_t k = flights.size(); k > 1; --k) std::swap(flights[k - 1], flights[static_cast<std::size_t>(roll(static_cast<int>(k)))]);
    std::vector<Flight> next;
    for (Flight& f : flights) {
      if (f.deliver_at > step) {
        next.push_back(std::move(f));
        continue;
      }
      if (f.stage == Flight::request) {
        f.reply = service.sync("Bearer " + devices[f.device]->token, f.body);
        if (roll(6) == 0) {
          f.reply = service.sync("Bearer " + devices[f.device]->token, f.body);  // a retried POST
          ++tally.duplicated;
        }
        REQUIRE(f.reply.status == 200);
        f.stage = roll(6) == 0 ? Flight::lost : Flight::response;
        if (f.stage == Flight::lost) ++tally.lost;
        f.deliver_at = step + roll(4);
        next.push_back(std::move(f));
      } else if (f.stage == Flight::response) {
        deliver(f);
        if (f.timed_out) ++tally.stale;
        if (roll(6) == 0) {
          deliver(f);  // duplicated answer: must be a no-op
          ++tally.duplicated;
        }
      } else if (!f.timed_out) {
        next.push_back(std::move(f));  // lost: only the timeout tells
      }
    }
    flights = std::move(next);
    for (Flight& f : flights) {
      if (!f.timed_out && step >= f.timeout_at) {
        f.timed_out = true;
        ++tally.timeouts;
        devices[f.device]->client->on_failure(f.id, "timeout");
      }
    }
    for (auto& d : devices) d->persist();
  }

  // Heal: late answers still arrive (stale), then everyone syncs until quiet.
  for (Flight& f : flights) if (f.stage == Flight::response) deliver(f);
  for (auto& d : devices) {
    if (d->storage.dead) d->boot();
    d->storage.records_until_death = -1;  // no more dying: the healed world
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& d : devices) {
      for (int guard = 0; guard < 200; ++guard) {
        d->client->poke();
        auto req = d->client->next_request();
        auto reply = service.sync("Bearer " + d->token, req.body);
        REQUIRE(reply.status == 200);
        auto pulled = d->client->on_response(req.id, reply.status, reply.body);
        REQUIRE(pulled.ok());
        if (!pulled.value().empty()) REQUIRE(d->session->merge_remote(std::move(pulled).value()).ok());
        if (d->client->status().pending == 0 && d->client->due() == false) break;
      }
      d->persist();
    }
  }

  auto server_records = store.all_records(community.value().id);
  REQUIRE(server_records.ok());
  std::set<Id> server_ids;
  std::vector<Op> server_ops;
  for (const auto& r : server_records.value()) {
    server_ops.push_back(decode_op(r).value());
    server_ids.insert(server_ops.back().op_id);
  }
  REQUIRE(server_ids.size() == server_records.value().size());  // stored once each
  tally.server_ops += static_cast<long>(server_ids.size());
  Replica server_view;
  server_view.add(server_ops);
  const std::string expected = digest(server_view.data());
  for (auto& d : devices) {
    INFO("seed " << seed << " device " << d->id.to_hex() << " pending " << d->session->pending_count() << " dead "
                  << d->storage.dead << " outbox " << d->client->status().pending << " err " << d->client->status().last_error
                  << " durable " << d->storage.durable.size());
    CHECK(d->session->op_count() == server_ids.size());
    std::set<Id> mine;
    for (const Op& op : d->session->decoded_log()) mine.insert(op.op_id);
    CHECK(mine == server_ids);
    for (const Id& id : d->saved) CHECK(server_ids.count(id) == 1);  // nothing saved is lost
    CHECK(digest(d->session->master_data()) == expected);
    CHECK(d->client->status().pending == 0);
    // A restart from the durable log agrees too (the persisted sync state included).
    d->boot();
    CHECK(d->session->op_count() == server_ids.size());
    CHECK(digest(d->session->master_data()) == expected);
  }
}

}  // namespace

TEST_CASE("three tablets converge through a lossy network and crashes (1,000 seeds)") {
  Tally tally;
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) run_seed(seed, tally);
  INFO("crashes " << tally.crashes << " imports " << tally.imports << " torn " << tally.torn << " lost " << tally.lost << " duplicated "
                  << tally.duplicated << " timeouts " << tally.timeouts << " stale " << tally.stale << " ops "
                  << tally.server_ops);
  CHECK(tally.crashes > 1000);
  CHECK(tally.imports > 1000);
  CHECK(tally.torn > 1000);
  CHECK(tally.lost > 1000);
  CHECK(tally.duplicated > 1000);
  CHECK(tally.timeouts > 1000);
  CHECK(tally.stale > 100);
}
