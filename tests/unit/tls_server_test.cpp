// butler-server --tls-cert/--tls-key (issue 20): HTTPS from the server's own
// connection loop (app/server/tls_channel.hpp), which keeps every bound the
// plain one keeps: an oversized body is refused unread and ends its
// connection, an overlong head is dropped, a trickled handshake is held to the
// head's deadline. The certificate is a throwaway made with the openssl command.
#include <catch2/catch.hpp>

#include "http_fixture.hpp"
#include "tls_fixture.hpp"

using http_fixture::Raw;
using tls_fixture::TempDir;

namespace {

// The server's HTTP stack as main.cpp assembles it, serving HTTPS.
struct TlsServed {
  fakes::Clock clock;
  server::OsRandom random;
  std::unique_ptr<server::ServerStore> store = std::move(server::ServerStore::open(":memory:")).value();
  std::unique_ptr<server::SyncService> service;
  server::HttpServer http;
  std::thread thread;
  int port = 0;

  TlsServed(const TempDir& dir, const server::HttpTuning& tuning) : http(tuning) {
    service = std::make_unique<server::SyncService>(*store, clock, random);
    const auto tls = http.use_tls(dir.file("cert.pem"), dir.file("key.pem"));
    INFO((tls.ok() ? std::string() : tls.error().message));
    REQUIRE(tls.ok());
    server::mount_api(http, *service);
    server::mount_security_headers(http);
    port = http.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::yield();
  }
  ~TlsServed() {
    http.stop();
    if (thread.joinable()) thread.join();
  }
};

// A client that trusts the throwaway certificate, and only it.
std::unique_ptr<httplib::SSLClient> client(const TempDir& dir, int port) {
  auto cli = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
  cli->set_ca_cert_path(dir.file("cert.pem").c_str());
  cli->enable_server_certificate_verification(true);
  cli->set_connection_timeout(5);
  cli->set_read_timeout(10);
  return cli;
}

}  // namespace

TEST_CASE("HTTPS of the server's own answers over TLS with its certificate and security headers, and nothing to plain HTTP") {
  TempDir dir;
  REQUIRE(tls_fixture::make_self_signed(dir));
  TlsServed srv(dir, server::HttpTuning());
  CHECK(srv.http.tls());

  auto cli = client(dir, srv.port);
  cli->set_keep_alive(true);
  for (int i = 0; i < 3; ++i) {  // kept alive: several requests on one TLS connection
    auto res = cli->Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.find("\"ok\":true") != std::string::npos);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Content-Security-Policy") == server::kNothingPolicy);
  }
  // A body within its bound is read whole through TLS (a wrong enrolment: 401).
  auto wrong = cli->Post("/api/v1/enroll", R"({"code":"GJ001","pin":"123456","device_id":"00000000000000010000000000000002"})",
                        "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);

  // A client that does not trust the certificate gets no answer.
  httplib::SSLClient untrusting("127.0.0.1", srv.port);
  untrusting.enable_server_certificate_verification(true);  // the system's CAs only
  CHECK_FALSE(untrusting.Get("/api/v1/health"));

  // Plain HTTP on the HTTPS port is no handshake: closed without an HTTP answer.
  Raw plain(srv.port);
  REQUIRE(plain.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
  const std::string answer = plain.read_until_closed(5000);
  CHECK(answer.rfind("HTTP/1.1", 0) != 0);
  CHECK(plain.closed());

  // Files that are not a certificate and key are refused with a reason.
  server::HttpServer other;
  const auto bad = other.use_tls(dir.file("key.pem"), dir.file("cert.pem"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("certificate") != std::string::npos);
  CHECK_FALSE(other.tls());
  CHECK_FALSE(other.use_tls(dir.file("missing.pem"), dir.file("key.pem")).ok());
}

TEST_CASE("HTTPS keeps the limits: an oversized body refused unread, an overlong head dropped, a trickled handshake cut at the deadline") {
  TempDir dir;
  REQUIRE(tls_fixture::make_self_signed(dir));
  server::HttpTuning tuning;
  tuning.head_deadline_ms = 500;
  TlsServed srv(dir, tuning);

  {  // One byte over enrolment's 4 KiB: 413 in the JSON shape, and the connection ends.
    auto cli = client(dir, srv.port);
    auto res = cli->Post("/api/v1/enroll", std::string(4097, 'x'), "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(res->body.find("\"error\":\"too_large\"") != std::string::npos);
    CHECK(res->get_header_value("Connection") == "close");
  }
  {  // A sync body past 8 MiB: refused from its Content-Length, the client still reads the answer.
    auto cli = client(dir, srv.port);
    auto res = cli->Post("/api/v1/sync", {{"Authorization", "Bearer x"}}, std::string((8u << 20) + 1, 'x'), "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
  }
  {  // A head past 64 KiB is dropped without an answer.
    auto cli = client(dir, srv.port);
    auto res = cli->Get("/api/v1/health", {{"X-Padding", std::string(70 * 1024, 'a')}});
    CHECK_FALSE(res);
  }
  {  // Half a ClientHello, then nothing: closed at the head's deadline (0.5 s
     // here), not left open (read_until_closed gives up after 5 s of silence).
    Raw c(srv.port);
    REQUIRE(c.send(std::string("\x16\x03\x01\x02\x00\x01", 6)));
    (void)c.read_until_closed(5000);
    CHECK(c.closed());
  }
  // And the server still answers.
  auto cli = client(dir, srv.port);
  auto res = cli->Get("/api/v1/health");
  REQUIRE(res);
  CHECK(res->status == 200);
}
