#pragma once
// butler-server's HTTP transport: httplib's Server with a connection loop of
// its own, so that a client cannot hold memory or a worker for long:
//   - the request line and headers together are at most head_max_bytes and
//     must arrive within head_deadline_ms of their first byte (httplib reads a
//     line until its newline, however long, and a trickle of header bytes
//     never trips a per-read timeout);
//   - every read and write waits at most read/write_timeout_s;
//   - a request whose body was refused unread (app/server/http_limits.hpp)
//     ends its connection: the answer goes out, whatever the client still
//     sends is read and dropped for a bounded time (so it sees the answer,
//     not a reset), then the socket closes;
//   - a worker pool of `threads` (httplib gives each open connection one
//     worker: kept-alive tablets and slow clients must not starve /health);
//   - TCP_NODELAY, so a small answer on a kept-alive connection is not held
//     back ~40 ms by Nagle's algorithm waiting for a delayed ACK;
//   - a listen backlog of 1024, not httplib's 5.
// With use_tls() the same loop speaks HTTPS (app/server/tls_channel.hpp): the
// same bounds, the TLS handshake held to the head's deadline.
// What it cannot stop: a flood of connections from many addresses fills the
// pool whatever its size; the TLS terminator in front (nginx) limits those.
#include <httplib.h>

#include <cstddef>
#include <ctime>
#include <memory>
#include <string>

#include "app/core/result.hpp"

namespace server {

class TlsContext;

struct HttpTuning {
  HttpTuning() = default;
  std::size_t threads = 128;
  bool nodelay = true;
  std::time_t read_timeout_s = 5;
  std::time_t write_timeout_s = 5;
  std::time_t keep_alive_timeout_s = 5;
  std::size_t keep_alive_max = 1000;
  int backlog = 1024;
  std::size_t head_max_bytes = 64 * 1024;
  int head_deadline_ms = 10000;
  // After a refused body: how much of it, and for how long, is read and dropped.
  std::size_t linger_max_bytes = 32u << 20;
  int linger_ms = 2000;
};

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const HttpTuning& tuning = HttpTuning());

  // From a handler (pre-routing, expect-100): this request's body is not
  // read, so nothing more on its connection can be: answer, then close.
  // On a plain httplib::Server it only says "Connection: close".
  static void close_after_reply(httplib::Response& res);

  const HttpTuning& tuning() const { return tuning_; }

  // Serve HTTPS with this certificate chain and key (PEM files), before listening.
  app::Status use_tls(const std::string& cert_chain_pem, const std::string& key_pem);
  bool tls() const { return tls_ != nullptr; }

  // httplib's, then the listening socket's backlog raised from httplib's 5
  // to `backlog`: with 5, kept-alive clients reconnecting together overflow
  // it, and each dropped SYN waits a second to be sent again.
  bool bind_to_port(const std::string& host, int port, int socket_flags = 0);
  int bind_to_any_port(const std::string& host, int socket_flags = 0);

 private:
  bool process_and_close_socket(socket_t sock) override;

  HttpTuning tuning_;
  std::shared_ptr<TlsContext> tls_;
};

}  // namespace server
