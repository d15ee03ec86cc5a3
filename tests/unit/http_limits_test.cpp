// Every body bounded before it is read (app/server/http_limits.hpp), each
// endpoint by its own size, and the transport around it: a refused request
// ends its connection (the client still reads the answer), kept-alive
// connections carry many requests, every answer has the security headers.
#include <catch2/catch.hpp>

#include "app/server/http_limits.hpp"
#include "http_fixture.hpp"

using http_fixture::Raw;
using http_fixture::Served;

namespace {

httplib::Request request(const char* method, const char* path, httplib::Headers headers) {
  httplib::Request r;
  r.method = method;
  r.path = path;
  r.headers = std::move(headers);
  return r;
}

int refused_with(const httplib::Request& r) {
  const auto refusal = server::refuse_body(r, server::Limits{});
  return refusal ? refusal->status : 0;
}

}  // namespace

TEST_CASE("each endpoint's body bound, and none for the rest") {
  const server::Limits limits;
  CHECK(server::body_bound("POST", "/api/v1/enroll", limits) == 4096);
  CHECK(server::body_bound("POST", "/api/v1/sync", limits) == limits.sync_body);
  CHECK(server::body_bound("PUT", "/api/v1/blobs/" + std::string(64, 'a'), limits) == limits.blob_body);
  CHECK(server::body_bound("POST", "/api/v1/import/residents", limits) == limits.import_body);
  CHECK(server::body_bound("GET", "/api/v1/sync", limits) == 0);
  CHECK(server::body_bound("PUT", "/api/v1/sync", limits) == 0);
  CHECK(server::body_bound("POST", "/api/v1/blobs/abc", limits) == 0);
  CHECK(server::body_bound("PUT", "/api/v1/blobs/", limits) == 0);
  CHECK(server::body_bound("PUT", "/api/v1/blobs/a/b", limits) == 0);
  CHECK(server::body_bound("POST", "/api/v1/import/Residents", limits) == 0);
  CHECK(server::body_bound("POST", "/index.html", limits) == 0);
  CHECK(server::body_bound("GET", "/", limits) == 0);
}

TEST_CASE("a request is refused by its headers: 413 over the bound, 411 without a length, 415 compressed, 400 a bad length") {
  CHECK(refused_with(request("POST", "/api/v1/enroll", {{"Content-Length", "4096"}})) == 0);
  CHECK(refused_with(request("POST", "/api/v1/enroll", {{"Content-Length", "4097"}})) == 413);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", std::to_string(8u << 20)}})) == 0);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", std::to_string((8u << 20) + 1)}})) == 413);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "99999999999999999"}})) == 413);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Transfer-Encoding", "chunked"}})) == 411);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Transfer-Encoding", "chunked"}, {"Content-Length", "10"}})) == 411);
  CHECK(refused_with(request("POST", "/api/v1/sync", {})) == 411);
  CHECK(refused_with(request("PUT", "/api/v1/blobs/ab", {})) == 411);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "10"}, {"Content-Encoding", "gzip"}})) == 415);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "10"}, {"Content-Encoding", "identity"}})) == 0);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "-1"}})) == 400);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "1e3"}})) == 400);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", ""}})) == 400);
  CHECK(refused_with(request("POST", "/api/v1/sync", {{"Content-Length", "10"}, {"Content-Length", "10"}})) == 400);
  // No body where none is taken: a GET may say 0 or nothing, not more.
  CHECK(refused_with(request("GET", "/api/v1/health", {})) == 0);
  CHECK(refused_with(request("GET", "/api/v1/health", {{"Content-Length", "0"}})) == 0);
  CHECK(refused_with(request("GET", "/api/v1/health", {{"Content-Length", "5"}})) == 413);
  CHECK(refused_with(request("GET", "/index.html", {{"Transfer-Encoding", "chunked"}})) == 411);
  CHECK(refused_with(request("DELETE", "/api/v1/sync", {})) == 0);  // httplib reads no body then
  CHECK(refused_with(request("DELETE", "/api/v1/sync", {{"Content-Length", "3"}})) == 413);
  CHECK(refused_with(request("PRI", "*", {})) == 411);  // httplib would read it to the end of the connection
}

TEST_CASE("over HTTP a body at its endpoint's bound is read, one byte more is refused unread, in the JSON error shape") {
  Served srv;
  httplib::Client cli("127.0.0.1", srv.port);
  const server::Limits& limits = srv.service->limits();
  struct Edge {
    const char* what;
    std::string path;
    std::size_t bound;
    bool put;
  };
  const std::vector<Edge> edges = {
      {"enrolment", "/api/v1/enroll", server::kEnrollBody, false},
      {"sync", "/api/v1/sync", limits.sync_body, false},
      {"photo", "/api/v1/blobs/" + std::string(64, 'a'), limits.blob_body, true},
      {"office sheet", "/api/v1/import/units?file=a.csv", limits.import_body, false},
  };
  for (const Edge& e : edges) {
    INFO(e.what);
    for (std::size_t size : {e.bound, e.bound + 1}) {
      const std::string body(size, ' ');
      auto res = e.put ? cli.Put(e.path.c_str(), body, "application/octet-stream")
                       : cli.Post(e.path.c_str(), body, "application/json");
      REQUIRE(res);
      CHECK(res->body.find("\"error\":") != std::string::npos);  // nothing here is a valid request
      if (size > e.bound) {
        CHECK(res->status == 413);
        CHECK(res->body.find("\"too_large\"") != std::string::npos);
        CHECK(res->get_header_value("Connection") == "close");
      } else {
        CHECK(res->status != 413);  // read and judged by the endpoint (400, 401)
      }
    }
  }
}

TEST_CASE("a refused request ends its connection after the answer, and kept-alive connections carry many requests") {
  Served srv;
  {
    Raw c(srv.port);
    REQUIRE(c.send("POST /api/v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
                   "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const std::string answer = c.read_until_closed(5000);
    CHECK(http_fixture::status_of(answer) == 411);
    CHECK(answer.find("{\"error\":\"length_required\"") != std::string::npos);
    CHECK(answer.find("\"ok\":true") == std::string::npos);  // what followed the refused head is not a request
    CHECK(c.closed());
  }
  {
    // A GET that declares a body: refused rather than its body read as the next request.
    Raw c(srv.port);
    REQUIRE(c.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nGET /"));
    CHECK(http_fixture::status_of(c.read_until_closed(5000)) == 413);
  }
  {
    // Two requests written at once on one connection: both answered, in order.
    Raw c(srv.port);
    REQUIRE(c.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                   "GET /api/v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    const std::string answers = c.read_until_closed(5000);
    CHECK(http_fixture::status_of(answers) == 200);
    CHECK(answers.find("HTTP/1.1 404") != std::string::npos);
  }
  httplib::Client cli("127.0.0.1", srv.port);
  cli.set_keep_alive(true);
  int ok = 0;
  for (int i = 0; i < 50; ++i) {
    auto res = cli.Get("/api/v1/health");
    if (res && res->status == 200) ++ok;
  }
  CHECK(ok == 50);
  auto res = cli.Get("/api/v1/health");
  REQUIRE(res);
  CHECK(res->get_header_value("Keep-Alive").find("max=1000") != std::string::npos);
}

TEST_CASE("every API answer carries the security headers, errors included") {
  Served srv;
  httplib::Client cli("127.0.0.1", srv.port);
  for (const char* path : {"/api/v1/health", "/api/v1/nothing", "/api/v1/export/units.csv"}) {
    INFO(path);
    auto res = cli.Get(path);
    REQUIRE(res);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
    CHECK(res->get_header_value("Content-Security-Policy") == server::kNothingPolicy);
    CHECK(res->get_header_value_count("Content-Security-Policy") == 1);
  }
  Raw c(srv.port);
  REQUIRE(c.send("BREW /coffee HTCPCP/1.0\r\n\r\n"));  // httplib's own 400
  const std::string answer = c.read_until_closed(5000);
  CHECK(http_fixture::status_of(answer) == 400);
  CHECK(answer.find("X-Content-Type-Options: nosniff") != std::string::npos);
}
