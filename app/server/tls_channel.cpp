#include "app/server/tls_channel.hpp"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>

namespace server {
namespace {

int ms_until(TlsChannel::Deadline t) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(t - std::chrono::steady_clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

bool wait_for(int sock, short events, TlsChannel::Deadline deadline) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int left = ms_until(deadline);
    if (left == 0) return false;
    const int r = ::poll(&p, 1, left);
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

std::string openssl_error() {
  const unsigned long e = ERR_get_error();
  char text[256] = "unknown error";
  if (e != 0) ERR_error_string_n(e, text, sizeof text);
  ERR_clear_error();
  return text;
}

}  // namespace

app::Result<std::shared_ptr<TlsContext>> TlsContext::load(const std::string& cert_chain_pem, const std::string& key_pem) {
  // OpenSSL writes to the socket with write(): a client gone mid-answer would
  // raise SIGPIPE and end the process. (Plain HTTP sends with MSG_NOSIGNAL.)
  std::signal(SIGPIPE, SIG_IGN);
  ERR_clear_error();
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (!ctx) return app::Error{"tls", "cannot set up TLS: " + openssl_error()};
  auto context = std::shared_ptr<TlsContext>(new TlsContext(ctx));
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  // Non-blocking writes: a write that has to wait is retried with the same
  // bytes, maybe from another place in memory, and may go out in parts.
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate_chain_file(ctx, cert_chain_pem.c_str()) != 1) {
    return app::Error{"tls_cert", "cannot use the certificate " + cert_chain_pem + ": " + openssl_error()};
  }
  if (SSL_CTX_use_PrivateKey_file(ctx, key_pem.c_str(), SSL_FILETYPE_PEM) != 1) {
    return app::Error{"tls_key", "cannot use the private key " + key_pem + ": " + openssl_error()};
  }
  if (SSL_CTX_check_private_key(ctx) != 1) {
    return app::Error{"tls_key", "the private key " + key_pem + " does not belong to the certificate " + cert_chain_pem};
  }
  return context;
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

TlsChannel::TlsChannel(const TlsContext& context, int sock) : sock_(sock) {
  const int flags = ::fcntl(sock, F_GETFL, 0);
  if (flags >= 0) ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
  ssl_ = SSL_new(context.raw());
  if (ssl_ && SSL_set_fd(ssl_, sock) != 1) {
    SSL_free(ssl_);
    ssl_ = nullptr;
  }
}

TlsChannel::~TlsChannel() {
  if (ssl_) SSL_free(ssl_);
}

bool TlsChannel::wait_after(int result, Deadline deadline) {
  switch (SSL_get_error(ssl_, result)) {
    case SSL_ERROR_WANT_READ: return wait_for(sock_, POLLIN, deadline);
    case SSL_ERROR_WANT_WRITE: return wait_for(sock_, POLLOUT, deadline);
    default: return false;
  }
}

bool TlsChannel::handshake(Deadline deadline) {
  if (!ssl_) return false;
  for (;;) {
    ERR_clear_error();
    const int r = SSL_accept(ssl_);
    if (r == 1) return true;
    if (!wait_after(r, deadline)) {
      closed_ = true;  // no close_notify on a session that never began
      return false;
    }
  }
}

bool TlsChannel::buffered() const { return ssl_ && SSL_has_pending(ssl_) == 1; }

ssize_t TlsChannel::read(char* out, std::size_t size, Deadline deadline) {
  if (!ssl_ || closed_) return -1;
  const int n = static_cast<int>(std::min<std::size_t>(size, INT_MAX));
  for (;;) {
    ERR_clear_error();
    const int r = SSL_read(ssl_, out, n);
    if (r > 0) return r;
    if (SSL_get_error(ssl_, r) == SSL_ERROR_ZERO_RETURN) return 0;
    if (!wait_after(r, deadline)) return -1;
  }
}

ssize_t TlsChannel::write(const char* data, std::size_t size, Deadline deadline) {
  if (!ssl_ || closed_) return -1;
  const int n = static_cast<int>(std::min<std::size_t>(size, INT_MAX));
  for (;;) {
    ERR_clear_error();
    const int r = SSL_write(ssl_, data, n);
    if (r > 0) return r;
    if (!wait_after(r, deadline)) {
      closed_ = true;  // a failed write leaves the session unusable
      return -1;
    }
  }
}

void TlsChannel::close_notify() {
  if (!ssl_ || closed_) return;
  closed_ = true;
  ERR_clear_error();
  (void)SSL_shutdown(ssl_);  // sends ours; the client's answer is not waited for
}

}  // namespace server
