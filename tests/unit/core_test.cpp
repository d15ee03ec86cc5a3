#include <catch2/catch.hpp>

#include "app/core/hlc.hpp"
#include "app/core/id.hpp"
#include "fakes.hpp"

using app::Hlc;
using app::HybridClock;
using app::Id;

TEST_CASE("ids are random, 128-bit, and survive a hex round trip") {
  fakes::Random rng(7);
  Id a = Id::random(rng), b = Id::random(rng);
  CHECK(a != b);
  CHECK_FALSE(a.is_nil());
  Id back;
  REQUIRE(Id::from_hex(a.to_hex(), &back));
  CHECK(back == a);
  CHECK(a.to_hex().size() == 32);
  CHECK_FALSE(Id::from_hex("xyz", &back));
  CHECK_FALSE(Id::from_hex(std::string(32, 'g'), &back));
}

TEST_CASE("the hybrid clock never goes backwards when the wall clock does") {
  fakes::Clock wall;
  HybridClock clock(wall);
  Hlc last = clock.tick();
  for (int step = 0; step < 1000; ++step) {
    // The tablet's clock wanders: forward, still, and back by up to an hour.
    wall.now += (step % 7 == 0) ? -3600000 : (step % 3 == 0 ? 0 : 17);
    const Hlc next = clock.tick();
    REQUIRE(last < next);
    last = next;
  }
}

TEST_CASE("observing a remote timestamp moves the clock past it") {
  fakes::Clock wall;
  HybridClock clock(wall);
  const Hlc remote{wall.now + 60000, 5};
  clock.observe(remote);
  const Hlc next = clock.tick();
  CHECK(remote < next);
  clock.observe(Hlc{0, 0});  // an old one changes nothing
  CHECK(next < clock.tick());
}
