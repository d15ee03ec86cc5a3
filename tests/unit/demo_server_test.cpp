// "--demo ... says it is a demo on every page" (issue 20): a --demo server's
// health and enrolment answers carry "demo":true (the office page shows a
// banner, the tablet's top bar 演示服务器 and keeps it with its enrolment),
// a real server's do not; and demo-init, like --demo, refuses a database
// holding a real community.
#include <catch2/catch.hpp>

#include "app/server/admin.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "app/sync/enrollment.hpp"
#include "app/sync/wire.hpp"
#include "fakes.hpp"

namespace {

struct DemoServer {
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(":memory:")).value();
  fakes::Clock clock;
  fakes::Random random{31};
  server::SyncService service{*store, clock, random};
};

std::string butler_pin(const std::vector<server::DemoLogin>& logins, std::string* code) {
  for (const auto& l : logins) {
    if (l.role == 0) {
      *code = l.code;
      return l.pin;
    }
  }
  return {};
}

}  // namespace

TEST_CASE("a --demo server says so in its health and enrolment answers, and the tablet keeps it with its enrolment") {
  DemoServer s;
  auto logins = server::demo_init(*s.store, s.random);
  REQUIRE(logins.ok());
  std::string code;
  const std::string pin = butler_pin(logins.value(), &code);
  REQUIRE_FALSE(pin.empty());
  const std::string request = app::sync::encode_enroll_request({code, pin, app::Id{0xD, 1}});

  // Not started with --demo: nothing said.
  CHECK(s.service.health().body.find("demo") == std::string::npos);
  const server::Reply plain = s.service.enroll(request, "10.0.0.1");
  REQUIRE(plain.status == 200);
  CHECK(plain.body.find("demo") == std::string::npos);
  auto plain_enrolment = app::sync::enroll_answer("http://x", code, plain.status, plain.body);
  REQUIRE(plain_enrolment.ok());
  CHECK_FALSE(plain_enrolment.value().demo_server);

  s.service.serve_demo();
  CHECK(s.service.health().body.find("\"demo\":true") != std::string::npos);
  const server::Reply demo = s.service.enroll(request, "10.0.0.1");
  REQUIRE(demo.status == 200);
  auto answer = app::sync::parse_enroll_response(demo.body);
  REQUIRE(answer.ok());
  CHECK(answer.value().demo);
  auto enrolment = app::sync::enroll_answer("http://x", code, demo.status, demo.body);
  REQUIRE(enrolment.ok());
  CHECK(enrolment.value().demo_server);
  // Kept across a restart of the app (stored with the preferences).
  auto kept = app::sync::decode_enrollment(app::sync::encode_enrollment(enrolment.value()));
  REQUIRE(kept.ok());
  CHECK(kept.value().demo_server);
  auto kept_plain = app::sync::decode_enrollment(app::sync::encode_enrollment(plain_enrolment.value()));
  REQUIRE(kept_plain.ok());
  CHECK_FALSE(kept_plain.value().demo_server);
  // A "demo" that is not true is no demo.
  const std::string ids = R"("community":"00000000000000010000000000000001","staff":"00000000000000020000000000000002")";
  CHECK_FALSE(app::sync::parse_enroll_response(R"({"token":"t",)" + ids + R"(,"demo":"yes"})").value().demo);
  CHECK_FALSE(app::sync::parse_enroll_response(R"({"token":"t",)" + ids + R"(,"demo":false})").value().demo);
}

TEST_CASE("demo-init refuses a database holding a real community, as --demo does, and adds nothing to it") {
  DemoServer s;
  server::ServerWriter writer(*s.store, s.clock, s.random);
  REQUIRE(server::create_community(writer, *s.store, "翠苑", "宁波市").ok());
  auto refused = server::demo_init(*s.store, s.random);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "not_demo");
  CHECK(refused.error().message.find("翠苑") != std::string::npos);
  CHECK(refused.error().message.find("demo-init") != std::string::npos);
  CHECK(s.store->communities().size() == 1);
  for (const auto& l : server::demo_logins()) CHECK_FALSE(s.store->find_staff(l.code));

  // On an empty database, and never twice.
  DemoServer empty;
  REQUIRE(server::demo_init(*empty.store, empty.random).ok());
  CHECK_FALSE(server::demo_init(*empty.store, empty.random).ok());
}
