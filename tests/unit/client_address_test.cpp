// --trusted-proxy (issue 20): behind nginx every request's peer is 127.0.0.1,
// so a trusted proxy's X-Forwarded-For (its last entry) names the client for
// sign-in throttling; from any other peer the header changes nothing.
#include <catch2/catch.hpp>

#include "app/server/client_address.hpp"
#include "app/sync/wire.hpp"
#include "http_fixture.hpp"

namespace {

// The real HTTP stack, trusting `trusted`, with at most two wrong PINs per client address.
struct Throttled {
  fakes::Clock clock;
  server::OsRandom random;
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(":memory:")).value();
  std::unique_ptr<server::SyncService> service;
  server::HttpServer http;
  std::thread thread;
  int port = 0;

  explicit Throttled(const server::TrustedProxies& trusted) {
    server::Limits limits;
    limits.sign_in.address_failures = 2;
    service = std::make_unique<server::SyncService>(*store, clock, random, limits);
    server::mount_api(http, *service, trusted);
    port = http.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::yield();
  }
  ~Throttled() {
    http.stop();
    thread.join();
  }

  // A wrong PIN for a code nobody has, from a new device, saying it is for `forwarded_for`.
  int wrong_pin(const std::string& forwarded_for) {
    httplib::Client cli("127.0.0.1", port);
    httplib::Headers headers;
    if (!forwarded_for.empty()) headers.emplace("X-Forwarded-For", forwarded_for);
    const std::string body = app::sync::encode_enroll_request({"NOBODY" + std::to_string(++tries), "123456", app::Id{0xF0, tries}});
    auto res = cli.Post("/api/v1/enroll", headers, body, "application/json");
    return res ? res->status : 0;
  }
  std::uint64_t tries = 0;
};

}  // namespace

TEST_CASE("the client address is a trusted proxy's last X-Forwarded-For entry, and the peer's for anyone else") {
  server::TrustedProxies trusted;
  CHECK(trusted.empty());
  REQUIRE(trusted.add("127.0.0.1"));
  REQUIRE(trusted.add(" ::1 , 10.0.0.2"));
  CHECK_FALSE(trusted.add("10.0.0.3,nginx"));  // a bad entry: nothing of it is added
  CHECK_FALSE(trusted.contains("10.0.0.3"));
  CHECK_FALSE(trusted.add(""));
  CHECK(trusted.contains("127.0.0.1"));
  CHECK(trusted.contains("::ffff:127.0.0.1"));  // the same proxy on a dual-stack socket
  CHECK(trusted.contains("::1"));
  CHECK(trusted.contains("10.0.0.2"));
  CHECK_FALSE(trusted.contains("127.0.0.2"));

  using server::client_address;
  CHECK(client_address("127.0.0.1", "203.0.113.9", trusted) == "203.0.113.9");
  // The last entry is the one the proxy appended; what the client sent before it is not believed.
  CHECK(client_address("127.0.0.1", "198.51.100.1, 203.0.113.9", trusted) == "203.0.113.9");
  CHECK(client_address("127.0.0.1", "198.51.100.1,2001:db8::7", trusted) == "2001:db8::7");
  CHECK(client_address("127.0.0.1", "", trusted) == "127.0.0.1");
  CHECK(client_address("127.0.0.1", "203.0.113.9, unknown", trusted) == "127.0.0.1");
  CHECK(client_address("127.0.0.1", std::string(500, '1'), trusted) == "127.0.0.1");
  // Not a trusted peer: the header is ignored.
  CHECK(client_address("192.0.2.50", "203.0.113.9", trusted) == "192.0.2.50");
  CHECK(client_address("192.0.2.50", "203.0.113.9", server::TrustedProxies()) == "192.0.2.50");
}

TEST_CASE("over HTTP a trusted proxy's clients are throttled each by their own address") {
  server::TrustedProxies trusted;
  REQUIRE(trusted.add("127.0.0.1"));
  Throttled srv(trusted);
  // Client A spends its two wrong PINs, then waits.
  CHECK(srv.wrong_pin("203.0.113.9") == 401);
  CHECK(srv.wrong_pin("203.0.113.9") == 401);
  CHECK(srv.wrong_pin("203.0.113.9") == 429);
  // Client B behind the same proxy is not locked out by A.
  CHECK(srv.wrong_pin("198.51.100.4") == 401);
  // A cannot escape by sending a header of its own: the proxy appends the real address last.
  CHECK(srv.wrong_pin("198.51.100.77, 203.0.113.9") == 429);
}

TEST_CASE("over HTTP a spoofed X-Forwarded-For from an untrusted peer changes nothing") {
  SECTION("no proxy trusted") {
    Throttled srv{server::TrustedProxies()};
    CHECK(srv.wrong_pin("203.0.113.9") == 401);
    CHECK(srv.wrong_pin("203.0.113.10") == 401);
    // The peer (127.0.0.1) has spent its two: a new address in the header does not help.
    CHECK(srv.wrong_pin("203.0.113.11") == 429);
    CHECK(srv.wrong_pin("") == 429);
  }
  SECTION("another proxy trusted") {
    server::TrustedProxies trusted;
    REQUIRE(trusted.add("10.9.9.9"));
    Throttled srv(trusted);
    CHECK(srv.wrong_pin("203.0.113.9") == 401);
    CHECK(srv.wrong_pin("203.0.113.10") == 401);
    CHECK(srv.wrong_pin("203.0.113.11") == 429);
  }
}
