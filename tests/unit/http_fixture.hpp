#pragma once
// The real butler-server HTTP stack on 127.0.0.1 (a free port) as main.cpp
// assembles it: HttpServer (its connection loop and worker pool), the API
// with its body bounds, the security headers; and a raw TCP client that
// writes exactly the bytes a test gives it, for requests httplib's client
// will not send (chunked bodies, lies about lengths, a trickle of bytes).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "app/server/api.hpp"
#include "app/server/http_headers.hpp"
#include "app/server/http_server.hpp"
#include "app/server/server_ports.hpp"
#include "app/server/sync_service.hpp"
#include "fakes.hpp"
#include "test_db.hpp"

namespace http_fixture {

struct Served {
  fakes::Clock clock;
  server::OsRandom random;
  std::unique_ptr<server::ServerStore> store;
  std::unique_ptr<server::SyncService> service;
  server::HttpServer http;
  std::thread thread;
  int port = 0;

  // `location`: the database (tests/unit/test_db.hpp); two Served on one are two instances.
  explicit Served(const server::HttpTuning& tuning = server::HttpTuning(),
                  const std::string& location = test_db::location())
      : http(tuning) {
    store = std::move(server::ServerStore::open(location)).value();
    service = std::make_unique<server::SyncService>(*store, clock, random);
    server::mount_api(http, *service);
    server::mount_security_headers(http);
    port = http.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::yield();
  }
  ~Served() {
    http.stop();
    thread.join();
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;
};

// A TCP connection to the server; every wait is bounded.
class Raw {
 public:
  explicit Raw(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval tv{5, 0};  // a send the server no longer reads fails after 5 s instead of hanging
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~Raw() { ::close(fd_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  bool connected() const { return connected_; }
  // False once the server takes no more (closed, reset, or not reading for 5 s).
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  // Whether the server has written something (or closed) within `ms`.
  bool readable(int ms) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
  }
  // What the server sends until it closes, or `ms` pass with nothing new.
  std::string read_until_closed(int ms) {
    std::string out;
    char buf[4096];
    while (readable(ms)) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  bool closed() const { return closed_; }

 private:
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
};

// The answer's status code from its first line, or 0.
inline int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.substr(9, 3).c_str());
}

// A line of /proc/self/status in bytes ("VmHWM", "VmRSS").
inline long long proc_status_bytes(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::atoll(line.c_str() + key.size() + 1) * 1024;
  }
  return -1;
}

// Peak memory from now on: the kernel's high-water mark starts again at the
// current size (so an earlier test's peak cannot hide this one's).
inline long long reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
  return proc_status_bytes("VmRSS");
}

// GET /api/v1/health on a connection of its own: its wall time in ms, or -1 without an answer.
inline long long health_ms(int port) {
  httplib::Client cli("127.0.0.1", port);
  cli.set_connection_timeout(10);
  cli.set_read_timeout(10);
  const auto start = std::chrono::steady_clock::now();
  auto res = cli.Get("/api/v1/health");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  return res && res->status == 200 ? ms : -1;
}

}  // namespace http_fixture
