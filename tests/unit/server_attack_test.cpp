// Issue 20's denial-of-service attacks against the real server on loopback:
// a 200 MiB chunked body, 12 MiB bodies to the unauthenticated enrolment,
// clients trickling header bytes, heads that never end. In each case a
// concurrent GET /api/v1/health answers in under a second and the process
// (server and attackers both: the attackers stream from a small buffer)
// grows its peak memory by less than 256 MB. Before the fix the chunked body
// was read whole, four enrolments peaked at 3.25 GB and 12 slow clients
// blocked /health.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "http_fixture.hpp"

using http_fixture::Raw;
using http_fixture::Served;

namespace {

constexpr long long kMaxGrowth = 256ll << 20;

// Runs `attackers` threads, each repeating `attack` until told to stop (at
// most `rounds` times), and probes /health from this thread while they
// run. Returns the slowest probe's wall time in ms (-1: a probe got no answer).
long long health_under_attack(int port, int attackers, int rounds, const std::function<void(int)>& attack) {
  std::atomic<bool> stop{false};
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  for (int a = 0; a < attackers; ++a) {
    threads.emplace_back([&, a] {
      ++started;
      for (int r = 0; r < rounds && !stop; ++r) attack(a);
    });
  }
  while (started < attackers) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the attack is under way
  long long slowest = 0;
  for (int probe = 0; probe < 5; ++probe) {
    const long long ms = http_fixture::health_ms(port);
    slowest = ms < 0 ? -1 : std::max(slowest, ms);
    if (ms < 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  for (auto& t : threads) t.join();
  return slowest;
}

// A body of `total` bytes sent 64 KiB at a time until the server answers or
// stops reading; the bytes sent, and the answer in `answer`.
std::size_t stream_body(Raw& c, std::size_t total, bool chunked, std::string* answer) {
  const std::string piece(64 * 1024, '1');
  const std::string chunk = "10000\r\n" + piece + "\r\n";
  std::size_t sent = 0;
  while (sent < total && !c.readable(0) && c.send(chunked ? chunk : piece)) sent += piece.size();
  *answer = c.read_until_closed(5000);
  return sent;
}

}  // namespace

TEST_CASE("a 200 MiB chunked body is refused before it is read, and health answers meanwhile") {
  Served srv;
  REQUIRE(http_fixture::health_ms(srv.port) >= 0);
  const long long rss = http_fixture::reset_peak_rss();
  std::atomic<int> refused{0}, other{0};
  std::atomic<std::size_t> most_sent{0};
  const long long slowest = health_under_attack(srv.port, 4, 20, [&](int a) {
    Raw c(srv.port);
    const char* path = a % 2 == 0 ? "/api/v1/sync" : "/api/v1/enroll";
    std::string answer;
    std::size_t sent = 0;
    if (c.send(std::string("POST ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")) {
      sent = stream_body(c, 200u << 20, true, &answer);
    }
    if (http_fixture::status_of(answer) == 411 && answer.find("\"error\":\"length_required\"") != std::string::npos) ++refused;
    else ++other;
    if (sent > most_sent) most_sent = sent;
  });
  CHECK(slowest >= 0);
  CHECK(slowest < 1000);
  CHECK(refused > 0);
  CHECK(other == 0);
  CHECK(most_sent < (200u << 20));  // each attacker stopped when refused, long before 200 MiB
  CHECK(http_fixture::proc_status_bytes("VmHWM") - rss < kMaxGrowth);
}

TEST_CASE("12 MiB bodies to the enrolment are refused by their length, four at once, and health answers meanwhile") {
  Served srv;
  REQUIRE(http_fixture::health_ms(srv.port) >= 0);
  const long long rss = http_fixture::reset_peak_rss();
  std::atomic<int> refused{0}, other{0};
  const std::size_t twelve = 12u << 20;
  const long long slowest = health_under_attack(srv.port, 4, 10, [&](int) {
    Raw c(srv.port);
    std::string answer;
    if (c.send("POST /api/v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
               std::to_string(twelve) + "\r\n\r\n[")) {
      stream_body(c, twelve - 1, false, &answer);
    }
    if (http_fixture::status_of(answer) == 413 && answer.find("\"error\":\"too_large\"") != std::string::npos) ++refused;
    else ++other;
  });
  CHECK(slowest >= 0);
  CHECK(slowest < 1000);
  CHECK(refused >= 4);
  CHECK(other == 0);
  CHECK(http_fixture::proc_status_bytes("VmHWM") - rss < kMaxGrowth);

  // httplib's own client sends the whole body before it reads: it still gets
  // the answer (the server reads and drops the rest), not a reset.
  httplib::Client cli("127.0.0.1", srv.port);
  auto res = cli.Post("/api/v1/enroll", std::string(twelve, ' '), "application/json");
  REQUIRE(res);
  CHECK(res->status == 413);
  CHECK(res->get_header_value("Connection") == "close");
}

TEST_CASE("12 clients trickling header bytes do not block health, and are cut off when their head is too slow") {
  server::HttpTuning tuning;
  tuning.head_deadline_ms = 2000;  // the default is 10 s: shorter, so the test sees it happen
  Served srv(tuning);
  REQUIRE(http_fixture::health_ms(srv.port) >= 0);
  const long long rss = http_fixture::reset_peak_rss();
  std::atomic<int> cut_off{0};
  const long long slowest = health_under_attack(srv.port, 12, 1, [&](int) {
    Raw c(srv.port);
    if (!c.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")) return;
    // One byte every 200 ms, each well inside the read timeout: only the
    // head's deadline ends it (or 20 s, when the test has failed anyway).
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
      if (c.readable(200)) {
        c.read_until_closed(1000);
        if (c.closed()) ++cut_off;
        return;
      }
      if (!c.send("a")) {
        ++cut_off;
        return;
      }
    }
  });
  CHECK(slowest >= 0);
  CHECK(slowest < 1000);
  CHECK(cut_off == 12);
  CHECK(http_fixture::proc_status_bytes("VmHWM") - rss < kMaxGrowth);
}

TEST_CASE("a request head that never ends is cut off at 64 KiB, whether one long line or many headers") {
  Served srv;
  const long long rss = http_fixture::reset_peak_rss();
  const std::string line(64 * 1024, 'A');
  for (const char* start : {"GET /", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"}) {
    INFO(start);
    Raw c(srv.port);
    REQUIRE(c.send(start));
    std::size_t sent = 0;
    const bool headers = std::string(start).find("\r\n") != std::string::npos;
    const std::string piece = headers ? "X-Filler: " + std::string(4000, 'b') + "\r\n" : line;
    while (sent < (64u << 20) && !c.readable(0) && c.send(piece)) sent += piece.size();
    c.read_until_closed(5000);
    CHECK(c.closed());
    CHECK(sent < (64u << 20));
  }
  CHECK(http_fixture::health_ms(srv.port) >= 0);
  CHECK(http_fixture::proc_status_bytes("VmHWM") - rss < kMaxGrowth);
}
