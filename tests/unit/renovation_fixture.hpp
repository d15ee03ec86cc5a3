#pragma once
// The renovation tests' shared step: an application's two approvals, each by
// the role the manual names (000:463 工程维修部经理 reviews the works, 000:453
// the manager approves), then back to whoever was acting.
#include <catch2/catch.hpp>

#include "device_fixture.hpp"

namespace fixture {

inline void review_and_approve(Device& d, const app::Id& application) {
  const app::Id me = d.session.actor();
  d.as(app::Role::engineering);
  REQUIRE(d.session.renovation().review_renovation_works(application).ok());
  d.as(app::Role::manager);
  REQUIRE(d.session.renovation().approve_renovation(application).ok());
  d.session.set_actor(me);
}

}  // namespace fixture
