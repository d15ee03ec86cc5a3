// The site as the server sends it to a browser on a slow line (issue 15): the
// build's Brotli or gzip copy of each file, whichever the browser accepts, as
// the same resource (Content-Encoding, Vary); build-named files (?v=) kept
// for good, the page and the service worker asked again every time.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "app/server/http_headers.hpp"
#include "app/server/static_site.hpp"

namespace {

void write(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("the static site sends the compressed copy the browser accepts, and caches by build") {
  const auto dir = std::filesystem::temp_directory_path() / ("butler-site-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  write(dir / "index.html", "<!doctype html>page");
  write(dir / "butler.wasm", "plain wasm bytes");
  write(dir / "butler.wasm.br", "brotli bytes");
  write(dir / "butler.wasm.gz", "gzip bytes");
  write(dir / "sw.js", "worker");
  write(dir / "loader.js", "plain script");
  write(dir / "loader.js.br", "brotli script bytes");

  // A copy older than its file (the file changed since) is stale: not sent.
  write(dir / "sw.js.br", "old worker, compressed");
  std::filesystem::last_write_time(dir / "sw.js.br", std::filesystem::last_write_time(dir / "sw.js") - std::chrono::seconds(5));

  httplib::Server http;
  server::mount_static_site(http, dir.string());
  const int port = http.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::yield();
  httplib::Client cli("127.0.0.1", port);
  cli.set_decompress(false);  // what went over the wire, not what a browser makes of it

  auto br = cli.Get("/butler.wasm?v=abc", {{"Accept-Encoding", "gzip, deflate, br, zstd"}});
  REQUIRE(br);
  CHECK(br->body == "brotli bytes");
  CHECK(br->get_header_value("Content-Encoding") == "br");
  CHECK(br->get_header_value("Content-Type") == "application/wasm");
  CHECK(br->get_header_value("Vary") == "Accept-Encoding");
  CHECK(br->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");

  auto gz = cli.Get("/butler.wasm?v=abc", {{"Accept-Encoding", "gzip, br;q=0"}});
  REQUIRE(gz);
  CHECK(gz->body == "gzip bytes");
  CHECK(gz->get_header_value("Content-Encoding") == "gzip");

  auto plain = cli.Get("/butler.wasm?v=abc", {{"Accept-Encoding", "identity"}});
  REQUIRE(plain);
  CHECK(plain->body == "plain wasm bytes");
  CHECK_FALSE(plain->has_header("Content-Encoding"));

  // A text file's copy goes as it is (httplib, which compresses text on the
  // fly, must not compress it a second time).
  auto script = cli.Get("/loader.js?v=abc", {{"Accept-Encoding", "br"}});
  REQUIRE(script);
  CHECK(script->body == "brotli script bytes");
  CHECK(script->get_header_value("Content-Encoding") == "br");
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");

  // No copy beside it: the file itself (httplib may compress text itself).
  cli.set_decompress(true);
  auto page = cli.Get("/", {{"Accept-Encoding", "br"}});
  REQUIRE(page);
  CHECK(page->body == "<!doctype html>page");
  CHECK(page->get_header_value("Cache-Control") == "no-cache");
  CHECK(cli.Get("/sw.js?v=abc")->get_header_value("Cache-Control") == "no-cache");
  cli.set_decompress(true);
  auto worker = cli.Get("/sw.js", {{"Accept-Encoding", "br"}});
  REQUIRE(worker);
  CHECK(worker->body == "worker");
  CHECK(cli.Get("/butler.wasm")->get_header_value("Cache-Control") == "no-cache");  // not named by a build

  http.stop();
  thread.join();
  std::filesystem::remove_all(dir);
}

TEST_CASE("the static site serves nothing outside its folder, not even from a sibling folder named like it") {
  // site and site-secret side by side: the secret's path begins with the
  // site's characters, but not with its whole folder.
  const auto base = std::filesystem::temp_directory_path() / ("butler-sibling-" + std::to_string(::getpid()));
  const auto dir = base / "site", secret = base / "site-secret";
  std::filesystem::create_directories(dir / "sub");
  std::filesystem::create_directories(secret);
  write(dir / "index.html", "<!doctype html>page");
  write(dir / "sub" / "inner.txt", "inside");
  write(secret / "token.txt", "not for the web");
  write(base / "beside.txt", "not for the web either");

  for (const std::string& given : {dir.string(), dir.string() + "/"}) {
    INFO(given);
    httplib::Server http;
    server::mount_static_site(http, given);
    const int port = http.bind_to_any_port("127.0.0.1");
    std::thread thread([&] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::yield();
    httplib::Client cli("127.0.0.1", port);
    CHECK(cli.Get("/sub/inner.txt")->body == "inside");
    CHECK(cli.Get("/sub/../index.html")->body == "<!doctype html>page");
    for (const char* path : {"/../site-secret/token.txt", "/%2e%2e/site-secret/token.txt", "/sub/../../site-secret/token.txt",
                             "/../beside.txt", "//etc/passwd", "/../site"}) {
      INFO(path);
      auto res = cli.Get(path);
      REQUIRE(res);
      CHECK(res->status == 404);
      CHECK(res->body.find("not for the web") == std::string::npos);
    }
    http.stop();
    thread.join();
  }
  std::filesystem::remove_all(base);
}

TEST_CASE("the app page, the office page and every other file carry the security headers, each page its own policy") {
  const auto dir = std::filesystem::temp_directory_path() / ("butler-headers-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  write(dir / "index.html", "<!doctype html>app");
  write(dir / "office.html", "<!doctype html>office");
  write(dir / "sw.js", "worker");
  write(dir / "butler.wasm", "wasm");
  httplib::Server http;
  server::mount_static_site(http, dir.string());
  server::mount_security_headers(http);
  const int port = http.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { http.listen_after_bind(); });
  while (!http.is_running()) std::this_thread::yield();
  httplib::Client cli("127.0.0.1", port);
  struct Expect {
    const char* path;
    const char* policy;
  };
  for (const Expect& e : {Expect{"/", server::kAppPolicy}, Expect{"/index.html", server::kAppPolicy},
                          Expect{"/office", server::kOfficePolicy}, Expect{"/office.html", server::kOfficePolicy},
                          Expect{"/sw.js", server::kAppPolicy},  // a service worker runs under its script's policy
                          Expect{"/butler.wasm", server::kNothingPolicy}, Expect{"/missing.html", server::kNothingPolicy}}) {
    INFO(e.path);
    auto res = cli.Get(e.path);
    REQUIRE(res);
    CHECK(res->get_header_value("Content-Security-Policy") == e.policy);
    CHECK(res->get_header_value_count("Content-Security-Policy") == 1);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(res->get_header_value("X-Frame-Options") == "DENY");
  }
  const std::string app = server::kAppPolicy;
  CHECK(app.find("script-src 'self' 'wasm-unsafe-eval';") != std::string::npos);  // compiles its own wasm, runs no inline script
  CHECK(app.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(std::string(server::kOfficePolicy).find("script-src 'self';") != std::string::npos);
  http.stop();
  thread.join();
  std::filesystem::remove_all(dir);
}
