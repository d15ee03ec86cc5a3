#pragma once
// Which address a request comes from, for sign-in throttling (per client
// address, app/server/sign_in.hpp). Behind a TLS terminator every request's
// peer is the proxy (127.0.0.1), which would put every tablet in one bucket:
// one attacker's wrong PINs would lock everyone out. So a proxy named with
// --trusted-proxy speaks for its clients: only when the peer is one of them
// is the last X-Forwarded-For entry (the one that proxy appended: the
// address it saw) taken as the client's. From anyone else the header is
// ignored, so a client talking to the server directly cannot pick its bucket.
#include <string>
#include <string_view>
#include <vector>

namespace server {

// Addresses kept as their 16-byte binary form (IPv4 as ::ffff:a.b.c.d), so
// "127.0.0.1" and "::ffff:127.0.0.1" are the same proxy.
class TrustedProxies {
 public:
  // "127.0.0.1" or "127.0.0.1,::1" (spaces allowed): false, and nothing
  // added, when any entry is not an IP address.
  bool add(std::string_view list);
  bool contains(std::string_view address) const;
  bool empty() const { return addresses_.empty(); }

 private:
  std::vector<std::string> addresses_;
};

// `peer` as the socket saw it, or the last entry of `forwarded_for` when the
// peer is a trusted proxy and that entry is an IP address.
std::string client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted);

}  // namespace server
