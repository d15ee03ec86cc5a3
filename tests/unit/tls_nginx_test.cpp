// deploy/nginx/butler-rounds.conf, as the README tells an operator to run it
// (issue 20): nginx terminates TLS with a throwaway self-signed certificate
// and proxies to butler-server --demo --trusted-proxy 127.0.0.1; over HTTPS,
// with the certificate as the only CA, /health answers, a demo sign-in works,
// and the server's security headers arrive next to nginx's HSTS; plain HTTP
// is sent to HTTPS. nginx runs as an ordinary user (nobody, when the suite
// runs as root) from a temporary prefix with its own pid file, logs and ports.
// The server is the build's own (BUTLER_SERVER_BIN), nginx Debian's
// (scripts/setup installs it).
#include <catch2/catch.hpp>
#include <httplib.h>

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "app/server/admin.hpp"
#include "app/sync/wire.hpp"
#include "tls_fixture.hpp"

using tls_fixture::TempDir;

namespace {

constexpr uid_t kNobody = 65534;  // Debian's nobody and nogroup

// A child process, stopped (SIGTERM, then waited for) when this goes.
class Child {
 public:
  // Runs `argv` with stdout and stderr to `log`; as nobody when `drop_root` and we are root.
  // Everything is made before fork(): the child only calls what is safe there.
  Child(const std::vector<std::string>& argv, const std::string& log, bool drop_root) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const bool drop = drop_root && ::geteuid() == 0;
    pid_ = ::fork();
    if (pid_ == 0) {
      if (fd >= 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
      }
      if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) ::_exit(126);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    if (fd >= 0) ::close(fd);
  }
  ~Child() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  bool running() const { return pid_ > 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  pid_t pid_ = -1;
};

// `text` with `from` replaced once; the test fails if the file no longer has it.
void replace(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  INFO("deploy/nginx/butler-rounds.conf no longer has: " << from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

// The operator's config with this test's ports, certificate and server.
std::string site_config(const TempDir& dir, int http_port, int https_port, int server_port) {
  std::string conf = tls_fixture::read_file(BUTLER_NGINX_CONF);
  replace(conf, "listen 80;", "listen 127.0.0.1:" + std::to_string(http_port) + ";");
  replace(conf, "listen [::]:80;", "");
  replace(conf, "listen 443 ssl http2;", "listen 127.0.0.1:" + std::to_string(https_port) + " ssl http2;");
  replace(conf, "listen [::]:443 ssl http2;", "");
  replace(conf, "/etc/ssl/butler-rounds/fullchain.pem", dir.file("cert.pem"));
  replace(conf, "/etc/ssl/butler-rounds/privkey.pem", dir.file("key.pem"));
  replace(conf, "server 127.0.0.1:8080;", "server 127.0.0.1:" + std::to_string(server_port) + ";");
  return conf;
}

// What Debian's nginx.conf gives the site (its http block includes it), in the temporary prefix.
std::string main_config(const TempDir& dir) {
  const std::string d = dir.path.string();
  return "daemon off;\nworker_processes 1;\npid " + d + "/nginx.pid;\nerror_log " + d + "/error.log warn;\n"
         "events { worker_connections 64; }\n"
         "http {\n  access_log " + d + "/access.log;\n  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d +
         "/proxy;\n  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d +
         "/scgi;\n  include " + d + "/butler-rounds.conf;\n}\n";
}

const char* nginx_binary() {
  for (const char* p : {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return nullptr;
}

// Asks `ask` every 100 ms until it says yes or `seconds` pass.
template <typename F>
bool eventually(int seconds, F ask) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (ask()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

std::unique_ptr<httplib::SSLClient> https(const TempDir& dir, int port) {
  auto cli = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
  cli->set_ca_cert_path(dir.file("cert.pem").c_str());
  cli->enable_server_certificate_verification(true);
  cli->set_connection_timeout(5);
  cli->set_read_timeout(30);
  return cli;
}

}  // namespace

TEST_CASE("nginx with deploy/nginx/butler-rounds.conf terminates TLS for butler-server: health, a sign-in, security headers, HSTS") {
  const char* nginx = nginx_binary();
  INFO("nginx is not installed: scripts/setup installs Debian's nginx");
  REQUIRE(nginx);
  TempDir dir;
  REQUIRE_FALSE(dir.path.empty());
  REQUIRE(tls_fixture::make_self_signed(dir));
  const int server_port = tls_fixture::free_port(), https_port = tls_fixture::free_port(), http_port = tls_fixture::free_port();
  REQUIRE((server_port > 0 && https_port > 0 && http_port > 0));
  {
    std::ofstream(dir.file("butler-rounds.conf")) << site_config(dir, http_port, https_port, server_port);
    std::ofstream(dir.file("nginx.conf")) << main_config(dir);
  }
  // nginx as nobody needs its prefix and the key for itself, as an operator's nginx has them.
  if (::geteuid() == 0) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path)) {
      REQUIRE(::chown(entry.path().c_str(), kNobody, kNobody) == 0);
    }
    REQUIRE(::chown(dir.path.c_str(), kNobody, kNobody) == 0);
  }

  Child butler({BUTLER_SERVER_BIN, "--host", "127.0.0.1", "--port", std::to_string(server_port), "--data",
                dir.file("data-server"), "--site", dir.file("site"), "--demo", "--quiet", "--trusted-proxy", "127.0.0.1"},
               dir.file("server.log"), false);
  httplib::Client direct("127.0.0.1", server_port);
  const bool server_up = eventually(60, [&] { return static_cast<bool>(direct.Get("/api/v1/health")); });
  INFO("butler-server's output: " << tls_fixture::read_file(dir.file("server.log")));
  REQUIRE(server_up);

  Child proxy({nginx, "-p", dir.path.string(), "-c", dir.file("nginx.conf"), "-e", dir.file("error.log")},
              dir.file("nginx.out"), true);
  auto cli = https(dir, https_port);
  const bool proxy_up = eventually(20, [&] { return static_cast<bool>(cli->Get("/api/v1/health")); });
  INFO("nginx's error log: " << tls_fixture::read_file(dir.file("error.log")) << tls_fixture::read_file(dir.file("nginx.out")));
  REQUIRE(proxy_up);

  auto health = cli->Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body.find("\"ok\":true") != std::string::npos);
  CHECK(health->body.find("\"demo\":true") != std::string::npos);
  CHECK(health->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(health->get_header_value("X-Frame-Options") == "DENY");
  CHECK(health->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(health->get_header_value("Strict-Transport-Security") == "max-age=31536000");

  // A demo butler signs in through nginx (the body goes through its buffering).
  std::string code, pin;
  for (const auto& l : server::demo_logins()) {
    if (l.role == 0) {
      code = l.code;
      pin = l.pin;
      break;
    }
  }
  REQUIRE_FALSE(code.empty());
  auto enrolled = cli->Post("/api/v1/enroll", app::sync::encode_enroll_request({code, pin, app::Id{0x715, 1}}), "application/json");
  REQUIRE(enrolled);
  INFO(enrolled->body);
  CHECK(enrolled->status == 200);
  const auto answer = app::sync::parse_enroll_response(enrolled->body);
  REQUIRE(answer.ok());
  CHECK(answer.value().token.size() == 64);
  CHECK(answer.value().demo);
  CHECK(enrolled->get_header_value("Cache-Control") == "no-store");
  CHECK(enrolled->get_header_value("Strict-Transport-Security") == "max-age=31536000");

  // A client that does not trust the certificate gets nothing.
  httplib::SSLClient untrusting("127.0.0.1", https_port);
  untrusting.enable_server_certificate_verification(true);
  CHECK_FALSE(untrusting.Get("/api/v1/health"));

  // Plain HTTP only points to HTTPS.
  httplib::Client plain("127.0.0.1", http_port);
  auto redirect = plain.Get("/office");
  REQUIRE(redirect);
  CHECK(redirect->status == 301);
  CHECK(redirect->get_header_value("Location").rfind("https://", 0) == 0);

  CHECK(butler.running());
  CHECK(proxy.running());
}
