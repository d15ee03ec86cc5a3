#pragma once
// A tablet under test: a Session on the fakes (fakes.hpp), its storage
// acknowledging each batch back to the session as it lands. A test file's
// own Device derives from fixture::Device and adds how it starts (the demo
// loaded, the clock set) and the shortcuts its tests share.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "app/session/session.hpp"
#include "fakes.hpp"

namespace fixture {

// The ports a session runs on. On their own for a test that builds (and
// rebuilds, as after a restart) its Session itself.
struct Ports {
  fakes::Clock clock;
  fakes::Random random;
  fakes::Storage storage;
  explicit Ports(std::uint64_t seed) : random(seed) {}
  // From now on the storage acknowledges each batch to `session`.
  void acknowledge_to(app::Session& session) {
    storage.on_commit = [&session](std::uint64_t b, bool ok, std::string m) { session.on_commit(b, ok, m); };
  }
};

struct Device : Ports {
  app::Session session;
  Device(std::uint64_t seed, const app::Id& device) : Ports(seed), session(clock, random, storage, device) { acknowledge_to(session); }
  // The first staff member with the role, in the master data's order.
  const app::Staff& with_role(app::Role role) const {
    for (const auto& [id, s] : session.master_data().staff) {
      if (s.role == role) return s;
    }
    FAIL("no staff of that role");
    return session.master_data().staff.begin()->second;
  }
  void as(app::Role role) { session.set_actor(with_role(role).id); }
  // The reports an incident closes with: the 特别事件报告 by whoever records now
  // and, for a lift entrapment, the 重大事故报告表 by the manager (then back to
  // whoever it was). True when every filing took.
  bool file_incident_reports(const app::Id& incident, const std::string& account = "情况及处理经过已记录") {
    bool ok = session.incidents().file_incident_report(incident, app::incidents::ReportForm::special, account).ok();
    const app::Incident* i = session.incidents().incident(incident);
    if (i && app::incidents::needs_major_report(i->kind)) {
      const app::Id me = session.actor();
      as(app::Role::manager);
      ok = session.incidents().file_incident_report(incident, app::incidents::ReportForm::major, "故障情况及处理经过：" + account).ok() && ok;
      session.set_actor(me);
    }
    return ok;
  }
};

}  // namespace fixture
