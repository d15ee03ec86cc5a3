#pragma once
// HTTPS in butler-server's own connection loop (app/server/http_server.hpp).
// httplib's SSLServer would bring its own loop, without the bounds ours keeps
// (a head's size and deadline, the refused body that ends a connection, the
// linger): both override the same private process_and_close_socket, so one
// class cannot have both. So HttpServer keeps its loop and only swaps what
// carries the bytes: the socket itself, or a TlsChannel over it.
//
// A TlsChannel runs OpenSSL over a non-blocking socket and waits with poll(),
// so every wait keeps its deadline: a client that sends half a TLS record, or
// half a handshake, cannot hold a read past its timeout (a blocking SSL_read
// would wait for the rest of the record however long it takes).
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>

#include "app/core/result.hpp"

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace server {

// The certificate chain and private key (PEM files), loaded once at start.
class TlsContext {
 public:
  // A readable message when a file is missing, unreadable or the key does not match.
  static app::Result<std::shared_ptr<TlsContext>> load(const std::string& cert_chain_pem, const std::string& key_pem);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;
  SSL_CTX* raw() const { return ctx_; }

 private:
  explicit TlsContext(SSL_CTX* ctx) : ctx_(ctx) {}
  SSL_CTX* ctx_;
};

// One connection's TLS session. The socket is made non-blocking for its life.
class TlsChannel {
 public:
  using Deadline = std::chrono::steady_clock::time_point;
  TlsChannel(const TlsContext& context, int sock);
  ~TlsChannel();
  TlsChannel(const TlsChannel&) = delete;
  TlsChannel& operator=(const TlsChannel&) = delete;

  // The server's side of the handshake, done by `deadline` or failed.
  bool handshake(Deadline deadline);
  // Decrypted bytes, or a record already received, wait to be read.
  bool buffered() const;
  // Like recv/send: bytes moved (> 0), 0 when the client closed, -1 on an
  // error or when `deadline` passed first.
  ssize_t read(char* out, std::size_t size, Deadline deadline);
  ssize_t write(const char* data, std::size_t size, Deadline deadline);
  // Tells the client this is the end (close_notify), without waiting for its answer.
  void close_notify();

 private:
  // Waits for what OpenSSL asked for after `result` of an SSL_* call; false on an error or the deadline.
  bool wait_after(int result, Deadline deadline);

  int sock_;
  SSL* ssl_ = nullptr;
  bool closed_ = false;
};

}  // namespace server
