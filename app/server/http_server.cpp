#include "app/server/http_server.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include "app/server/tls_channel.hpp"

namespace server {
namespace {

using Clock = std::chrono::steady_clock;

int ms_until(Clock::time_point t) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

int wait_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int r = ::poll(&p, 1, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    return r;
  }
}

void address_of(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  if (addr.ss_family == AF_INET) port = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
  else if (addr.ss_family == AF_INET6) port = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  else return;
  char host[NI_MAXHOST] = {};
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) == 0) ip = host;
}

// One client connection, for all its kept-alive requests: a buffered stream
// over the socket (or over TLS on it) that also keeps each request's head
// within its bounds.
class Connection final : public httplib::Stream {
 public:
  Connection(int sock, const HttpTuning& tuning, TlsChannel* tls) : sock_(sock), tuning_(tuning), tls_(tls) {}

  // Between requests: true when the next one has started to arrive within
  // the keep-alive timeout (checking every 50 ms that the server still runs).
  bool wait_for_request(const std::atomic<socket_t>& listener) {
    if (off_ < len_ || (tls_ && tls_->buffered())) return true;  // pipelined: already here
    const auto deadline = Clock::now() + std::chrono::seconds(tuning_.keep_alive_timeout_s);
    while (listener != INVALID_SOCKET) {
      const int left = ms_until(deadline);
      if (left == 0) return false;
      const int r = wait_for(sock_, POLLIN, std::min(left, 50));
      if (r != 0) return r > 0;
    }
    return false;
  }
  void begin_head() {
    in_head_ = true;
    head_bytes_ = 0;
    head_deadline_ = Clock::now() + std::chrono::milliseconds(tuning_.head_deadline_ms);
  }
  void end_head() { in_head_ = false; }
  bool in_head() const { return in_head_; }
  void close_after_reply() { closing_ = true; }
  bool closing() const { return closing_; }
  bool broken() const { return broken_; }

  // The answer is out: the client sees the end of it, and what it still
  // sends of a refused body is read and dropped (a close with unread data
  // would reset the connection, often before the client has read the answer).
  void linger() {
    if (tls_) tls_->close_notify();
    ::shutdown(sock_, SHUT_WR);
    const auto deadline = Clock::now() + std::chrono::milliseconds(tuning_.linger_ms);
    char sink[16 * 1024];
    std::size_t dropped = 0;
    while (dropped < tuning_.linger_max_bytes) {  // TLS records too: dropped undecrypted
      const int left = ms_until(deadline);
      if (left == 0 || wait_for(sock_, POLLIN, left) <= 0) return;
      const ssize_t n = ::recv(sock_, sink, sizeof sink, 0);
      if (n <= 0) return;
      dropped += static_cast<std::size_t>(n);
    }
  }

  bool is_readable() const override {
    return off_ < len_ || (tls_ && tls_->buffered()) ||
           wait_for(sock_, POLLIN, static_cast<int>(tuning_.read_timeout_s * 1000)) > 0;
  }
  bool is_writable() const override {
    return wait_for(sock_, POLLOUT, static_cast<int>(tuning_.write_timeout_s * 1000)) > 0;
  }

  ssize_t read(char* ptr, std::size_t size) override {
    if (broken_) return -1;
    if (off_ == len_) {
      int timeout = static_cast<int>(tuning_.read_timeout_s * 1000);
      if (in_head_) timeout = std::min(timeout, ms_until(head_deadline_));
      // A large read (a body) goes straight to the caller's buffer.
      const bool direct = size >= sizeof buf_;
      const ssize_t n = receive(direct ? ptr : buf_, direct ? size : sizeof buf_, timeout);
      if (n <= 0) return fail();
      if (direct) return n;
      off_ = 0;
      len_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, len_ - off_);
    if (in_head_) {
      if (head_bytes_ + n > tuning_.head_max_bytes) return fail();
      head_bytes_ += n;
    }
    std::memcpy(ptr, buf_ + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    if (broken_) return fail();
    if (tls_) {
      const ssize_t n = tls_->write(ptr, size, Clock::now() + std::chrono::seconds(tuning_.write_timeout_s));
      return n <= 0 ? fail() : n;
    }
    if (!is_writable()) return fail();
    const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    return n < 0 ? fail() : n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, len, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, len, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  // At most `size` bytes within `timeout_ms`: 0 or less when none came.
  ssize_t receive(char* ptr, std::size_t size, int timeout_ms) {
    if (timeout_ms == 0) return -1;
    if (tls_) return tls_->read(ptr, size, Clock::now() + std::chrono::milliseconds(timeout_ms));
    if (wait_for(sock_, POLLIN, timeout_ms) <= 0) return -1;
    return ::recv(sock_, ptr, size, 0);
  }

  ssize_t fail() {
    broken_ = true;
    return -1;
  }

  int sock_;
  const HttpTuning& tuning_;
  TlsChannel* tls_;  // null: plain HTTP
  char buf_[4096];
  std::size_t off_ = 0, len_ = 0;
  bool in_head_ = false;
  std::size_t head_bytes_ = 0;
  Clock::time_point head_deadline_;
  bool closing_ = false;
  bool broken_ = false;
};

// The connection this worker thread is serving (httplib runs a connection's
// requests, handlers included, on one worker from start to end).
thread_local Connection* current = nullptr;

}  // namespace

HttpServer::HttpServer(const HttpTuning& tuning) : tuning_(tuning) {
  const std::size_t threads = std::max<std::size_t>(tuning_.threads, 1);
  new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  set_read_timeout(tuning_.read_timeout_s);
  set_write_timeout(tuning_.write_timeout_s);
  set_keep_alive_timeout(tuning_.keep_alive_timeout_s);
  set_keep_alive_max_count(std::max<std::size_t>(tuning_.keep_alive_max, 1));
  set_tcp_nodelay(tuning_.nodelay);
}

bool HttpServer::bind_to_port(const std::string& host, int port, int socket_flags) {
  return httplib::Server::bind_to_port(host, port, socket_flags) && ::listen(svr_sock_, tuning_.backlog) == 0;
}

int HttpServer::bind_to_any_port(const std::string& host, int socket_flags) {
  const int port = httplib::Server::bind_to_any_port(host, socket_flags);
  return port > 0 && ::listen(svr_sock_, tuning_.backlog) == 0 ? port : -1;
}

app::Status HttpServer::use_tls(const std::string& cert_chain_pem, const std::string& key_pem) {
  auto context = TlsContext::load(cert_chain_pem, key_pem);
  if (!context.ok()) return context.error();
  tls_ = std::move(context).value();
  return app::ok_status();
}

void HttpServer::close_after_reply(httplib::Response& res) {
  if (current) current->close_after_reply();
  res.set_header("Connection", "close");
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (tuning_.nodelay) {
    const int on = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  }
  bool ok = false;
  // TLS: the handshake is held to the head's deadline (a trickled handshake
  // is a trickled head); a failed one ends the connection with nothing read.
  std::unique_ptr<TlsChannel> tls;
  if (tls_) {
    tls = std::make_unique<TlsChannel>(*tls_, sock);
    if (!tls->handshake(Clock::now() + std::chrono::milliseconds(tuning_.head_deadline_ms))) tls.reset();
  }
  if (!tls_ || tls) {
    Connection conn(sock, tuning_, tls.get());
    current = &conn;
    for (std::size_t left = keep_alive_max_count_; left > 0 && conn.wait_for_request(svr_sock_); --left) {
      conn.begin_head();
      bool client_closes = false;
      ok = process_request(conn, left == 1, client_closes, [&conn](httplib::Request&) { conn.end_head(); });
      // A head that never completed (too long, too slow, unparsable) leaves
      // nothing on this connection that can be read as a request.
      if (!ok || client_closes || conn.closing() || conn.broken() || conn.in_head()) break;
    }
    if (conn.closing() && !conn.broken()) conn.linger();
    else if (tls && !conn.broken()) tls->close_notify();
    current = nullptr;
  }
  tls.reset();
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace server
