#pragma once
// A server with two communities under chosen quotas, driven in-process
// (quota_test.cpp, blob_gc_test.cpp): tablets enrol, push photo records,
// upload photos, on a clock the test moves.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "app/core/sha256.hpp"
#include "app/ops/codec.hpp"
#include "app/server/admin.hpp"
#include "app/server/server_store.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

namespace quota_fixture {

struct Tablet {
  std::string token;
  app::Id device, staff;
  std::int64_t community = 0;
};

inline server::Limits limits_with(const server::Quotas& quotas) {
  server::Limits l;
  l.quotas = quotas;
  return l;
}

struct Server {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(test_db::location())).value();
  fakes::Clock clock;
  fakes::Random random{21};
  std::unique_ptr<server::SyncService> service;
  std::FILE* sink = std::tmpfile();

  explicit Server(const server::Quotas& quotas = {}) {
    service = std::make_unique<server::SyncService>(*store, clock, random, limits_with(quotas));
    admin({"create-community", "翠苑", "宁波市"});
    admin({"create-community", "幸福里", "杭州市"});
    admin({"add-staff", "翠苑", "GJ001", "孙管家", "butler", "135790"});
    admin({"add-staff", "幸福里", "XF001", "赵管家", "butler", "135790"});
  }
  ~Server() { std::fclose(sink); }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void admin(std::vector<std::string> args) { REQUIRE(server::run_admin(args, *store, sink, sink) == 0); }
  std::int64_t community(const std::string& name) { return store->find_community(name)->id; }

  Tablet enroll(const std::string& code, const app::Id& device) {
    const server::Reply r = service->enroll(app::sync::encode_enroll_request({code, "135790", device}));
    REQUIRE(r.status == 200);
    const auto staff = store->find_staff(code);
    return Tablet{app::sync::parse_enroll_response(r.body).value().token, device, staff->staff, staff->community};
  }

  // A photo record naming `sha`, as the tablet's add_photo writes it.
  app::Op photo_op(const Tablet& t, const std::string& sha) {
    app::Op o;
    o.op_id = app::Id::random(random);
    o.device_id = t.device;
    o.actor = t.staff;
    o.hlc = {clock.now, 0};
    o.entity = app::Id::random(random);
    o.kind = app::OpKind::photo_added;
    o.payload.set(app::F::parent, app::Id::random(random).to_hex()).set(app::F::photo, sha).set(app::F::taken_ms, clock.now);
    return o;
  }
  std::vector<app::Op> photo_ops(const Tablet& t, int n) {
    std::vector<app::Op> ops;
    for (int i = 0; i < n; ++i) ops.push_back(photo_op(t, app::sha256_hex("photo " + std::to_string(random.next_u64()))));
    return ops;
  }

  server::Reply push(const Tablet& t, const std::vector<app::Op>& ops) {
    std::vector<std::string> records;
    for (const app::Op& o : ops) records.push_back(app::encode_op(o));
    std::vector<std::string_view> views(records.begin(), records.end());
    return service->sync("Bearer " + t.token, app::sync::encode_request(t.device, 0, views));
  }
  server::Reply put(const Tablet& t, const std::string& bytes) {
    return service->put_blob("Bearer " + t.token, app::sha256_hex(bytes), bytes);
  }
  int get_status(const Tablet& t, const std::string& bytes) {
    return service->get_blob("Bearer " + t.token, app::sha256_hex(bytes)).status;
  }
  static std::string code_of(const server::Reply& r) { return app::sync::parse_error_body(r.status, r.body).code; }
};

}  // namespace quota_fixture
